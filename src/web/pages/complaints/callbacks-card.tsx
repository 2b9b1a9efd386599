import { Card, Empty, Rate, Space, Tag, Typography } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { SATISFACTION_LABELS } from './callback-modal.tsx';

/** 回访记录: each call-back's satisfaction, whether it was solved, and what the customer said. */
export function CallbacksCard({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <Card title="回访记录" size="small">
      {c.callbacks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无回访" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {c.callbacks.map((cb) => (
            <div key={cb.id} className="timeline-entry">
              <Space wrap size={8}>
                <Rate disabled value={cb.satisfaction} style={{ fontSize: 14 }} />
                <Typography.Text>{SATISFACTION_LABELS[cb.satisfaction - 1] ?? ''}</Typography.Text>
                {cb.solved ? <Tag color="green">已解决</Tag> : <Tag color="red">未解决</Tag>}
              </Space>
              {cb.content && <div className="timeline-detail">{cb.content}</div>}
              <Typography.Text type="secondary" className="timeline-meta">
                {formatDateTime(cb.at)} · {cb.byName}
              </Typography.Text>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
