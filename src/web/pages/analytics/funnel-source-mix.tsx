import type { EChartsOption } from 'echarts';
import type { TableProps } from 'antd';
import { Card, Empty, Progress, Table } from 'antd';
import { useMemo } from 'react';
import type { SourceChannel } from '../../../common/customers.ts';
import { SOURCE_CHANNEL_LABELS, SOURCE_CHANNELS } from '../../../common/customers.ts';
import { EChart } from '../../components/echart.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import type { FunnelSource } from '../../data/hooks/analytics.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRate } from './funnel-filters.ts';

function isSourceChannel(key: string): key is SourceChannel {
  return (SOURCE_CHANNELS as readonly string[]).includes(key);
}

const labelOf = (row: FunnelSource) => (isSourceChannel(row.key) ? SOURCE_CHANNEL_LABELS[row.key] : row.label || row.key);

function pieOption(rows: FunnelSource[], labels: boolean): EChartsOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name: '成交客户来源',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: labels ? { formatter: '{b}\n{d}%' } : { show: false },
        data: rows.map((row) => ({ name: labelOf(row), value: row.count })),
      },
    ],
  };
}

const COLUMNS: TableProps<FunnelSource>['columns'] = [
  { title: '来源渠道', key: 'label', render: (_: unknown, row: FunnelSource) => labelOf(row) },
  { title: '签约人数', dataIndex: 'count', align: 'right', render: (value: number) => formatNumber(value) },
  {
    title: '占比',
    dataIndex: 'share',
    width: 180,
    render: (share: number) => <Progress percent={Math.round(share * 1000) / 10} status="normal" size="small" format={() => formatRate(share)} />,
  },
];

/** Where the period's buyers (signed) came from: a pie and the shares by source channel. */
export function FunnelSourceMix({ rows }: { rows: FunnelSource[] }) {
  const isPhone = useIsPhone();
  const shown = useMemo(() => rows.filter((row) => row.count > 0), [rows]);
  const option = useMemo(() => pieOption(shown, !isPhone), [shown, isPhone]);
  return (
    <Card title="成交客户来源构成" style={{ height: '100%' }}>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期暂无签约客户" />
      ) : (
        <>
          <EChart option={option} height={260} ariaLabel="成交客户来源构成饼图" />
          <Table<FunnelSource>
            size="small"
            rowKey="key"
            columns={COLUMNS}
            dataSource={shown}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
    </Card>
  );
}
