import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import type { Agency } from '../../data/hooks/agencies.ts';
import { useAgencies } from '../../data/hooks/agencies.ts';
import { AgencyCard, agencyColumns, type AgencyActions } from './agency-columns.tsx';
import { AgencyDrawer } from './agency-drawer.tsx';
import { AgencyFormModal } from './agency-form-modal.tsx';
import { AGENCY_STATUS_OPTIONS } from './channel-options.ts';
import { useAgencyFilters } from './use-agency-filters.ts';
import { SearchBox } from '../../components/search-box.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';

/** 「渠道机构」: the agencies brokers work for, what they brought in a period, and their brokers. */
export function AgenciesPage() {
  const { can, me } = useSession();
  const canManage = can('channels.manage');
  const isPhone = useIsPhone();
  const { filters, period, filtered, change, setPeriod } = useAgencyFilters();
  const query = useAgencies(filters);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const actions = useMemo<AgencyActions>(() => ({ onOpen: (a) => setOpenId(a.id), onEdit: canManage ? (a) => setEditing(a) : null }), [canManage]);
  // Group-wide readers see several companies' agencies: say whose each is.
  const columns = useMemo(() => agencyColumns(actions, !me.company), [actions, me.company]);
  const emptyText = filtered ? '没有符合条件的机构' : canManage ? '暂无渠道机构，点击「新建机构」添加' : '暂无渠道机构';

  return (
    <>
      <PageHeader
        title="渠道机构"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建机构
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">合作中介机构及其经纪人；统计所选期间内的报备、到访、成交与可结佣数。暂停合作的机构，其经纪人不能报备。</Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">
          <SearchBox value={filters.q} onSearch={(q) => change({ q })} placeholder="搜索机构名称" label="搜索机构" maxLength={64} maxWidth={260} />
          <FilterSelect<string> label="状态" minWidth={130} value={filters.status} options={AGENCY_STATUS_OPTIONS} onChange={(value: string | undefined) => change({ status: value })} />
          <PeriodPicker value={period} onChange={setPeriod} />
        </div>
        {isPhone ? (
          <PagedCards<Agency> query={query} rowKey={(a) => a.id} emptyText={emptyText} renderItem={(a) => <AgencyCard a={a} actions={actions} />} />
        ) : (
          <PagedTable<Agency> query={query} rowKey="id" size="middle" columns={columns} emptyText={emptyText} />
        )}
      </Card>
      {openId && <AgencyDrawer agencyId={openId} period={filters} onEdit={(a) => setEditing(a)} onClose={() => setOpenId(null)} />}
      {editing && <AgencyFormModal agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
