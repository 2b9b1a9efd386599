import type { TableProps } from 'antd';
import { Empty, Table } from 'antd';
import { QueryError } from '../../components/query-error.tsx';
import type { ReferralStat } from '../../data/hooks/campaigns.ts';
import { useReferrals } from '../../data/hooks/campaigns.ts';
import { formatNumber } from '../../lib/format.ts';

const COLUMNS: TableProps<ReferralStat>['columns'] = [
  { title: '推荐业主', key: 'referrer', render: (_: unknown, row: ReferralStat) => row.referrer.name || '—' },
  { title: '推荐客户', dataIndex: 'referrals', align: 'right', sorter: (a, b) => a.referrals - b.referrals, render: (v: number) => formatNumber(v) },
  { title: '成交', dataIndex: 'deals', align: 'right', sorter: (a, b) => a.deals - b.deals, render: (v: number) => formatNumber(v) },
  {
    title: '成交率',
    key: 'rate',
    align: 'right',
    render: (_: unknown, row: ReferralStat) =>
      row.referrals > 0 ? `${formatNumber(Math.round((row.deals / row.referrals) * 1000) / 10)}%` : '—',
  },
  {
    title: '奖励（次）',
    dataIndex: 'rewards',
    align: 'right',
    sorter: (a, b) => a.rewards - b.rewards,
    render: (v: number) => formatNumber(v),
  },
];

/** 「老带新」: per referring owner, the prospects referred, those who signed and the rewards earned. */
export function ReferralTable({ projectId }: { projectId: string | undefined }) {
  const referrals = useReferrals(projectId);
  const items = referrals.data ?? [];
  if (referrals.isError) return <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  return (
    <Table<ReferralStat>
      size="middle"
      rowKey={(row) => row.referrer.id}
      columns={COLUMNS}
      dataSource={items}
      loading={referrals.isPending}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={projectId ? '该项目暂无老带新推荐' : '暂无老带新推荐'} /> }}
    />
  );
}
