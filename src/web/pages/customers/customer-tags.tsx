import { Space, Tag, Typography } from 'antd';
import type { Grade, Stage } from '../../../common/customers.ts';
import { STAGE_LABELS } from '../../../common/customers.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import { formatDate } from '../../lib/format.ts';

const STAGE_COLORS: Record<Stage, string> = {
  potential: 'default',
  intending: 'blue',
  subscribed: 'cyan',
  contracted: 'green',
  owner: 'gold',
  lost: 'red',
};

const GRADE_COLORS: Record<Grade, string> = { A: 'volcano', B: 'orange', C: 'geekblue' };

export function StageTag({ stage }: { stage: Stage }) {
  return <Tag color={STAGE_COLORS[stage]}>{STAGE_LABELS[stage]}</Tag>;
}

export function GradeTag({ grade }: { grade: Grade }) {
  return <Tag color={GRADE_COLORS[grade]}>{grade} 级</Tag>;
}

const DAY_MS = 86_400_000;

export type DueState = 'none' | 'overdue' | 'today' | 'later';

// Follow-ups fall due on a Shanghai calendar day (the due instant is that day's 00:00).
export function dueState(iso: string | null | undefined, now = new Date()): DueState {
  if (!iso) return 'none';
  const due = new Date(iso).getTime();
  if (Number.isNaN(due)) return 'none';
  const today = startOfShanghaiDay(now).getTime();
  if (due < today) return 'overdue';
  if (due < today + DAY_MS) return 'today';
  return 'later';
}

/** The next follow-up date with a red 「逾期」 or orange 「今日」 tag when it is due. */
export function DueDate({ at }: { at: string | null | undefined }) {
  const state = dueState(at);
  if (state === 'none') return <Typography.Text type="secondary">未安排</Typography.Text>;
  return (
    <Space size={4} wrap={false}>
      <span>{formatDate(at)}</span>
      {state === 'overdue' && <Tag color="red">逾期</Tag>}
      {state === 'today' && <Tag color="orange">今日</Tag>}
    </Space>
  );
}
