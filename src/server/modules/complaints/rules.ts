import {
  DEFAULT_RESOLUTION_HOURS, ESCALATION_LEVELS, SEVERITIES, type ComplaintChannel, type ComplaintStatus, type EscalationLevel,
  type Severity, type SeverityReason,
} from '../../../common/complaints.ts';
import { addShanghaiMonths } from '../../../common/time.ts';
import { DAY, HOUR } from '../../platform/clock.ts';

// The facts the seeds' severity rules (按性质分类, seed 002) look at.
export type SeverityFacts = {
  filedAt: Date;
  // When the problem was solved (the complaint reached call-back); null while unresolved.
  resolvedAt: Date | null;
  lawsuitFiled: boolean;
  mediaExposed: boolean;
  // "May lead to a lawsuit or media exposure": the handler's judgement.
  lawsuitOrMediaRisk: boolean;
  collective: boolean;
  complainantCount: number;
  // Different complainants of the issue this complaint is linked to (问题归集) within one month,
  // this one included; 1 when it is linked to none.
  sameIssueComplainants: number;
  // Whether the delay is the company's fault (由于我方原因); staff clear it when the delay is the
  // customer's doing.
  companyFault: boolean;
  reopenCount: number;
  needsOutsideSupport: boolean;
};

export type SeverityResult = { severity: Severity; reasons: SeverityReason[] };

// Time rules judge "unresolved N after filing" at the moment of resolution once resolved, so a
// complaint resolved on day 8 was unresolved one week after filing — for ever.
function unresolvedPast(f: SeverityFacts, deadline: Date, now: Date): boolean {
  if (!f.companyFault) return false;
  const until = f.resolvedAt ?? now;
  return until.getTime() >= deadline.getTime();
}

// The seeds' rules, most severe first; every clause that holds is kept as a reason.
export function classifySeverity(f: SeverityFacts, now: Date): SeverityResult {
  const collective = f.collective ? f.complainantCount : 0;
  const major: SeverityReason[] = [];
  if (f.lawsuitFiled) major.push('lawsuit_filed');
  if (f.mediaExposed) major.push('media_exposed');
  if (collective >= 10) major.push('collective_10');
  if (unresolvedPast(f, addShanghaiMonths(f.filedAt, 1), now)) major.push('unresolved_month');
  if (major.length) return { severity: 'major', reasons: major };

  const hot: SeverityReason[] = [];
  if (f.lawsuitOrMediaRisk) hot.push('lawsuit_or_media_risk');
  if (f.sameIssueComplainants >= 3) hot.push('same_issue_3');
  if (collective >= 3) hot.push('collective_3');
  if (unresolvedPast(f, new Date(f.filedAt.getTime() + 7 * DAY), now)) hot.push('unresolved_week');
  if (hot.length) return { severity: 'hot', reasons: hot };

  const important: SeverityReason[] = [];
  if (f.reopenCount > 0) important.push('reopened');
  if (f.needsOutsideSupport) important.push('outside_support');
  if (important.length) return { severity: 'important', reasons: important };
  return { severity: 'general', reasons: [] };
}

// "一个月内累计三次以上不同投诉人": the most different complainants (by contact mobile) of one issue
// whose filings fall within one calendar month in Asia/Shanghai — the window [start, start + 1
// month), the same calendar month as the "unresolved one month" clause, so a filing exactly one
// month after the first no longer counts with it — taking only windows that hold `at` (this
// complaint's filing). Filings on day 0, 25 and 50 give 2; on day 0, 15 and 29 give 3.
export function sameIssueComplainantsWithinMonth(filings: ReadonlyArray<{ mobile: string; filedAt: Date }>, at: Date): number {
  let best = 1;
  const t = at.getTime();
  for (const start of filings) {
    const s = start.filedAt.getTime();
    if (s > t) continue;
    const end = addShanghaiMonths(start.filedAt, 1).getTime();
    if (t >= end) continue;
    const people = new Set(filings.filter((f) => f.filedAt.getTime() >= s && f.filedAt.getTime() < end).map((f) => f.mobile));
    best = Math.max(best, people.size);
  }
  return best;
}

