import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Specialty } from '../../../common/complaints.ts';
import { SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { SuggestionQuery } from '../../data/hooks/complaints.ts';
import { useComplaintSuggestions } from '../../data/hooks/complaints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { locationText, SeverityTag, StatusTag } from './complaint-tags.tsx';

export const LINK_EXPLANATION =
  '归集为同一问题后，一个月内 3 位以上不同投诉人反映同一问题，将触发投诉预警（群诉预警），相关投诉的性质升为「热点」。';

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export type LinkedIssue = { id: string; title: string };

type SuggestionsPanelProps = {
  projectId: string | undefined;
  buildingId: string | null | undefined;
  specialty: Specialty | undefined;
  text: string;
  linked: LinkedIssue | null;
  onLink: (issue: LinkedIssue | null) => void;
};

/** 「可能是同一问题」: open complaints of the same project (building, specialty) with similar text. */
export function SuggestionsPanel({ projectId, buildingId, specialty, text, linked, onLink }: SuggestionsPanelProps) {
  const debouncedText = useDebounced(text.trim().slice(0, 200), 500);
  const query: SuggestionQuery | null =
    projectId && debouncedText.length >= 2
      ? { projectId, buildingId: buildingId ?? undefined, specialty, text: debouncedText }
      : null;
  const suggestions = useComplaintSuggestions(query);
  const items = query ? (suggestions.data ?? []) : [];

  if (!linked && items.length === 0) return null;

  return (
    <Card size="small" title="可能是同一问题" extra={query && suggestions.isFetching && <Spin size="small" />}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {LINK_EXPLANATION}
      </Typography.Paragraph>
      {linked && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={`新投诉将归集到问题：${linked.title}`}
          action={
            <Button size="small" onClick={() => onLink(null)}>
              取消归集
            </Button>
          }
        />
      )}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '暂无相似投诉' }}
        renderItem={(s) => (
          <List.Item
            key={s.id}
            actions={[
              s.issue ? (
                <Button
                  key="link"
                  size="small"
                  type={linked?.id === s.issue.id ? 'primary' : 'default'}
                  icon={<LinkOutlined />}
                  disabled={linked?.id === s.issue.id}
                  onClick={() => s.issue && onLink(s.issue)}
                >
                  {linked?.id === s.issue.id ? '已归集' : '归集为同一问题'}
                </Button>
              ) : (
                <Typography.Text key="none" type="secondary">
                  尚未归集问题
                </Typography.Text>
              ),
            ]}
          >
            <Space orientation="vertical" size={2}>
              <Space size={6} wrap>
                <Link to={`/complaints/${s.id}`} target="_blank">
                  {s.no}
                </Link>
                <SeverityTag severity={s.severity} />
                <StatusTag status={s.status} />
              </Space>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[locationText(s), SPECIALTY_LABELS[s.specialty], formatDateTime(s.filedAt)].join(' · ')}
                {s.issue && ` · 问题：${s.issue.title}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
