import { Empty, Tag, Timeline, Typography } from 'antd';
import type { ComplaintEventKind } from '../../../common/complaints.ts';
import {
  COMPLAINT_EVENT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  ESCALATION_LEVEL_LABELS,
  SEVERITY_LABELS,
} from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';

type ComplaintEvent = ComplaintDetail['events'][number];

const KIND_COLORS: Partial<Record<ComplaintEventKind, string>> = {
  created: 'green',
  status: 'blue',
  severity: 'red',
  escalated: 'red',
  assigned: 'purple',
  reply: 'cyan',
  note: 'gray',
  callback: 'green',
  reopened: 'orange',
};

// Codes in an event's from/to are shown by their labels.
const VALUE_LABELS: Partial<Record<ComplaintEventKind, Record<string, string>>> = {
  created: COMPLAINT_STATUS_LABELS,
  status: COMPLAINT_STATUS_LABELS,
  reopened: COMPLAINT_STATUS_LABELS,
  severity: SEVERITY_LABELS,
  escalated: ESCALATION_LEVEL_LABELS,
};

function valueText(kind: ComplaintEventKind, value: string | null): string {
  if (value === null || value === '') return EMPTY_TEXT;
  return VALUE_LABELS[kind]?.[value] ?? value;
}

function change(e: ComplaintEvent): string | null {
  if (e.fromValue === null && e.toValue === null) return null;
  if (e.fromValue === null) return valueText(e.kind, e.toValue);
  return `${valueText(e.kind, e.fromValue)} → ${valueText(e.kind, e.toValue)}`;
}

/** 处理记录: every step, answer, note and change, newest first; answers the customer sees are marked. */
export function ComplaintEvents({ events }: { events: ComplaintEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处理记录" />;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      className="customer-timeline"
      items={sorted.map((e) => {
        const moved = change(e);
        return {
          key: e.id,
          color: KIND_COLORS[e.kind] ?? 'blue',
          content: (
            <div className="timeline-entry" data-kind={e.kind}>
              <div>
                <Typography.Text strong>{COMPLAINT_EVENT_KIND_LABELS[e.kind]}</Typography.Text>
                {moved && <Typography.Text>：{moved}</Typography.Text>}
                {e.public && (
                  <Tag color="cyan" style={{ marginLeft: 8 }}>
                    客户可见
                  </Tag>
                )}
              </div>
              {e.content && <div className="timeline-detail">{e.content}</div>}
              <Typography.Text type="secondary" className="timeline-meta">
                {[formatDateTime(e.at), e.actorName].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
