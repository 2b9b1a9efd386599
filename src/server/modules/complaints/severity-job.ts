import { and, asc, eq, getTableColumns, ne, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { SEVERITY_REASON_LABELS, type EscalationLevel, type Severity } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { DAY } from '../../platform/clock.ts';
import { notifyMany } from '../../platform/notify/notify.ts';
import { users } from '../users/tables.ts';
import { complaintLink, escalationFacts } from './escalation.ts';
import { escalationRecipients, pgArray, writeEscalationEffects } from './escalation-batch.ts';
import { classifySeverity, DEFAULT_LIMITS, levelRank, requiredEscalation, resolutionDueAt, sameIssueComplainantsWithinMonth, type ResolutionHours } from './rules.ts';
import { severityFacts } from './severity.ts';
import { complaintSettings, complaints } from './tables.ts';

const BATCH = 2000;

const c = complaints;

// Only time can change an open complaint's severity between edits (every edit re-judges at once):
// "unresolved one week / one month after filing". So the job reads just the unresolved ones old
// enough for a time rule that does not hold yet, judges them with the same pure rules in batches,
// and writes the changes set-wise — fast enough for 100k open complaints.
export async function reevaluateOpenComplaintSeverity(db: Db, now: Date): Promise<{ checked: number; changed: number; escalated: number }> {
  const limits = new Map<string, ResolutionHours>();
  for (const s of await db.select().from(complaintSettings)) limits.set(s.companyId, { ...DEFAULT_LIMITS, ...(s.limits as Partial<ResolutionHours>) });
  const group = (await db.select({ id: users.id }).from(users).where(and(eq(users.active, true), eq(users.role, 'group_cr'), eq(users.scope, 'group')))).map((u) => u.id);
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const monthLowerBound = new Date(now.getTime() - 28 * DAY);
  const candidates: SQL = and(
    ne(c.status, 'closed'),
    sql`${c.resolvedAt} IS NULL`,
    eq(c.companyFault, true),
    ne(c.severity, 'major'),
    or(
      and(sql`${c.filedAt} <= ${weekAgo.toISOString()}::timestamptz`, sql`NOT ('unresolved_week' = ANY(${c.severityReasons}))`),
      sql`${c.filedAt} <= ${monthLowerBound.toISOString()}::timestamptz`,
    ),
  ) as SQL;
  let checked = 0;
  let changed = 0;
  let escalated = 0;
  const recipients = escalationRecipients();
  let after: { filedAt: Date; id: string } | null = null;
  for (;;) {
    // The issue's filings around each complaint (as [mobile, filed_at] pairs): the pure rule
    // sameIssueComplainantsWithinMonth counts them exactly as the create/update path does.
    const page: Array<typeof c.$inferSelect & { filings: Array<[string, string]> | null }> = await db
      .select({ ...getTableColumns(c), filings: sql<Array<[string, string]> | null>`CASE WHEN complaints.issue_id IS NULL THEN NULL ELSE (SELECT json_agg(json_build_array(x.contact_mobile, x.filed_at)) FROM complaints x WHERE x.issue_id = complaints.issue_id AND x.filed_at >= (((complaints.filed_at AT TIME ZONE 'Asia/Shanghai') - interval '1 month' - interval '3 days') AT TIME ZONE 'Asia/Shanghai') AND x.filed_at <= (((complaints.filed_at AT TIME ZONE 'Asia/Shanghai') + interval '1 month' + interval '3 days') AT TIME ZONE 'Asia/Shanghai')) END` })
      .from(c)
      .where(after ? and(candidates, sql`(${c.filedAt}, ${c.id}) > (${after.filedAt.toISOString()}::timestamptz, ${after.id}::uuid)`) : candidates)
      .orderBy(asc(c.filedAt), asc(c.id))
      .limit(BATCH);
    if (!page.length) break;
    checked += page.length;
    after = { filedAt: page[page.length - 1].filedAt, id: page[page.length - 1].id };
    const changes = page.flatMap((row) => {
      const sameIssue = row.filings ? sameIssueComplainantsWithinMonth(row.filings.map(([mobile, at]) => ({ mobile, filedAt: new Date(at) })), row.filedAt) : 1;
      const r = classifySeverity(severityFacts(row, sameIssue), now);
      if (r.severity === row.severity && r.reasons.join(',') === row.severityReasons.join(',')) return [];
      const due = r.severity === row.severity ? row.resolutionDueAt : resolutionDueAt(r.severity, row.filedAt, limits.get(row.companyId) ?? DEFAULT_LIMITS);
      // The level the new severity and clocks require, raised in the same write (never lowered).
      const need = requiredEscalation({ ...escalationFacts(row), severity: r.severity, resolutionDueAt: due }, now);
      const from = row.escalationLevel as EscalationLevel;
      const raise = need.reason && levelRank(need.level) > levelRank(from) ? { from, level: need.level, reason: need.reason } : null;
      return [{ row, severity: r.severity, reasons: r.reasons, due, level: raise?.level ?? from, raise }];
    });
    if (!changes.length) continue;
    changed += changes.length;
    await db.transaction(async (tx) => {
      // Whole columns as arrays (unnest): one short statement per batch whatever its size.
      const ids = changes.map((x) => x.row.id);
      await tx.execute(sql`UPDATE complaints SET severity = v.severity, severity_reasons = string_to_array(v.reasons, ','), resolution_due_at = v.due, escalation_level = v.level,
        resolution_warned_at = CASE WHEN complaints.severity <> v.severity THEN NULL ELSE complaints.resolution_warned_at END,
        updated_at = ${now.toISOString()}::timestamptz, version = complaints.version + 1
        FROM unnest(${pgArray(ids)}::uuid[], ${pgArray(changes.map((x) => x.severity))}::text[], ${pgArray(changes.map((x) => x.reasons.join(',')))}::text[],
                    ${pgArray(changes.map((x) => x.due.toISOString()))}::timestamptz[], ${pgArray(changes.map((x) => x.level))}::text[]) AS v(id, severity, reasons, due, level)
        WHERE complaints.id = v.id`);
      const events = changes.filter((x) => x.severity !== x.row.severity);
      if (events.length) {
        await tx.execute(sql`INSERT INTO complaint_events (id, company_id, complaint_id, kind, from_value, to_value, content, public, actor_name, at)
          SELECT e.id, e.company_id, e.complaint_id, 'severity', e.from_value, e.to_value, e.content, false, '系统', ${now.toISOString()}::timestamptz
          FROM unnest(${pgArray(events.map(() => uuidv7()))}::uuid[], ${pgArray(events.map((x) => x.row.companyId))}::uuid[], ${pgArray(events.map((x) => x.row.id))}::uuid[],
                      ${pgArray(events.map((x) => x.row.severity))}::text[], ${pgArray(events.map((x) => x.severity))}::text[],
                      ${pgArray(events.map((x) => `定时评估：${x.reasons.map((r) => SEVERITY_REASON_LABELS[r]).join('；')}`))}::text[])
            AS e(id, company_id, complaint_id, from_value, to_value, content)`);
      }
      const raised = changes.flatMap((x) => (x.raise ? [{ row: { ...x.row, severity: x.severity }, ...x.raise }] : []));
      await writeEscalationEffects(tx, raised, now, recipients);
      escalated += raised.length;
      const major = events.filter((x) => x.severity === ('major' satisfies Severity));
      if (major.length) {
        await notifyMany(tx, major.map((x) => ({
          userIds: group,
          n: { kind: 'major', companyId: x.row.companyId, title: `重大投诉：${x.row.no}`, body: `${x.row.title} — ${x.reasons.map((r) => SEVERITY_REASON_LABELS[r]).join('；')}`, link: complaintLink(x.row.id) },
        })), now);
      }
    });
  }
  return { checked, changed, escalated };
}
