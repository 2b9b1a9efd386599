import { and, asc, eq, getTableColumns, ne, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { SEVERITY_REASON_LABELS, type Severity } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { DAY } from '../../platform/clock.ts';
import { notifyMany } from '../../platform/notify/notify.ts';
import { users } from '../users/tables.ts';
import { complaintLink } from './escalation.ts';
import { classifySeverity, DEFAULT_LIMITS, resolutionDueAt, type ResolutionHours } from './rules.ts';
import { severityFacts } from './severity.ts';
import { complaintSettings, complaints } from './tables.ts';

const BATCH = 2000;

// A text[] literal for PostgreSQL: every element quoted and escaped.
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
const c = complaints;

// Only time can change an open complaint's severity between edits (every edit re-judges at once):
// "unresolved one week / one month after filing". So the job reads just the unresolved ones old
// enough for a time rule that does not hold yet, judges them with the same pure rules in batches,
// and writes the changes set-wise — fast enough for 100k open complaints.
export async function reevaluateOpenComplaintSeverity(db: Db, now: Date): Promise<{ checked: number; changed: number }> {
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
  let after: { filedAt: Date; id: string } | null = null;
  for (;;) {
    const page: Array<typeof c.$inferSelect & { sameIssue: number }> = await db
      .select({ ...getTableColumns(c), sameIssue: sql<number>`CASE WHEN complaints.issue_id IS NULL THEN 1 ELSE (SELECT count(DISTINCT x.contact_mobile) FROM complaints x WHERE x.issue_id = complaints.issue_id AND x.filed_at >= (((complaints.filed_at AT TIME ZONE 'Asia/Shanghai') - interval '1 month') AT TIME ZONE 'Asia/Shanghai') AND x.filed_at <= (((complaints.filed_at AT TIME ZONE 'Asia/Shanghai') + interval '1 month') AT TIME ZONE 'Asia/Shanghai')) END` })
      .from(c)
      .where(after ? and(candidates, sql`(${c.filedAt}, ${c.id}) > (${after.filedAt.toISOString()}::timestamptz, ${after.id}::uuid)`) : candidates)
      .orderBy(asc(c.filedAt), asc(c.id))
      .limit(BATCH);
    if (!page.length) break;
    checked += page.length;
    after = { filedAt: page[page.length - 1].filedAt, id: page[page.length - 1].id };
    const changes = page.flatMap((row) => {
      const r = classifySeverity(severityFacts(row, Number(row.sameIssue)), now);
      if (r.severity === row.severity && r.reasons.join(',') === row.severityReasons.join(',')) return [];
      return [{ row, severity: r.severity, reasons: r.reasons, due: r.severity === row.severity ? row.resolutionDueAt : resolutionDueAt(r.severity, row.filedAt, limits.get(row.companyId) ?? DEFAULT_LIMITS) }];
    });
    if (!changes.length) continue;
    changed += changes.length;
    await db.transaction(async (tx) => {
      // Whole columns as arrays (unnest): one short statement per batch whatever its size.
      const ids = changes.map((x) => x.row.id);
      await tx.execute(sql`UPDATE complaints SET severity = v.severity, severity_reasons = string_to_array(v.reasons, ','), resolution_due_at = v.due,
        resolution_warned_at = CASE WHEN complaints.severity <> v.severity THEN NULL ELSE complaints.resolution_warned_at END,
        updated_at = ${now.toISOString()}::timestamptz, version = complaints.version + 1
        FROM unnest(${pgArray(ids)}::uuid[], ${pgArray(changes.map((x) => x.severity))}::text[], ${pgArray(changes.map((x) => x.reasons.join(',')))}::text[],
                    ${pgArray(changes.map((x) => x.due.toISOString()))}::timestamptz[]) AS v(id, severity, reasons, due)
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
      const major = events.filter((x) => x.severity === ('major' satisfies Severity));
      if (major.length) {
        await notifyMany(tx, major.map((x) => ({
          userIds: group,
          n: { kind: 'major', companyId: x.row.companyId, title: `重大投诉：${x.row.no}`, body: `${x.row.title} — ${x.reasons.map((r) => SEVERITY_REASON_LABELS[r]).join('；')}`, link: complaintLink(x.row.id) },
        })), now);
      }
    });
  }
  return { checked, changed };
}
