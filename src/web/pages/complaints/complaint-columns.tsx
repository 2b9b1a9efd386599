import type { TableProps } from 'antd';
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { COMPLAINT_CHANNEL_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { locationText, OverdueTag, SeverityTag, StatusTag } from './complaint-tags.tsx';

export const NO_HANDLER_TEXT = '待分派';

/** The complaint list's columns (编号 … 超时); other lists (群诉) reuse them. */
export function complaintColumns(): NonNullable<TableProps<ComplaintListItem>['columns']> {
  return [
    {
      title: '编号',
      key: 'no',
      render: (_: unknown, c) => <Link to={`/complaints/${c.id}`}>{c.no}</Link>,
    },
    { title: '项目/楼栋/房号', key: 'location', render: (_: unknown, c) => locationText(c) },
    {
      title: '标题',
      key: 'title',
      render: (_: unknown, c) => (
        <Typography.Text ellipsis={{ tooltip: c.title }} style={{ maxWidth: 260 }}>
          {c.title}
        </Typography.Text>
      ),
    },
    { title: '专业', key: 'specialty', render: (_: unknown, c) => SPECIALTY_LABELS[c.specialty] },
    { title: '性质', key: 'severity', render: (_: unknown, c) => <SeverityTag severity={c.severity} /> },
    { title: '状态', key: 'status', render: (_: unknown, c) => <StatusTag status={c.status} /> },
    { title: '处理人', key: 'handler', render: (_: unknown, c) => c.handler?.name ?? NO_HANDLER_TEXT },
    { title: '受理时间', key: 'filedAt', render: (_: unknown, c) => formatDateTime(c.filedAt) },
    { title: '超时', key: 'overdue', render: (_: unknown, c) => (c.overdue ? <OverdueTag /> : EMPTY_TEXT) },
  ];
}

/** One complaint as a card (the list on a phone). */
export function ComplaintCard({ complaint: c }: { complaint: ComplaintListItem }) {
  return (
    <>
      <div className="stack-card-head">
        <Space size={6} wrap>
          <Link to={`/complaints/${c.id}`}>{c.no}</Link>
          <SeverityTag severity={c.severity} />
          <StatusTag status={c.status} />
          {c.overdue && <OverdueTag />}
        </Space>
      </div>
      <div>
        <Typography.Text strong>{c.title}</Typography.Text>
      </div>
      <div className="stack-card-meta">{locationText(c)}</div>
      <div className="stack-card-meta">
        {SPECIALTY_LABELS[c.specialty]} · {COMPLAINT_CHANNEL_LABELS[c.channel]} · 处理人 {c.handler?.name ?? NO_HANDLER_TEXT}
      </div>
      <div className="stack-card-meta">受理时间：{formatDateTime(c.filedAt)}</div>
    </>
  );
}
