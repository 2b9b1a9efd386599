import { Space, Typography } from 'antd';
import type { ComplaintReport } from '../../../common/contracts/complaint-reports.ts';
import { APP_TIME_ZONE, dayjs } from '../../lib/dayjs.ts';
import { formatDate } from '../../lib/format.ts';
import { CountCards, type CountItem } from './dashboard-totals.tsx';
import { TargetCards } from './dashboard-target-cards.tsx';

// An end at midnight is exclusive (up to the next period's first day): show the day before.
function lastDay(iso: string): string {
  const end = dayjs(iso);
  if (!end.isValid()) return formatDate(iso);
  return end.tz(APP_TIME_ZONE).format('HH:mm:ss') === '00:00:00' ? formatDate(end.subtract(1, 'second').toISOString()) : formatDate(iso);
}

/** The report's heading (period and scope), its counts and the four target rates. */
export function ReportSummary({ report }: { report: ComplaintReport }) {
  const { summary, period } = report;
  const counts: CountItem[] = [
    { key: 'received', title: '本期受理', value: summary.received },
    { key: 'closed', title: '本期关闭', value: summary.closed },
    { key: 'openAtEnd', title: '期末未关闭', value: summary.openAtEnd },
    { key: 'overdueAtEnd', title: '期末超时', value: summary.overdueAtEnd, danger: summary.overdueAtEnd > 0 },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {report.scopeLabel} · {period.label}
        </Typography.Title>
        <Typography.Text type="secondary">
          统计区间：{formatDate(period.from)} 至 {lastDay(period.to)}
        </Typography.Text>
      </div>
      <CountCards items={counts} />
      <TargetCards rates={summary} />
    </Space>
  );
}
