import { Space, Tag, Typography } from 'antd';
import type { ComplaintStatus, Severity } from '../../../common/complaints.ts';
import { COMPLAINT_STATUS_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  received: 'gold',
  assigned: 'cyan',
  investigating: 'blue',
  solution_proposed: 'geekblue',
  in_progress: 'purple',
  awaiting_callback: 'lime',
  closed: 'default',
};

export function SeverityTag({ severity }: { severity: Severity }) {
  return <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>;
}

export function StatusTag({ status }: { status: ComplaintStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{COMPLAINT_STATUS_LABELS[status]}</Tag>;
}

export function OverdueTag() {
  return <Tag color="red">已超时</Tag>;
}

/** 「项目 · 1 栋 · 1201」 */
export function locationText(c: Pick<ComplaintListItem, 'projectName' | 'buildingName' | 'unitNumber'>): string {
  return [c.projectName, c.buildingName, c.unitNumber].filter(Boolean).join(' · ') || EMPTY_TEXT;
}

/**
 * A clock: the due time, red with 「已超时」 when it ran out before it was met, and when it was
 * met (「已响应」/「已解决」) once it was.
 */
export function DueTime({ due, doneAt, doneLabel }: { due: string; doneAt: string | null; doneLabel: string }) {
  const dueMs = new Date(due).getTime();
  const late = doneAt ? new Date(doneAt).getTime() > dueMs : Date.now() > dueMs;
  return (
    <Space size={4} wrap>
      <Typography.Text type={late ? 'danger' : undefined} strong={late && !doneAt}>
        {formatDateTime(due)}
      </Typography.Text>
      {late && <Tag color="red">{doneAt ? '超时完成' : '已超时'}</Tag>}
      {doneAt && (
        <Typography.Text type="secondary">
          {doneLabel} {formatDateTime(doneAt)}
        </Typography.Text>
      )}
    </Space>
  );
}
