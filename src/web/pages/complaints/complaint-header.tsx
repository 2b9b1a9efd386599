import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { EscalationLevel } from '../../../common/complaints.ts';
import { ESCALATION_LEVEL_LABELS, SEVERITY_REASON_LABELS } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { ComplaintActions } from './complaint-actions.tsx';
import { NO_HANDLER_TEXT } from './complaint-columns.tsx';
import { ComplaintSteps } from './complaint-steps.tsx';
import { DueTime, OverdueTag, SeverityTag, StatusTag } from './complaint-tags.tsx';

const ESCALATION_COLORS: Record<EscalationLevel, string> = { project: 'default', company: 'orange', group: 'red' };

/** The complaint's number, severity with its reasons, status, people and clocks, and what can be done next. */
export function ComplaintHeader({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <Card>
      <div className="detail-head">
        <Space wrap>
          <Link to="/complaints" aria-label="返回投诉列表">
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.no}
          </Typography.Title>
          <SeverityTag severity={c.severity} />
          <StatusTag status={c.status} />
          {c.overdue && <OverdueTag />}
          {c.source === 'public' && <Tag color="cyan">客户自助提交</Tag>}
        </Space>
        <div className="detail-actions">
          <ComplaintActions complaint={c} />
        </div>
      </div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {c.title}
      </Typography.Title>
      {c.severityReasons.length > 0 && (
        <Space wrap size={[4, 4]} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">定性依据：</Typography.Text>
          {c.severityReasons.map((reason) => (
            <Tag key={reason} color="volcano" variant="outlined">
              {SEVERITY_REASON_LABELS[reason]}
            </Tag>
          ))}
        </Space>
      )}
      <div style={{ margin: '8px 0 16px' }}>
        <ComplaintSteps complaint={c} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'escalation',
            label: '升级层级',
            children: <Tag color={ESCALATION_COLORS[c.escalationLevel]}>{ESCALATION_LEVEL_LABELS[c.escalationLevel]}</Tag>,
          },
          { key: 'firstResponder', label: '首问责任人', children: c.firstResponder?.name ?? EMPTY_TEXT },
          { key: 'handler', label: '处理人', children: c.handler?.name ?? NO_HANDLER_TEXT },
          { key: 'filedAt', label: '受理时间', children: formatDateTime(c.filedAt) },
          {
            key: 'ackDueAt',
            label: '响应时限',
            children: <DueTime due={c.ackDueAt} doneAt={c.acknowledgedAt} doneLabel="响应于" />,
          },
          {
            key: 'resolutionDueAt',
            label: '处理时限',
            children: <DueTime due={c.resolutionDueAt} doneAt={c.resolvedAt} doneLabel="解决于" />,
          },
          ...(c.closedAt ? [{ key: 'closedAt', label: '关闭时间', children: formatDateTime(c.closedAt) }] : []),
          ...(c.reopenCount > 0 ? [{ key: 'reopen', label: '重新打开', children: `${c.reopenCount} 次` }] : []),
        ]}
      />
    </Card>
  );
}
