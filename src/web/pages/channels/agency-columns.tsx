import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Space, Typography } from 'antd';
import type { Agency } from '../../data/hooks/agencies.ts';
import { formatNumber } from '../../lib/format.ts';
import { AgencyStatusButton, AgencyStatusTag } from './agency-status-button.tsx';

/** What a row offers: 「经纪人」 (the detail) for every reader, 「编辑」 and the status change for managers. */
export type AgencyActions = { onOpen: (a: Agency) => void; onEdit: ((a: Agency) => void) | null };

const COUNTS = [
  { key: 'brokers', title: '经纪人' },
  { key: 'registrations', title: '报备' },
  { key: 'visits', title: '到访' },
  { key: 'deals', title: '成交' },
  { key: 'commissionEligible', title: '可结佣' },
] as const;

function RowActions({ a, actions, block }: { a: Agency; actions: AgencyActions; block?: boolean }) {
  const size = block ? 'middle' : 'small';
  return (
    <Space size={block ? 8 : 0} wrap>
      <Button type={block ? 'default' : 'link'} size={size} icon={<TeamOutlined />} onClick={() => actions.onOpen(a)}>
        经纪人
      </Button>
      {actions.onEdit && (
        <>
          <Button type={block ? 'default' : 'link'} size={size} icon={<EditOutlined />} onClick={() => actions.onEdit?.(a)}>
            编辑
          </Button>
          <AgencyStatusButton agency={a} type={block ? 'default' : 'link'} size={size} />
        </>
      )}
    </Space>
  );
}

/** 渠道机构 as table columns: name, contact, status, the period's counts, actions. */
export function agencyColumns(actions: AgencyActions, showCompany: boolean): NonNullable<TableProps<Agency>['columns']> {
  return [
    {
      title: '机构名称',
      key: 'name',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => actions.onOpen(a)}>{a.name}</Typography.Link>
          {showCompany && <Typography.Text type="secondary">{a.companyName}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '联系人',
      key: 'contact',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.contactName}</span>
          <Typography.Text type="secondary">{a.contactMobile}</Typography.Text>
        </Space>
      ),
    },
    { title: '状态', key: 'status', render: (_: unknown, a) => <AgencyStatusTag status={a.status} /> },
    ...COUNTS.map(({ key, title }) => ({ title, key, align: 'right' as const, render: (_: unknown, a: Agency) => formatNumber(a.stats[key]) })),
    { title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, a: Agency) => <RowActions a={a} actions={actions} /> },
  ];
}

/** One agency as a card (the list on a phone). */
export function AgencyCard({ a, actions }: { a: Agency; actions: AgencyActions }) {
  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>{a.name}</Typography.Text>
        <AgencyStatusTag status={a.status} />
      </div>
      <div className="stack-card-meta">
        联系人：{a.contactName} {a.contactMobile}
      </div>
      <div className="stack-card-meta">{COUNTS.map(({ key, title }) => `${title} ${formatNumber(a.stats[key])}`).join(' · ')}</div>
      <div className="stack-card-actions">
        <RowActions a={a} actions={actions} block />
      </div>
    </>
  );
}
