import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { formatShanghaiTime } from '../../../common/time.ts';
import type { Database, Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { HOUR, MINUTE } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { notifyUsers, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { refreshOpenAlerts } from './alerts.ts';
import { applyEscalation, complaintLink, escalationFacts } from './escalation.ts';
import { lockComplaint } from './queries.ts';
import { slaWarningDue } from './rules.ts';
import { reevaluateOpenComplaintSeverity } from './severity-job.ts';
import { complaints } from './tables.ts';

export const COMPLAINT_SLA_JOB = 'complaint-sla';
export const COMPLAINT_ALERT_JOB = 'complaint-alerts';
const SYSTEM: Actor = { principal: null, ip: null, name: '系统' };
const c = complaints;

// Complaints whose level is below what their severity or clocks require (a superset; the pure
// rule decides each). Each is raised in its own short transaction.
export async function escalateOverdueComplaints(db: Db, now: Date): Promise<number> {
  const t = sql`${now.toISOString()}::timestamptz`;
  const due = await db
    .select({ id: c.id })
    .from(c)
    .where(and(ne(c.status, 'closed'), or(
      and(eq(c.escalationLevel, 'project'), or(sql`${c.severity} IN ('hot', 'major')`, sql`${c.acknowledgedAt} IS NULL AND ${c.ackDueAt} <= ${t}`, sql`${c.resolvedAt} IS NULL AND ${c.resolutionDueAt} <= ${t}`)),
      and(eq(c.escalationLevel, 'company'), or(eq(c.severity, 'major'), sql`${c.resolvedAt} IS NULL AND ${c.resolutionDueAt} + (${c.resolutionDueAt} - ${c.filedAt}) <= ${t}`)),
    )));
  let raised = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const row = await lockComplaint(tx, id);
      const saved = await applyEscalation({ db: tx, now, actor: SYSTEM }, row);
      if (saved.escalationLevel !== row.escalationLevel) raised++;
    });
  }
  return raised;
}

// One warning per clock, to the handler (or the company's customer-relations managers when the
// complaint has no handler yet), shortly before it runs out.
export async function warnSlaDue(db: Db, now: Date): Promise<number> {
  const t = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .select()
    .from(c)
    .where(and(ne(c.status, 'closed'), or(
      and(isNull(c.acknowledgedAt), isNull(c.ackWarnedAt), sql`${c.ackDueAt} > ${t} AND ${c.ackDueAt} - interval '1 hour' <= ${t}`),
      and(isNull(c.resolvedAt), isNull(c.resolutionWarnedAt), sql`${c.resolutionDueAt} > ${t} AND ${c.resolutionDueAt} - LEAST(interval '1 day', (${c.resolutionDueAt} - ${c.filedAt}) / 4) <= ${t}`),
    )));
  let sent = 0;
  for (const row of rows) {
    const which = slaWarningDue(escalationFacts(row), now);
    if (!which) continue;
    await db.transaction(async (tx) => {
      const to = row.handlerId ? [row.handlerId] : await usersResponsibleFor(tx, ['company_cr_manager'], { companyId: row.companyId, projectId: row.projectId, level: 'company' });
      const title = which === 'ack' ? `投诉即将超时未响应：${row.no}` : `投诉即将超过处理时限：${row.no}`;
      const deadline = which === 'ack' ? row.ackDueAt : row.resolutionDueAt;
      await notifyUsers(tx, to, { kind: 'sla', companyId: row.companyId, title, body: `${row.title}，截止 ${formatShanghaiTime(deadline)}`, link: complaintLink(row.id) }, now);
      await tx.update(c).set(which === 'ack' ? { ackWarnedAt: now } : { resolutionWarnedAt: now }).where(eq(c.id, row.id));
    });
    sent++;
  }
  return sent;
}

export async function runComplaintSla(db: Db, now: Date) {
  const severity = await reevaluateOpenComplaintSeverity(db, now);
  const escalated = await escalateOverdueComplaints(db, now);
  const warned = await warnSlaDue(db, now);
  return { ...severity, escalated, warned };
}

// Every 5 minutes: time-based severity, escalation and SLA warnings. Hourly: early warnings whose
// 30-day window has moved on.
export function registerComplaintJobs(jobs: Jobs, database: Database) {
  jobs.every(COMPLAINT_SLA_JOB, 5 * MINUTE, async ({ now }) => {
    await runComplaintSla(database.db, now);
  });
  jobs.every(COMPLAINT_ALERT_JOB, HOUR, async ({ now }) => {
    await database.db.transaction((tx) => refreshOpenAlerts({ db: tx, now, actor: SYSTEM }));
  });
}
