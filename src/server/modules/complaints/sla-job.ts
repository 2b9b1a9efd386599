import { and, asc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../../common/complaints.ts';
import { formatShanghaiTime } from '../../../common/time.ts';
import type { Database, Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { HOUR, MINUTE } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { notifyMany, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { refreshOpenAlerts } from './alerts.ts';
import { complaintLink, escalationFacts } from './escalation.ts';
import { levelRank, requiredEscalation, slaWarningDue } from './rules.ts';
import { reevaluateOpenComplaintSeverity } from './severity-job.ts';
import { escalationRecipients, writeEscalationEffects } from './escalation-batch.ts';
import { complaints } from './tables.ts';

export const COMPLAINT_SLA_JOB = 'complaint-sla';
export const COMPLAINT_ALERT_JOB = 'complaint-alerts';
const SYSTEM: Actor = { principal: null, ip: null, name: '系统' };
const c = complaints;

const BATCH = 2000;

// Complaints whose level is below what their severity or clocks require (a superset; the pure
// rule decides each). Set-wise in batches, like the severity job: per batch one UPDATE per target
// level (guarded by the level read, so a complaint raised meanwhile is not raised twice), one
// INSERT of the events and one of the notifications, all in one transaction.
export async function escalateOverdueComplaints(db: Db, now: Date): Promise<number> {
  const t = sql`${now.toISOString()}::timestamptz`;
  const overdue = and(ne(c.status, 'closed'), or(
    and(eq(c.escalationLevel, 'project'), or(sql`${c.severity} IN ('hot', 'major')`, sql`${c.acknowledgedAt} IS NULL AND ${c.ackDueAt} <= ${t}`, sql`${c.resolvedAt} IS NULL AND ${c.resolutionDueAt} <= ${t}`)),
    and(eq(c.escalationLevel, 'company'), or(eq(c.severity, 'major'), sql`${c.resolvedAt} IS NULL AND ${c.resolutionDueAt} + (${c.resolutionDueAt} - ${c.filedAt}) <= ${t}`)),
  )) as SQL;
  const recipients = escalationRecipients();
  let raised = 0;
  let after: string | null = null;
  for (;;) {
    const page = await db
      .select({
        id: c.id, no: c.no, title: c.title, companyId: c.companyId, projectId: c.projectId, severity: c.severity, status: c.status, escalationLevel: c.escalationLevel,
        ackDueAt: c.ackDueAt, acknowledgedAt: c.acknowledgedAt, resolutionDueAt: c.resolutionDueAt, resolvedAt: c.resolvedAt, filedAt: c.filedAt,
      })
      .from(c)
      .where(after ? and(overdue, gt(c.id, after)) : overdue)
      .orderBy(asc(c.id))
      .limit(BATCH);
    if (!page.length) break;
    after = page[page.length - 1].id;
    const changes = page.flatMap((row) => {
      const need = requiredEscalation(escalationFacts(row), now);
      const current = row.escalationLevel as EscalationLevel;
      return need.reason && levelRank(need.level) > levelRank(current) ? [{ row, from: current, level: need.level, reason: need.reason }] : [];
    });
    if (!changes.length) continue;
    await db.transaction(async (tx) => {
      const done = new Set<string>();
      for (const level of ['company', 'group'] as const) {
        const ids = changes.filter((x) => x.level === level).map((x) => x.row.id);
        if (!ids.length) continue;
        const below = ESCALATION_LEVELS.filter((l) => levelRank(l) < levelRank(level));
        const saved = await tx
          .update(c)
          .set({ escalationLevel: level, updatedAt: now, version: sql`${c.version} + 1` })
          .where(and(inArray(c.id, ids), inArray(c.escalationLevel, below), ne(c.status, 'closed')))
          .returning({ id: c.id });
        for (const r of saved) done.add(r.id);
      }
      const applied = changes.filter((x) => done.has(x.row.id));
      await writeEscalationEffects(tx, applied, now, recipients, SYSTEM.name ?? '系统');
      raised += applied.length;
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
  const due = rows.flatMap((row) => {
    // A clock already warned of counts as answered here, so the other one can still be warned of.
    const which = slaWarningDue(escalationFacts({ ...row, acknowledgedAt: row.ackWarnedAt ?? row.acknowledgedAt }), now);
    return which && !(which === 'resolution' && row.resolutionWarnedAt) ? [{ row, which }] : [];
  });
  if (!due.length) return 0;
  // One transaction for the lot: the notifications and the warned-at marks commit together.
  await db.transaction(async (tx) => {
    const managers = new Map<string, string[]>();
    const notices = [];
    for (const { row, which } of due) {
      let to = row.handlerId ? [row.handlerId] : managers.get(row.companyId);
      if (!to) {
        to = await usersResponsibleFor(tx, ['company_cr_manager'], { companyId: row.companyId, projectId: row.projectId, level: 'company' });
        managers.set(row.companyId, to);
      }
      const title = which === 'ack' ? `投诉即将超时未响应：${row.no}` : `投诉即将超过处理时限：${row.no}`;
      const deadline = which === 'ack' ? row.ackDueAt : row.resolutionDueAt;
      notices.push({ userIds: to, n: { kind: 'sla', companyId: row.companyId, title, body: `${row.title}，截止 ${formatShanghaiTime(deadline)}`, link: complaintLink(row.id) } });
    }
    await notifyMany(tx, notices, now);
    const ack = due.filter((d) => d.which === 'ack').map((d) => d.row.id);
    const resolution = due.filter((d) => d.which !== 'ack').map((d) => d.row.id);
    for (let i = 0; i < ack.length; i += 1000) await tx.update(c).set({ ackWarnedAt: now }).where(inArray(c.id, ack.slice(i, i + 1000)));
    for (let i = 0; i < resolution.length; i += 1000) await tx.update(c).set({ resolutionWarnedAt: now }).where(inArray(c.id, resolution.slice(i, i + 1000)));
  });
  return due.length;
}

export async function runComplaintSla(db: Db, now: Date) {
  // The severity pass raises what its new severities require in the same write; the escalation
  // pass then takes what the clocks alone require.
  const severity = await reevaluateOpenComplaintSeverity(db, now);
  const escalated = severity.escalated + (await escalateOverdueComplaints(db, now));
  const warned = await warnSlaDue(db, now);
  return { checked: severity.checked, changed: severity.changed, escalated, warned };
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
