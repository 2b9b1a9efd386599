import { Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Campaign } from '../../../common/contracts/campaigns.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useCampaigns } from '../../data/hooks/campaigns.ts';
import { formatNumber, shanghaiNow } from '../../lib/format.ts';
import { campaignColumns } from './campaign-columns.tsx';
import { formatMoney, formatReturn } from './campaign-format.ts';

type Totals = { cost: number; prospects: number; visits: number; deals: number; contractValue: number };

function totalsOf(items: Campaign[]): Totals {
  const sum = (pick: (c: Campaign) => number) => items.reduce((acc, c) => acc + pick(c), 0);
  return {
    cost: sum((c) => c.cost),
    prospects: sum((c) => c.prospects),
    visits: sum((c) => c.visits),
    deals: sum((c) => c.deals),
    contractValue: sum((c) => c.contractValue),
  };
}

const per = (cost: number, n: number) => (n > 0 ? cost / n : null);

function TotalsRow({ totals }: { totals: Totals }) {
  const cells = [
    formatMoney(totals.cost),
    formatNumber(totals.prospects),
    formatNumber(totals.visits),
    formatNumber(totals.deals),
    formatMoney(totals.contractValue),
    formatMoney(per(totals.cost, totals.visits)),
    formatMoney(per(totals.cost, totals.deals)),
    formatReturn(totals.cost > 0 ? totals.contractValue / totals.cost : null),
  ];
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={4}>
        <Typography.Text strong>合计</Typography.Text>
      </Table.Summary.Cell>
      {cells.map((text, index) => (
        <Table.Summary.Cell key={index} index={index + 4} align="right">
          <Typography.Text strong>{text}</Typography.Text>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

/** 「推广活动」: the campaigns of the chosen project (or all in scope), with costs and results. */
export function CampaignTable({ projectId }: { projectId: string | undefined }) {
  const campaigns = useCampaigns(projectId);
  const today = shanghaiNow().format('YYYY-MM-DD');
  const columns = useMemo(() => campaignColumns(today), [today]);
  const items = useMemo(() => campaigns.data ?? [], [campaigns.data]);
  const totals = useMemo(() => totalsOf(items), [items]);

  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return (
    <Table<Campaign>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={campaigns.isPending}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={projectId ? '该项目暂无推广活动' : '暂无推广活动'} /> }}
      summary={() => (items.length > 1 ? <TotalsRow totals={totals} /> : null)}
    />
  );
}
