import { Button, Descriptions, Space, Typography } from 'antd';
import type { Appeal } from '../../../common/contracts/channels.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { AppealStatusTag, dueText, RegistrationStatusTag } from './channel-tags.tsx';

type AppealCardProps = {
  appeal: Appeal;
  /** 「支持」/「驳回」 while pending; null for readers who may not decide. */
  onDecide: ((approve: boolean) => void) | null;
};

/** One appeal: the registration's facts, the broker's reason, and the decision (or the buttons). */
export function AppealCard({ appeal: a, onDecide }: AppealCardProps) {
  const r = a.registration;
  const facts = [
    { key: 'broker', label: '经纪人', children: r.agency ? `${r.broker.name}（${r.agency}）` : r.broker.name },
    { key: 'status', label: '报备状态', children: <RegistrationStatusTag status={r.status} /> },
    { key: 'registeredAt', label: '报备时间', children: formatDateTime(r.registeredAt) },
    // Judged invalid when registered: no visit window ever ran.
    ...(r.status === 'rejected' && !r.visitedAt ? [] : [{ key: 'visitDueAt', label: '到访截止', children: dueText(r.visitDueAt) }]),
    ...(r.visitedAt ? [{ key: 'visitedAt', label: '到访时间', children: formatDateTime(r.visitedAt) }] : []),
    ...(r.dealDueAt ? [{ key: 'dealDueAt', label: '成交截止', children: dueText(r.dealDueAt) }] : []),
    { key: 'endReason', label: '失效/无效原因', children: r.endReason || EMPTY_TEXT },
    ...(r.note ? [{ key: 'note', label: '报备备注', children: r.note }] : []),
  ];

  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>
          {r.projectName} · {r.customerName} {r.mobile}
        </Typography.Text>
        <AppealStatusTag status={a.status} />
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 8 }} items={facts} />
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">申诉理由（{formatDateTime(a.createdAt)}）：</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.reason}</Typography.Paragraph>
      </div>
      {a.status !== 'pending' && (
        <div className="stack-card-meta">
          处理时间：{formatDateTime(a.decidedAt)}
          {a.decisionNote ? ` · 说明：${a.decisionNote}` : ''}
        </div>
      )}
      {a.status === 'pending' && onDecide && (
        <Space className="stack-card-actions" wrap>
          <Button type="primary" onClick={() => onDecide(true)}>
            支持
          </Button>
          <Button danger onClick={() => onDecide(false)}>
            驳回
          </Button>
        </Space>
      )}
    </>
  );
}
