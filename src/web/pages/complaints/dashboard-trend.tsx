import type { EChartsOption } from 'echarts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/echart.tsx';
import type { ComplaintMonth } from '../../data/hooks/complaint-reports.ts';

// 「2026-03」 → 「3月」; anything else is shown as sent.
function monthLabel(month: string): string {
  const match = /^\d{4}-(\d{2})/.exec(month);
  return match ? `${Number(match[1])}月` : month;
}

function trendOption(months: ComplaintMonth[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)) },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [
      { name: '投诉量', type: 'bar', data: months.map((m) => m.count), itemStyle: { color: '#1677ff' } },
      { name: '已关闭', type: 'bar', data: months.map((m) => m.closed), itemStyle: { color: '#52c41a' } },
      { name: '热点', type: 'line', smooth: true, data: months.map((m) => m.hot), itemStyle: { color: '#fa8c16' } },
      { name: '重大', type: 'line', smooth: true, data: months.map((m) => m.major), itemStyle: { color: '#f5222d' } },
    ],
  };
}

/** Complaints received and closed per month, with the hot and major ones as lines. */
export function MonthlyTrend({ months }: { months: ComplaintMonth[] }) {
  const option = useMemo(() => trendOption(months), [months]);
  return (
    <Card title="月度趋势">
      {months.length > 0 ? (
        <EChart option={option} height={340} ariaLabel="月度投诉趋势图" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      )}
    </Card>
  );
}
