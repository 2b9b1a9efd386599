import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';

type AlertPage = { items: ComplaintAlert[]; nextCursor: string | null; total: number };
const ALERTS_PAGE_SIZE = 10;
import type { ComplaintDashboard, ComplaintReport } from '../../../common/contracts/complaint-reports.ts';
import type { Project } from '../../../common/contracts/org.ts';
import { api, download } from '../client.ts';
import { PROJECTS_KEY } from '../keys.ts';
import { useOptionsQuery } from '../paged.ts';

// Query key roots of the complaint analysis pages (dashboard, weekly/monthly report, alerts).
export const COMPLAINT_DASHBOARD_KEY = ['complaint-dashboard'] as const;
export const COMPLAINT_REPORT_KEY = ['complaint-report'] as const;
export const COMPLAINT_ALERTS_KEY = ['complaint-alerts'] as const;

/** Which part of the organisation an aggregate covers: nothing chosen is the caller's whole scope. */
export type ComplaintScope = { companyId?: string; projectId?: string };
export type ReportPeriod = ComplaintReport['period']['kind'];
export type DashboardQuery = ComplaintScope & { year: number };
export type ReportQuery = ComplaintScope & { period: ReportPeriod; date: string };
export type ComplaintRate = ComplaintDashboard['cards']['satisfaction'];
export type ComplaintShare = ComplaintDashboard['bySpecialty'][number];
export type ComplaintMonth = ComplaintDashboard['byMonth'][number];

export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = { week: '周报', month: '月报' };

export function useComplaintDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: [...COMPLAINT_DASHBOARD_KEY, query],
    queryFn: ({ signal }) => api.get<ComplaintDashboard>('/complaint-dashboard', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useComplaintReport(query: ReportQuery) {
  return useQuery({
    queryKey: [...COMPLAINT_REPORT_KEY, query],
    queryFn: ({ signal }) => api.get<ComplaintReport>('/complaint-reports', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Saves the report as .xlsx, named as the server says (else 「投诉周报-2026-03-02.xlsx」). */
export function downloadComplaintReport(query: ReportQuery): Promise<void> {
  return download('/complaint-reports/xlsx', query, `投诉${REPORT_PERIOD_LABELS[query.period]}-${query.date}.xlsx`);
}

/** Early warnings (投诉预警) still open in the chosen company or project (else the caller's whole
 * scope), filtered and paged by the server: newest first, 「加载更多」, with the total. */
export function useOpenComplaintAlerts(scope: ComplaintScope) {
  return useInfiniteQuery({
    queryKey: [...COMPLAINT_ALERTS_KEY, { open: true }, scope],
    queryFn: ({ pageParam, signal }) =>
      api.get<AlertPage>('/complaint-alerts', { query: { open: 'true', companyId: scope.companyId, projectId: scope.projectId, limit: ALERTS_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Projects the caller's scope reaches, optionally of one company: the options of a scope picker. */
export function useScopeProjectOptions(companyId: string | undefined) {
  return useOptionsQuery<Project>(PROJECTS_KEY, '/projects', { companyId, sort: 'name' });
}
