import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplaintReport, reportQuery } from '../../../common/contracts/complaint-reports.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { notableComplaints } from './report-notable.ts';
import { reportPeriod, type ReportPeriod } from './report-period.ts';
import { cohortStats } from './report-stats.ts';
import { resolveReportScope } from './report-scope.ts';
import { orgScopeCondition } from './scope.ts';

export type ReportQuery = z.infer<typeof reportQuery>;

type SummaryRow = { received: number; closed: number; open_at_end: number; overdue_at_end: number };

// Flow and stock of the period. "At the end" is the period end, or now while the period runs.
// A complaint is open at the end unless it is closed now and was closed before the end (the
// close history of reopened complaints is not replayed).
async function periodCounts(db: Db, inScope: ReturnType<typeof orgScopeCondition>, p: ReportPeriod, at: Date): Promise<SummaryRow> {
  const [from, to, end] = [p.from.toISOString(), p.to.toISOString(), at.toISOString()];
  const [r] = await queryRows<SummaryRow>(
    db,
    sql`SELECT count(*) FILTER (WHERE x.filed_at >= ${from} AND x.filed_at < ${to})::int AS received,
               count(*) FILTER (WHERE x.closed_at >= ${from} AND x.closed_at < ${to})::int AS closed,
               count(*) FILTER (WHERE x.open_at_end)::int AS open_at_end,
               count(*) FILTER (WHERE x.open_at_end AND (x.resolved_at IS NULL OR x.resolved_at >= ${end}) AND x.resolution_due_at < ${end})::int AS overdue_at_end
          FROM (SELECT complaints.filed_at, complaints.closed_at, complaints.resolved_at, complaints.resolution_due_at,
                       complaints.filed_at < ${end} AND NOT (complaints.status = 'closed' AND complaints.closed_at < ${end}) AS open_at_end
                  FROM complaints WHERE complaints.filed_at < ${to} ${inScope ? sql`AND ${inScope}` : sql``}) x`,
  );
  return r;
}

// The weekly (Monday–Sunday, Asia/Shanghai) or monthly complaint report for the caller's
// organisation or one company / project of it. Rates are over the complaints filed in the period.
export async function complaintReport(db: Db, principal: Principal, query: ReportQuery, now: Date): Promise<ComplaintReport> {
  const { scope, label } = await resolveReportScope(db, principal, query);
  const inScope = orgScopeCondition(scope);
  const period = reportPeriod(query.period, query.date);
  const at = new Date(Math.min(period.to.getTime(), now.getTime()));

  const [counts, stats, notable] = await Promise.all([
    periodCounts(db, inScope, period, at),
    cohortStats(db, { from: period.from, to: period.to, scope }),
    notableComplaints(db, inScope, { from: period.from, to: period.to, at }, now),
  ]);
  return {
    period: { kind: period.kind, from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    scopeLabel: label,
    summary: {
      received: counts.received,
      closed: counts.closed,
      openAtEnd: counts.open_at_end,
      overdueAtEnd: counts.overdue_at_end,
      ...stats.cards,
    },
    bySpecialty: stats.bySpecialty,
    bySeverity: stats.bySeverity,
    byProject: stats.byProject,
    notable,
  };
}
