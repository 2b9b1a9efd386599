import { sql, type SQL } from 'drizzle-orm';
import { COMPLAINT_TARGETS, SEVERITIES, SEVERITY_LABELS, SPECIALTIES, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintDashboard } from '../../../common/contracts/complaints.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

// Aggregates shared by the dashboard and the weekly/monthly reports. Each takes the condition on
// `complaints` that picks the cohort (complaints filed in the period, in the caller's org scope).

export type Rate = ComplaintDashboard['cards']['satisfaction'];
export type Share = ComplaintDashboard['bySpecialty'][number];
export type Cards = ComplaintDashboard['cards'];
export type MonthRow = ComplaintDashboard['byMonth'][number];

const PROJECTS_SHOWN = 10;

// value = numerator / denominator, null without a denominator. Satisfaction must exceed its
// target (> 80 %); the others must reach theirs.
export function rate(numerator: number, denominator: number, target: number, strict = false): Rate {
  const value = denominator > 0 ? numerator / denominator : null;
  return { value, target, numerator, denominator, met: value === null ? null : strict ? value > target : value >= target };
}

type CardRow = { total: number; closed: number; resolved: number; on_time: number; called_back: number; rated: number; satisfied: number };

// The four target cards over the cohort, in one statement:
//   satisfaction: latest call-back per complaint with satisfaction ≥ 4, among complaints with one;
//   onTime: resolved by resolution_due_at, among resolved; closure: closed among filed;
//   callback: resolved complaints with at least one call-back, among resolved.
export async function cohortCards(db: Db, cohort: SQL): Promise<{ total: number; cards: Cards }> {
  const [r] = await queryRows<CardRow>(
    db,
    sql`WITH c AS (
          SELECT complaints.id, complaints.status, complaints.resolved_at, complaints.resolution_due_at FROM complaints WHERE ${cohort}
        ), latest AS (
          SELECT DISTINCT ON (cb.complaint_id) cb.complaint_id, cb.satisfaction
            FROM complaint_callbacks cb JOIN c ON c.id = cb.complaint_id
           ORDER BY cb.complaint_id, cb.at DESC, cb.id DESC
        )
        SELECT count(*)::int AS total,
               count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
               count(*) FILTER (WHERE c.resolved_at IS NOT NULL)::int AS resolved,
               count(*) FILTER (WHERE c.resolved_at <= c.resolution_due_at)::int AS on_time,
               count(*) FILTER (WHERE c.resolved_at IS NOT NULL AND l.complaint_id IS NOT NULL)::int AS called_back,
               count(l.complaint_id)::int AS rated,
               count(*) FILTER (WHERE l.satisfaction >= 4)::int AS satisfied
          FROM c LEFT JOIN latest l ON l.complaint_id = c.id`,
  );
  const t = COMPLAINT_TARGETS;
  return {
    total: r.total,
    cards: {
      satisfaction: rate(r.satisfied, r.rated, t.satisfaction, true),
      onTime: rate(r.on_time, r.resolved, t.onTime),
      closure: rate(r.closed, r.total, t.closure),
      callback: rate(r.called_back, r.resolved, t.callback),
    },
  };
}

type GroupRow = { dim: 'month' | 'specialty' | 'severity' | 'project'; key: string; name: string | null; count: number; closed: number; major: number; hot: number };
export type Breakdown = { bySpecialty: Share[]; bySeverity: Share[]; byProject: Share[]; months: Map<string, MonthRow> };

// Counts by Shanghai month, specialty, severity and project in one scan (GROUPING SETS).
export async function cohortBreakdown(db: Db, cohort: SQL): Promise<Breakdown> {
  const rows = await queryRows<GroupRow>(
    db,
    sql`SELECT g.*, p.name FROM (
          SELECT CASE WHEN GROUPING(x.month) = 0 THEN 'month' WHEN GROUPING(x.specialty) = 0 THEN 'specialty'
                      WHEN GROUPING(x.severity) = 0 THEN 'severity' ELSE 'project' END AS dim,
                 coalesce(x.month, x.specialty, x.severity, x.project_id::text) AS key,
                 count(*)::int AS count,
                 count(*) FILTER (WHERE x.status = 'closed')::int AS closed,
                 count(*) FILTER (WHERE x.severity = 'major')::int AS major,
                 count(*) FILTER (WHERE x.severity = 'hot')::int AS hot
            FROM (SELECT to_char(complaints.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, complaints.specialty,
                         complaints.severity, complaints.project_id, complaints.status
                    FROM complaints WHERE ${cohort}) x
           GROUP BY GROUPING SETS ((x.month), (x.specialty), (x.severity), (x.project_id))
        ) g LEFT JOIN projects p ON g.dim = 'project' AND p.id::text = g.key`,
  );
  const of = (dim: GroupRow['dim']) => rows.filter((r) => r.dim === dim);
  const total = of('month').reduce((s, r) => s + r.count, 0);
  const share = (key: string, label: string, count: number): Share => ({ key, label, count, share: total > 0 ? count / total : 0 });
  const countOf = (dim: GroupRow['dim']) => new Map(of(dim).map((r) => [r.key, r.count]));

  const specialty = countOf('specialty');
  const severity = countOf('severity');
  const projects = of('project').sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
  const byProject = projects.slice(0, PROJECTS_SHOWN).map((r) => share(r.key, r.name ?? '', r.count));
  const rest = projects.slice(PROJECTS_SHOWN).reduce((s, r) => s + r.count, 0);
  if (rest > 0) byProject.push(share('other', '其他项目', rest));
  return {
    bySpecialty: SPECIALTIES.map((k) => share(k, SPECIALTY_LABELS[k], specialty.get(k) ?? 0)),
    bySeverity: SEVERITIES.map((k) => share(k, SEVERITY_LABELS[k], severity.get(k) ?? 0)),
    byProject,
    months: new Map(of('month').map((r) => [r.key, { month: r.key, count: r.count, closed: r.closed, major: r.major, hot: r.hot }])),
  };
}
