import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import type { ComplaintScope } from '../../data/hooks/complaint-reports.ts';
import { useComplaintDashboard } from '../../data/hooks/complaint-reports.ts';
import { dayjs } from '../../lib/dayjs.ts';
import { shanghaiNow } from '../../lib/format.ts';
import { OpenAlerts } from './dashboard-alerts.tsx';
import { ComplaintScopePicker, useScopeFromSearch, useSearchState } from './dashboard-scope-picker.tsx';
import { ShareSection } from './dashboard-shares.tsx';
import { TargetCards } from './dashboard-target-cards.tsx';
import { DashboardTotals } from './dashboard-totals.tsx';
import { MonthlyTrend } from './dashboard-trend.tsx';

const FIRST_YEAR = 2000;

function yearFrom(value: string | undefined, current: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= current ? year : current;
}

/** 「投诉看板」: one year's complaints against the service-level targets, with the open warnings. */
export function ComplaintDashboardPage() {
  const { get, patch } = useSearchState();
  const thisYear = shanghaiNow().year();
  const year = yearFrom(get('year'), thisYear);
  const scope = useScopeFromSearch(get);
  const dashboard = useComplaintDashboard({ year, ...scope });
  const data = dashboard.data;

  const setScope = (next: ComplaintScope) => patch({ companyId: next.companyId, projectId: next.projectId });
  const refreshing = dashboard.isFetching && !dashboard.isPending;

  return (
    <>
      <PageHeader
        title="投诉看板"
        extra={
          <Button icon={<ReloadOutlined />} loading={refreshing} onClick={() => void dashboard.refetch()}>
            刷新
          </Button>
        }
      />
      <div className="toolbar">
        <DatePicker
          picker="year"
          aria-label="选择年份"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          disabledDate={(value: Dayjs) => value.year() > thisYear || value.year() < FIRST_YEAR}
          onChange={(value: Dayjs | null) => patch({ year: value && value.year() !== thisYear ? String(value.year()) : undefined })}
          style={{ width: 120 }}
        />
        <ComplaintScopePicker value={scope} onChange={setScope} />
      </div>
      {dashboard.isError && !data ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Spin spinning={refreshing && dashboard.isPlaceholderData} description="加载中…">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
            <DashboardTotals dashboard={data} />
            <TargetCards rates={data.cards} />
            <MonthlyTrend months={data.byMonth} />
            <ShareSection bySpecialty={data.bySpecialty} bySeverity={data.bySeverity} byProject={data.byProject} />
            <OpenAlerts scope={scope} />
          </Space>
        </Spin>
      )}
    </>
  );
}
