import type { TableProps } from 'antd';
import { Card, Empty, Table, Typography } from 'antd';
import type { FunnelStep } from '../../../common/contracts/analytics.ts';
import { FUNNEL_STEP_LABELS, FUNNEL_STEPS } from '../../../common/contracts/analytics.ts';
import type { FunnelCounts, FunnelGroup, FunnelRow } from '../../data/hooks/analytics.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRate, rateOf } from './funnel-filters.ts';

const GROUP_TITLES: Record<FunnelGroup, string> = { none: '范围', channel: '来源渠道', consultant: '置业顾问', project: '项目' };

// Step-to-step rates, named by the step reached: 来访率 = visits / leads, and so on.
const RATES: Array<{ key: string; title: string; part: FunnelStep; whole: FunnelStep }> = [
  { key: 'visitRate', title: '来访率', part: 'visits', whole: 'leads' },
  { key: 'pledgeRate', title: '认筹率', part: 'pledges', whole: 'visits' },
  { key: 'subscriptionRate', title: '认购率', part: 'subscriptions', whole: 'pledges' },
  { key: 'contractRate', title: '签约率', part: 'contracts', whole: 'subscriptions' },
  { key: 'overallRate', title: '总转化率', part: 'contracts', whole: 'leads' },
];

type TableRow = { key: string; label: string; counts: FunnelCounts; registrations: number | null };

function columnsFor(groupBy: FunnelGroup): TableProps<TableRow>['columns'] {
  return [
    {
      title: GROUP_TITLES[groupBy],
      dataIndex: 'label',
      fixed: 'left',
      render: (label: string) => label || <Typography.Text type="secondary">（未命名）</Typography.Text>,
    },
    {
      // Broker registrations of the period: by project, or all on the broker channel's row; a
      // consultant has none of their own (null) until the office confirms the visit.
      title: '经纪人报备',
      key: 'registrations',
      align: 'right' as const,
      render: (_: unknown, row: TableRow) =>
        row.registrations === null ? <Typography.Text type="secondary" title="报备在到访确认前不归属置业顾问，按项目或渠道查看">—</Typography.Text> : formatNumber(row.registrations),
    },
    ...FUNNEL_STEPS.map((step) => ({
      title: step === 'leads' ? '线索' : FUNNEL_STEP_LABELS[step],
      key: step,
      align: 'right' as const,
      sorter: groupBy === 'none' ? undefined : (a: TableRow, b: TableRow) => a.counts[step] - b.counts[step],
      render: (_: unknown, row: TableRow) => formatNumber(row.counts[step]),
    })),
    ...RATES.map((rate) => ({
      title: rate.title,
      key: rate.key,
      align: 'right' as const,
      render: (_: unknown, row: TableRow) => formatRate(rateOf(row.counts[rate.part], row.counts[rate.whole])),
    })),
  ];
}

type GroupTableProps = { groupBy: FunnelGroup; rows: FunnelRow[]; total: FunnelCounts; registrations: number };

/** The funnel per channel, consultant or project (or the whole as one row), counts and rates per row. */
export function FunnelGroupTable({ groupBy, rows, total, registrations }: GroupTableProps) {
  const grouped = groupBy !== 'none';
  const data: TableRow[] = grouped ? rows : [{ key: 'total', label: '全部', counts: total, registrations }];
  const title = grouped ? `分组明细（${GROUP_TITLES[groupBy]}）` : '漏斗明细';
  return (
    <Card title={title}>
      <Table<TableRow>
        size="small"
        rowKey="key"
        columns={columnsFor(groupBy)}
        dataSource={data}
        pagination={data.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> }}
        summary={() =>
          grouped && data.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                {/* Prospects in the pool have no consultant: the whole is more than the rows. */}
                <Typography.Text strong>{groupBy === 'consultant' ? '全部（含公海客户）' : '合计'}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatNumber(registrations)}</Typography.Text>
              </Table.Summary.Cell>
              {FUNNEL_STEPS.map((step, index) => (
                <Table.Summary.Cell key={step} index={index + 2} align="right">
                  <Typography.Text strong>{formatNumber(total[step])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
              {RATES.map((rate, index) => (
                <Table.Summary.Cell key={rate.key} index={FUNNEL_STEPS.length + index + 2} align="right">
                  <Typography.Text strong>{formatRate(rateOf(total[rate.part], total[rate.whole]))}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
