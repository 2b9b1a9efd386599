import type { TableProps } from 'antd';
import { PagedTable } from '../../components/paged-table.tsx';
import type { ReferralStat } from '../../data/hooks/campaigns.ts';
import { useReferrals } from '../../data/hooks/campaigns.ts';
import { formatNumber } from '../../lib/format.ts';

const COLUMNS: TableProps<ReferralStat>['columns'] = [
  { title: '推荐业主', key: 'referrer', render: (_: unknown, row: ReferralStat) => row.referrer.name || '—' },
  { title: '推荐客户', dataIndex: 'referrals', align: 'right', sorter: (a, b) => a.referrals - b.referrals, render: (v: number) => formatNumber(v) },
  { title: '有效成交', dataIndex: 'deals', align: 'right', sorter: (a, b) => a.deals - b.deals, render: (v: number) => formatNumber(v) },
  {
    title: '成交率',
    key: 'rate',
    align: 'right',
    render: (_: unknown, row: ReferralStat) =>
      row.referrals > 0 ? `${formatNumber(Math.round((row.deals / row.referrals) * 1000) / 10)}%` : '—',
  },
  {
    title: '有效奖励（次）',
    dataIndex: 'rewards',
    align: 'right',
    sorter: (a, b) => a.rewards - b.rewards,
    render: (v: number) => formatNumber(v),
  },
];

/**
 * 「老带新」: per referring owner, the prospects referred, those holding a contract that still stands
 * and the reward entitlements still owed or paid; most deals first, loaded page by page.
 */
export function ReferralTable({ projectId }: { projectId: string | undefined }) {
  const referrals = useReferrals(projectId);
  return (
    <PagedTable<ReferralStat>
      size="middle"
      rowKey={(row) => row.referrer.id}
      columns={COLUMNS}
      query={referrals}
      emptyText={projectId ? '该项目暂无老带新推荐' : '暂无老带新推荐'}
    />
  );
}
