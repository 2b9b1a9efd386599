import { and, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { COMPLAINT_TARGETS, SEVERITIES, SEVERITY_LABELS, SPECIALTIES, SPECIALTY_LABELS, type Severity, type Specialty } from '../../../common/complaints.ts';
import type { ComplaintDashboard } from '../../../common/contracts/complaint-reports.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import { orgScopeCondition, type OrgScope } from './scope.ts';
import { complaintCallbacks, complaints } from './tables.ts';

// Aggregates shared by the dashboard and the weekly/monthly reports over a cohort: the
// complaints filed in [from, to) in an org scope.

export type Rate = ComplaintDashboard['cards']['satisfaction'];
export type Share = ComplaintDashboard['bySpecialty'][number];
export type Cards = ComplaintDashboard['cards'];
export type MonthCounts = Omit<ComplaintDashboard['byMonth'][number], 'month'>;
export type Cohort = { from: Date; to: Date; scope: OrgScope; monthStarts?: Date[] };
export type CohortStats = { total: number; cards: Cards; bySpecialty: Share[]; bySeverity: Share[]; byProject: Share[]; months: MonthCounts[] };

const PROJECTS_SHOWN = 10;

// value = numerator / denominator, null without a denominator. Satisfaction must exceed its
// target (> 80 %); the others must reach theirs.
export function rate(numerator: number, denominator: number, target: number, strict = false): Rate {
  const value = denominator > 0 ? numerator / denominator : null;
  return { value, target, numerator, denominator, met: value === null ? null : strict ? value > target : value >= target };
}

type GroupRow = { month: number; project_id: string; project_name: string | null; n: number; closed: number; resolved: number; on_time: number } & Record<
  `s_${Specialty}` | `v_${Severity}`,
  number
>;
type CallbackRow = { rated: number; satisfied: number; called_back: number };

// One grouped scan of the cohort by (month, project), with a FILTER count per specialty and
// severity: few groups, so no large sort. Months are numbered by width_bucket over the Shanghai
// month starts (0 before the first): far cheaper per row than formatting
// `filed_at AT TIME ZONE 'Asia/Shanghai'`, and the same buckets.
function groupedCounts(db: Db, cohort: SQL, monthStarts: Date[]) {
  const bucket = monthStarts.length ? sql`width_bucket(complaints.filed_at, ARRAY[${sql.join(monthStarts.map((d) => sql`${d.toISOString()}`), sql`, `)}]::timestamptz[])` : sql`0`;
  const counts = (column: 'specialty' | 'severity', prefix: string, keys: readonly string[]) =>
    keys.map((k) => sql`, count(*) FILTER (WHERE complaints.${sql.raw(column)} = ${k})::int AS ${sql.raw(`${prefix}_${k}`)}`);
  return queryRows<GroupRow>(
    db,
    sql`SELECT g.*, p.name AS project_name FROM (
          SELECT ${bucket} AS month, complaints.project_id,
                 count(*)::int AS n,
                 count(*) FILTER (WHERE complaints.status = 'closed')::int AS closed,
                 count(*) FILTER (WHERE complaints.resolved_at IS NOT NULL)::int AS resolved,
                 count(*) FILTER (WHERE complaints.resolved_at <= complaints.resolution_due_at)::int AS on_time
                 ${sql.join([...counts('specialty', 's', SPECIALTIES), ...counts('severity', 'v', SEVERITIES)])}
            FROM complaints WHERE ${cohort}
           GROUP BY 1, 2
        ) g LEFT JOIN projects p ON p.id = g.project_id`,
  );
}

// Call-backs of the cohort: the latest per complaint (a call-back comes after filing, so only
// those since `from` are read). satisfied = latest ≥ 4; called back = resolved with one.
async function callbackCounts(db: Db, cohort: SQL, c: Cohort): Promise<CallbackRow> {
  const cb = complaintCallbacks;
  const where = and(gte(cb.at, c.from), c.scope.companyIds ? (c.scope.companyIds.length ? inArray(cb.companyId, c.scope.companyIds) : sql`false`) : undefined);
  const [r] = await queryRows<CallbackRow>(
    db,
    sql`SELECT count(*)::int AS rated,
               count(*) FILTER (WHERE l.satisfaction >= 4)::int AS satisfied,
               count(*) FILTER (WHERE complaints.resolved_at IS NOT NULL)::int AS called_back
          FROM (SELECT DISTINCT ON (complaint_callbacks.complaint_id) complaint_callbacks.complaint_id, complaint_callbacks.satisfaction
                  FROM complaint_callbacks WHERE ${where}
                 ORDER BY complaint_callbacks.complaint_id, complaint_callbacks.at DESC, complaint_callbacks.id DESC) l
          JOIN complaints ON complaints.id = l.complaint_id
         WHERE ${cohort}`,
  );
  return r;
}

export async function cohortStats(db: Db, c: Cohort): Promise<CohortStats> {
  const cohort = and(gte(complaints.filedAt, c.from), lt(complaints.filedAt, c.to), orgScopeCondition(c.scope))!;
  const monthStarts = c.monthStarts ?? [];
  const [rows, cb] = await Promise.all([groupedCounts(db, cohort, monthStarts), callbackCounts(db, cohort, c)]);

  const sum = (pick: (r: GroupRow) => number, keep: (r: GroupRow) => boolean = () => true) => rows.reduce((acc, r) => (keep(r) ? acc + pick(r) : acc), 0);
  const total = sum((r) => r.n);
  const share = (key: string, label: string, n: number): Share => ({ key, label, count: n, share: total > 0 ? n / total : 0 });
  const perProject = new Map<string, { name: string; n: number }>();
  for (const r of rows) {
    const x = perProject.get(r.project_id) ?? { name: r.project_name ?? '', n: 0 };
    x.n += r.n;
    perProject.set(r.project_id, x);
  }
  const projects = [...perProject].sort((a, b) => b[1].n - a[1].n || a[1].name.localeCompare(b[1].name, 'zh-CN'));
  const byProject = projects.slice(0, PROJECTS_SHOWN).map(([id, x]) => share(id, x.name, x.n));
  const rest = projects.slice(PROJECTS_SHOWN).reduce((acc, [, x]) => acc + x.n, 0);
  if (rest > 0) byProject.push(share('other', '其他项目', rest));

  const months = monthStarts.map((_, i) => {
    const inMonth = (r: GroupRow) => r.month === i + 1;
    return { count: sum((r) => r.n, inMonth), closed: sum((r) => r.closed, inMonth), major: sum((r) => r.v_major, inMonth), hot: sum((r) => r.v_hot, inMonth) };
  });
  const t = COMPLAINT_TARGETS;
  const resolved = sum((r) => r.resolved);
  return {
    total,
    cards: {
      satisfaction: rate(cb.satisfied, cb.rated, t.satisfaction, true),
      onTime: rate(sum((r) => r.on_time), resolved, t.onTime),
      closure: rate(sum((r) => r.closed), total, t.closure),
      callback: rate(cb.called_back, resolved, t.callback),
    },
    bySpecialty: SPECIALTIES.map((k) => share(k, SPECIALTY_LABELS[k], sum((r) => r[`s_${k}`]))),
    bySeverity: SEVERITIES.map((k) => share(k, SEVERITY_LABELS[k], sum((r) => r[`v_${k}`]))),
    byProject,
    months,
  };
}
