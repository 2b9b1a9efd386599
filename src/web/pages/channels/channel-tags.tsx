import { Space, Tag, Typography } from 'antd';
import type { AppealStatus, RegistrationStatus } from '../../../common/channels.ts';
import { APPEAL_STATUS_LABELS, COMMISSION_RULE_LABELS, REGISTRATION_STATUS_LABELS } from '../../../common/channels.ts';
import type { Registration } from '../../../common/contracts/channels.ts';
import type { ChannelSettings } from '../../data/hooks/channels.ts';
import { APP_TIME_ZONE, dayjs } from '../../lib/dayjs.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  registered: 'processing',
  visited: 'cyan',
  dealt: 'green',
  expired: 'default',
  rejected: 'red',
};
const APPEAL_COLORS: Record<AppealStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{REGISTRATION_STATUS_LABELS[status]}</Tag>;
}

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  return <Tag color={APPEAL_COLORS[status]}>{APPEAL_STATUS_LABELS[status]}</Tag>;
}

export function CommissionTag({ eligible }: { eligible: boolean }) {
  return eligible ? <Tag color="green">可结佣</Tag> : null;
}

export function PendingAppealTag() {
  return <Tag color="gold">申诉处理中</Tag>;
}

/** The statuses a broker may appeal (失效, 判客无效), while no appeal is pending. */
export function canAppeal(r: Registration): boolean {
  return (r.status === 'expired' || r.status === 'rejected') && !r.pendingAppeal;
}

/** Whether the sales office may still confirm the visit (待到访, window not passed). */
export function awaitsVisit(r: Registration, now = Date.now()): boolean {
  return r.status === 'registered' && new Date(r.visitDueAt).getTime() > now;
}

// A window ends at 00:00 Asia/Shanghai after its last day: that last day is what people are told.
export function lastDayText(iso: string): string {
  const due = dayjs(iso).tz(APP_TIME_ZONE);
  if (!due.isValid()) return EMPTY_TEXT;
  return due.format('HH:mm:ss') === '00:00:00' ? due.subtract(1, 'day').format('YYYY-MM-DD') : due.format('YYYY-MM-DD HH:mm');
}

/** A due date as its last day 「2026-11-29（含当天）」 (or the exact time, should it not be midnight). */
export function dueText(iso: string | null | undefined): string {
  if (!iso) return EMPTY_TEXT;
  const due = dayjs(iso).tz(APP_TIME_ZONE);
  if (!due.isValid()) return EMPTY_TEXT;
  return due.format('HH:mm:ss') === '00:00:00' ? `${lastDayText(iso)}（含当天）` : formatDateTime(iso);
}

/** 「还剩 3 天」 in Shanghai calendar days to the window's last day; 「今天截止」, 「已过期」. */
export function countdownOf(iso: string, now = dayjs()): { text: string; urgent: boolean; over: boolean } {
  const due = dayjs(iso);
  if (!due.isAfter(now)) return { text: '已过期', urgent: true, over: true };
  const lastDay = dayjs(due.subtract(1, 'millisecond').tz(APP_TIME_ZONE).format('YYYY-MM-DD'));
  const today = dayjs(now.tz(APP_TIME_ZONE).format('YYYY-MM-DD'));
  const days = lastDay.diff(today, 'day');
  if (days <= 0) return { text: '今天截止', urgent: true, over: false };
  return { text: `还剩 ${days} 天`, urgent: days <= 2, over: false };
}

/** A due date as its last day (lists say 「（含当天）」 in the label), with its countdown while live. */
export function DueDate({ iso, live }: { iso: string | null; live: boolean }) {
  if (!iso) return <>{EMPTY_TEXT}</>;
  const countdown = live ? countdownOf(iso) : null;
  return (
    <Space size={4} wrap>
      <span>{lastDayText(iso)}</span>
      {countdown && <Tag color={countdown.urgent ? 'red' : 'blue'}>{countdown.text}</Tag>}
    </Space>
  );
}

/** The registration's live deadline: the visit's while 待到访, the deal's once visited. */
export function VisitDue({ r }: { r: Registration }) {
  // Judged invalid when registered: no visit window ever ran.
  if (r.status === 'rejected' && !r.visitedAt) return <>{EMPTY_TEXT}</>;
  return <DueDate iso={r.visitDueAt} live={r.status === 'registered'} />;
}

export function DealDue({ r }: { r: Registration }) {
  return <DueDate iso={r.dealDueAt} live={r.status === 'visited'} />;
}

/** 「到访保护 7 天，成交保护 30 天，签约后结佣」 */
export function rulesText(s: Pick<ChannelSettings, 'visitDays' | 'dealDays' | 'commissionRule'>): string {
  return `到访保护 ${s.visitDays} 天，成交保护 ${s.dealDays} 天，${COMMISSION_RULE_LABELS[s.commissionRule]}`;
}

/** Why a registration ended (失效/无效), in the server's words. */
export function EndReason({ r }: { r: Registration }) {
  if (!r.endReason || (r.status !== 'expired' && r.status !== 'rejected')) return null;
  return <Typography.Text type="danger">{r.endReason}</Typography.Text>;
}
