import type { TableProps } from 'antd';
import { Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Campaign } from '../../../common/contracts/campaigns.ts';
import { useSession } from '../../auth/session.tsx';
import { EditDeleteActions } from '../../components/edit-delete-actions.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useDeleteCampaign, usePagedCampaigns } from '../../data/hooks/campaigns.ts';
import { formatNumber, shanghaiNow } from '../../lib/format.ts';
import { campaignColumns } from './campaign-columns.tsx';
import { CampaignCreateModal } from './campaign-create-modal.tsx';
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
        <Typography.Text strong>合计（已加载）</Typography.Text>
      </Table.Summary.Cell>
      {cells.map((text, index) => (
        <Table.Summary.Cell key={index} index={index + 4} align="right">
          <Typography.Text strong>{text}</Typography.Text>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

/**
 * 「推广活动」: the campaigns of the chosen project (or all in scope), newest period first and loaded
 * page by page, with costs and results; 「成交」 counts the subscriptions and contracts that still
 * stand. Managers edit a campaign or delete one no prospect is attributed to.
 */
export function CampaignTable({ projectId }: { projectId: string | undefined }) {
  const { can } = useSession();
  const campaigns = usePagedCampaigns(projectId);
  const remove = useDeleteCampaign();
  const [editing, setEditing] = useState<Campaign | null>(null);
  const today = shanghaiNow().format('YYYY-MM-DD');
  const manage = can('channels.manage');
  const columns = useMemo<TableProps<Campaign>['columns']>(() => {
    const base = campaignColumns(today) ?? [];
    if (!manage) return base;
    return [
      ...base,
      {
        title: '操作',
        key: 'actions',
        fixed: 'right',
        render: (_: unknown, c: Campaign) => (
          <EditDeleteActions
            onEdit={() => setEditing(c)}
            onDelete={() => remove.mutateAsync({ id: c.id, version: c.version })}
            deletedMessage={`活动「${c.name}」已删除`}
            deleteNote={c.prospects > 0 ? `已有 ${c.prospects} 位客户归属该活动，须先改为其他活动才能删除` : '删除后不可恢复'}
          />
        ),
      },
    ];
  }, [today, manage, remove]);
  const items = useMemo(() => campaigns.data?.pages.flatMap((page) => page.items) ?? [], [campaigns.data]);
  const totals = useMemo(() => totalsOf(items), [items]);

  return (
    <>
      <PagedTable<Campaign>
        size="middle"
        rowKey="id"
        columns={columns}
        query={campaigns}
        emptyText={projectId ? '该项目暂无推广活动' : '暂无推广活动'}
        summary={() => (items.length > 1 ? <TotalsRow totals={totals} /> : null)}
      />
      {editing && <CampaignCreateModal campaign={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
