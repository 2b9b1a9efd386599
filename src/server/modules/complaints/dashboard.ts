import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplaintDashboard, dashboardQuery } from '../../../common/contracts/complaint-reports.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { monthStarts, yearRange } from './report-period.ts';
import { resolveReportScope } from './report-scope.ts';
import { cohortStats } from './report-stats.ts';
import { orgScopeCondition } from './scope.ts';
import { complaintAlerts, complaints } from './tables.ts';

export type DashboardQuery = z.infer<typeof dashboardQuery>;

// The year at a glance (calendar year in Asia/Shanghai) for the caller's organisation or one
// company / project of it: the cohort is the complaints filed in the year. `open` and
// `openAlerts` are the state now, whatever the year (the backlog the viewer has to deal with).
export async function complaintDashboard(db: Db, principal: Principal, query: DashboardQuery, now: Date): Promise<ComplaintDashboard> {
  const { scope } = await resolveReportScope(db, principal, query);
  const starts = monthStarts(query.year);
  const openNow = and(ne(complaints.status, 'closed'), lt(complaints.filedAt, now), orgScopeCondition(scope));
  const openAlerts = and(eq(complaintAlerts.open, true), orgScopeCondition(scope, complaintAlerts));

  const [stats, [counts]] = await Promise.all([
    cohortStats(db, { ...yearRange(query.year), scope, monthStarts: starts }),
    queryRows<{ open: number; alerts: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM complaints WHERE ${openNow}) AS open,
                 (SELECT count(*)::int FROM complaint_alerts WHERE ${openAlerts}) AS alerts`,
    ),
  ]);
  return {
    total: stats.total,
    open: counts.open,
    cards: stats.cards,
    bySpecialty: stats.bySpecialty,
    bySeverity: stats.bySeverity,
    byProject: stats.byProject,
    byMonth: stats.months.map((m, i) => ({ month: `${query.year}-${String(i + 1).padStart(2, '0')}`, ...m })),
    openAlerts: counts.alerts,
  };
}
