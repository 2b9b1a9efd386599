import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Segmented, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import type { ComplaintScope, ReportPeriod, ReportQuery } from '../../data/hooks/complaint-reports.ts';
import { downloadComplaintReport, REPORT_PERIOD_LABELS, useComplaintReport } from '../../data/hooks/complaint-reports.ts';
import { dayjs } from '../../lib/dayjs.ts';
import { shanghaiNow } from '../../lib/format.ts';
import { ComplaintScopePicker, useScopeFromSearch, useSearchState } from './dashboard-scope-picker.tsx';
import { ShareTable } from './dashboard-share-table.tsx';
import { NotableComplaints } from './reports-notable.tsx';
import { ReportSummary } from './reports-summary.tsx';

const DATE_FORMAT = 'YYYY-MM-DD';

// A week is named by its Monday (zh-cn weeks start on Monday), a month by its first day.
function periodStart(value: Dayjs, period: ReportPeriod): string {
  return value.startOf(period).format(DATE_FORMAT);
}

function dateFrom(value: string | undefined, period: ReportPeriod): string {
  const parsed = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return periodStart(parsed?.isValid() ? parsed : shanghaiNow(), period);
}

/** 「投诉报表」: the weekly or monthly report for management, on screen and as Excel. */
export function ComplaintReportsPage() {
  const { get, patch } = useSearchState();
  const period: ReportPeriod = get('period') === 'month' ? 'month' : 'week';
  const date = dateFrom(get('date'), period);
  const scope = useScopeFromSearch(get);
  const query: ReportQuery = { period, date, ...scope };
  const report = useComplaintReport(query);
  const data = report.data;
  const onError = useApiErrorHandler();
  const [downloading, setDownloading] = useState(false);

  const refreshing = report.isFetching && !report.isPending;
  const setScope = (next: ComplaintScope) => patch({ companyId: next.companyId, projectId: next.projectId });

  const saveExcel = async () => {
    setDownloading(true);
    try {
      await downloadComplaintReport(query);
    } catch (error) {
      onError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title="投诉报表"
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={refreshing} onClick={() => void report.refetch()}>
              刷新
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void saveExcel()}>
              下载 Excel
            </Button>
          </Space>
        }
      />
      <div className="toolbar">
        <Segmented<ReportPeriod>
          aria-label="报表类型"
          value={period}
          options={(['week', 'month'] as const).map((value) => ({ value, label: REPORT_PERIOD_LABELS[value] }))}
          onChange={(value) => patch({ period: value === 'week' ? undefined : value, date: periodStart(dayjs(date), value) })}
        />
        <DatePicker
          picker={period}
          aria-label={period === 'week' ? '选择周' : '选择月份'}
          allowClear={false}
          value={dayjs(date)}
          disabledDate={(value: Dayjs) => value.isAfter(shanghaiNow(), 'day')}
          onChange={(value: Dayjs | null) => value && patch({ date: periodStart(value, period) })}
          style={{ width: 160 }}
        />
        <ComplaintScopePicker value={scope} onChange={setScope} />
      </div>
      {report.isError && !data ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Spin spinning={refreshing && report.isPlaceholderData} description="加载中…">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ReportSummary report={data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title="按专业" style={{ height: '100%' }}>
                  <ShareTable rows={data.bySpecialty} dimension="specialty" />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title="按性质" style={{ height: '100%' }}>
                  <ShareTable rows={data.bySeverity} dimension="severity" />
                </Card>
              </Col>
              <Col xs={24}>
                <Card title="按项目">
                  <ShareTable rows={data.byProject} dimension="project" />
                </Card>
              </Col>
            </Row>
            <NotableComplaints items={data.notable} />
          </Space>
        </Spin>
      )}
    </>
  );
}
