import type { TableProps } from 'antd';
import { Card, Empty, Table, Tag } from 'antd';
import type { FunnelRanking } from '../../data/hooks/analytics.ts';
import { formatNumber } from '../../lib/format.ts';

const MEDALS = ['gold', 'default', 'orange'];

const COLUMNS: TableProps<FunnelRanking>['columns'] = [
  {
    title: '名次',
    key: 'rank',
    width: 64,
    render: (_: unknown, _row: FunnelRanking, index: number) =>
      index < MEDALS.length ? <Tag color={MEDALS[index]}>{index + 1}</Tag> : <span style={{ paddingLeft: 8 }}>{index + 1}</span>,
  },
  { title: '置业顾问', key: 'consultant', render: (_: unknown, row: FunnelRanking) => row.consultant.name || '—' },
  { title: '签约', dataIndex: 'contracts', align: 'right', render: (value: number) => formatNumber(value) },
  { title: '认购', dataIndex: 'subscriptions', align: 'right', render: (value: number) => formatNumber(value) },
  { title: '来访', dataIndex: 'visits', align: 'right', render: (value: number) => formatNumber(value) },
];

/** Consultants ranked by contracts, then subscriptions, then visits (the top 20). */
export function FunnelRankingCard({ ranking }: { ranking: FunnelRanking[] }) {
  return (
    <Card title="置业顾问排名" style={{ height: '100%' }}>
      <Table<FunnelRanking>
        size="small"
        rowKey={(row) => row.consultant.id}
        columns={COLUMNS}
        dataSource={ranking}
        pagination={ranking.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已分配顾问的客户" /> }}
      />
    </Card>
  );
}