// Channels that are themselves the fact: a complaint received as a lawsuit is a lawsuit filed,
// one received through the media is media exposure. Intake sets the flags from the channel
// unless the recorder says otherwise.
export function channelFacts(channel: ComplaintChannel): { lawsuitFiled: boolean; mediaExposed: boolean } {
  return { lawsuitFiled: channel === 'lawsuit', mediaExposed: channel === 'media' };
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

// The next moment a time rule could change the severity of an unresolved complaint (for the
// scheduled re-evaluation to skip what cannot change yet).
export function nextSeverityCheckAt(filedAt: Date): { week: Date; month: Date } {
  return { week: new Date(filedAt.getTime() + 7 * DAY), month: addShanghaiMonths(filedAt, 1) };
}

// Acknowledgement (first answer) limits from the seeds' targets: online complaints within 24
// hours, complaints entered through the customer system within 4 hours.
export function ackDueAt(channel: ComplaintChannel, filedAt: Date): Date {
  return new Date(filedAt.getTime() + (channel === 'web' ? 24 : 4) * HOUR);
}

export type ResolutionHours = Record<Severity, number>;
export const DEFAULT_LIMITS: ResolutionHours = DEFAULT_RESOLUTION_HOURS;

export function resolutionDueAt(severity: Severity, filedAt: Date, limits: ResolutionHours): Date {
  return new Date(filedAt.getTime() + limits[severity] * HOUR);
}

// The eight steps: which moves a handler may make. Closing and reopening have their own checks.
const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['assigned'],
  assigned: ['investigating'],
  investigating: ['solution_proposed'],
  solution_proposed: ['in_progress', 'investigating'],
  in_progress: ['awaiting_callback', 'solution_proposed'],
  awaiting_callback: ['closed', 'in_progress'],
  closed: [],
};

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT[from].includes(to);
}

export function isResolvedStatus(s: ComplaintStatus): boolean {
  return s === 'awaiting_callback' || s === 'closed';
}

export type EscalationFacts = {
  severity: Severity;
  status: ComplaintStatus;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  resolutionDueAt: Date;
  resolvedAt: Date | null;
  filedAt: Date;
};

export type EscalationResult = { level: EscalationLevel; reason: EscalationReason | null };
export type EscalationReason = 'major' | 'hot' | 'ack_overdue' | 'resolution_overdue' | 'resolution_overdue_twice';
export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  major: '重大投诉，立即上报集团',
  hot: '热点投诉，超出项目处理权限',
  ack_overdue: '超时未响应',
  resolution_overdue: '超过处理时限未解决',
  resolution_overdue_twice: '超过两倍处理时限仍未解决',
};

// Authority limits (处理权限): a project handles general and important complaints in time; a hot
// one or a missed clock goes to the city company; a major one, or one still unresolved after
// twice its limit, goes to the group. The highest applicable level wins.
export function requiredEscalation(f: EscalationFacts, now: Date): EscalationResult {
  if (f.status === 'closed') return { level: 'project', reason: null };
  const t = now.getTime();
  const unresolved = f.resolvedAt === null;
  const limitMs = f.resolutionDueAt.getTime() - f.filedAt.getTime();
  if (f.severity === 'major') return { level: 'group', reason: 'major' };
  if (unresolved && t >= f.resolutionDueAt.getTime() + limitMs) return { level: 'group', reason: 'resolution_overdue_twice' };
  if (unresolved && t >= f.resolutionDueAt.getTime()) return { level: 'company', reason: 'resolution_overdue' };
  if (f.acknowledgedAt === null && t >= f.ackDueAt.getTime()) return { level: 'company', reason: 'ack_overdue' };
  if (f.severity === 'hot') return { level: 'company', reason: 'hot' };
  return { level: 'project', reason: null };
}

export function levelRank(l: EscalationLevel): number {
  return ESCALATION_LEVELS.indexOf(l);
}

// SLA warnings go to the handler shortly before a clock runs out: one hour before the
// acknowledgement is due, a quarter of the limit (at most a day) before resolution is due.
export function slaWarningDue(f: EscalationFacts, now: Date): 'ack' | 'resolution' | null {
  const t = now.getTime();
  if (f.status === 'closed') return null;
  if (f.acknowledgedAt === null && t < f.ackDueAt.getTime() && t >= f.ackDueAt.getTime() - HOUR) return 'ack';
  if (f.resolvedAt === null && t < f.resolutionDueAt.getTime()) {
    const lead = Math.min(DAY, (f.resolutionDueAt.getTime() - f.filedAt.getTime()) / 4);
    if (t >= f.resolutionDueAt.getTime() - lead) return 'resolution';
  }
  return null;
}

export type CallbackFacts = { satisfaction: number; solved: boolean };

// Closure needs a call-back; a major complaint also needs its case write-up.
export function closureBlockers(f: { status: ComplaintStatus; severity: Severity; hasCallback: boolean; hasCase: boolean }): Array<'not_awaiting_callback' | 'no_callback' | 'no_case'> {
  const out: Array<'not_awaiting_callback' | 'no_callback' | 'no_case'> = [];
  if (f.status !== 'awaiting_callback') out.push('not_awaiting_callback');
  if (!f.hasCallback) out.push('no_callback');
  if (f.severity === 'major' && !f.hasCase) out.push('no_case');
  return out;
}

// Early warning (投诉预警): three or more different customers within 30 days.
export const ALERT_WINDOW_DAYS = 30;
export const ALERT_MIN_CUSTOMERS = 3;
export function alertTriggered(distinctComplainants: number): boolean {
  return distinctComplainants >= ALERT_MIN_CUSTOMERS;
}
