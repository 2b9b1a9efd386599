import { Card } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Deal } from '../../../common/contracts/sales.ts';
import { useSession } from '../../auth/session.tsx';
import type { DealFilterKey, DealFilters } from '../../data/hooks/sales.ts';
import { DEAL_FILTER_KEYS, useDeals } from '../../data/hooks/sales.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { DealCard, dealColumns } from './deal-columns.tsx';
import { DealFilterBar, isFiltered } from './deal-filter-bar.tsx';

const isFilterKey = (key: string): key is DealFilterKey => (DEAL_FILTER_KEYS as readonly string[]).includes(key);

function readFilters(params: URLSearchParams): DealFilters {
  const filters: DealFilters = {};
  for (const [key, value] of params.entries()) {
    if (isFilterKey(key) && value.trim() !== '') filters[key] = value;
  }
  return filters;
}

function filterRecord(filters: DealFilters): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of DEAL_FILTER_KEYS) {
    const value = filters[key];
    if (value) record[key] = value;
  }
  return record;
}

/** 成交: every deal in the reader's scope, newest first, filtered by buyer or unit, project, consultant, stage and status. */
export function DealsPage() {
  const { can } = useSession();
  const linkCustomer = can('customers.read');
  const showConsultant = can('users.read');
  const isPhone = useIsPhone();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const query = useDeals(filters);
  const columns = useMemo(() => dealColumns({ linkCustomer }), [linkCustomer]);

  const replaceFilters = (next: DealFilters) => setSearchParams(new URLSearchParams(filterRecord(next)), { replace: true });
  const emptyText = isFiltered(filters) ? '没有符合条件的成交记录' : '暂无成交记录，可在「销控」中点击房源认筹、认购或签约';

  return (
    <>
      <PageHeader title="成交" />
      <Card>
        <DealFilterBar
          filters={filters}
          showConsultant={showConsultant}
          onChange={(patch) => replaceFilters({ ...filters, ...patch })}
          onClear={() => replaceFilters({})}
        />
        {isPhone ? (
          <PagedCards<Deal>
            query={query}
            rowKey={(d) => d.id}
            emptyText={emptyText}
            renderItem={(d) => <DealCard deal={d} linkCustomer={linkCustomer} />}
          />
        ) : (
          <PagedTable<Deal> query={query} rowKey="id" size="middle" columns={columns} emptyText={emptyText} />
        )}
      </Card>
    </>
  );
}
