import type { EChartsOption } from 'echarts';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/echart.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import type { ComplaintShare } from '../../data/hooks/complaint-reports.ts';
import type { ShareDimension } from './dashboard-share-table.tsx';
import { formatShare, ShareTable } from './dashboard-share-table.tsx';

// Severity slices keep the tag colours' meaning: grey general … red major.
const SEVERITY_PALETTE: Record<string, string> = { general: '#bfbfbf', important: '#1677ff', hot: '#fa8c16', major: '#f5222d' };
const TOP_PROJECTS = 10;

// On a phone the slices' outside labels do not fit: the legend, tooltip and table carry them.
function pieOption(rows: ComplaintShare[], name: string, colored: boolean, labels: boolean): EChartsOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name,
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: labels ? { formatter: '{b}\n{d}%' } : { show: false },
        data: rows
          .filter((row) => row.count > 0)
          .map((row) => ({
            name: row.label,
            value: row.count,
            itemStyle: colored && SEVERITY_PALETTE[row.key] ? { color: SEVERITY_PALETTE[row.key] } : undefined,
          })),
      },
    ],
  };
}

function barOption(rows: ComplaintShare[]): EChartsOption {
  const top = [...rows].sort((a, b) => b.count - a.count).slice(0, TOP_PROJECTS).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((row) => row.label), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        name: '投诉量',
        type: 'bar',
        data: top.map((row) => row.count),
        label: { show: true, position: 'right', formatter: (p) => formatShare(top[p.dataIndex]?.share ?? 0) },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

type ShareCardProps = { title: string; rows: ComplaintShare[]; dimension: ShareDimension };

function ShareCard({ title, rows, dimension }: ShareCardProps) {
  const isPhone = useIsPhone();
  const option = useMemo(
    () => (dimension === 'project' ? barOption(rows) : pieOption(rows, title, dimension === 'severity', !isPhone)),
    [rows, dimension, title, isPhone],
  );
  const hasData = rows.some((row) => row.count > 0);
  const chartHeight = dimension === 'project' ? Math.max(160, Math.min(rows.length, TOP_PROJECTS) * 32 + 24) : 260;
  return (
    <Card title={title} style={{ height: '100%' }}>
      {hasData && <EChart option={option} height={chartHeight} ariaLabel={`${title}图表`} />}
      <ShareTable rows={rows} dimension={dimension} />
    </Card>
  );
}

type ShareSectionProps = { bySpecialty: ComplaintShare[]; bySeverity: ComplaintShare[]; byProject: ComplaintShare[] };

/** The year's complaints broken down by specialty, severity and project. */
export function ShareSection({ bySpecialty, bySeverity, byProject }: ShareSectionProps) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ShareCard title="按专业分布" rows={bySpecialty} dimension="specialty" />
      </Col>
      <Col xs={24} lg={12}>
        <ShareCard title="按性质分布" rows={bySeverity} dimension="severity" />
      </Col>
      <Col xs={24}>
        <ShareCard title="按项目分布" rows={byProject} dimension="project" />
      </Col>
    </Row>
  );
}
