import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import type { ComplaintFilterKey, ComplaintFilters } from '../../data/hooks/complaints.ts';
import { COMPLAINT_FILTER_KEYS, useComplaints } from '../../data/hooks/complaints.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { ComplaintCard, complaintColumns } from './complaint-columns.tsx';
import { ComplaintFilterBar, isFiltered } from './complaint-filter-bar.tsx';

const isFilterKey = (key: string): key is ComplaintFilterKey => (COMPLAINT_FILTER_KEYS as readonly string[]).includes(key);

function readFilters(params: URLSearchParams): ComplaintFilters {
  const filters: ComplaintFilters = {};
  for (const [key, value] of params.entries()) {
    if (isFilterKey(key) && value.trim() !== '') filters[key] = value;
  }
  return filters;
}

function filterRecord(filters: ComplaintFilters): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of COMPLAINT_FILTER_KEYS) {
    const value = filters[key];
    if (value) record[key] = value;
  }
  return record;
}

/** 投诉列表: filters in the address (「返回」 keeps them), newest first, 「加载更多」 page by page. */
export function ComplaintListPage() {
  const { can } = useSession();
  const canWrite = can('complaints.write');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const query = useComplaints(filters);
  const columns = useMemo(() => complaintColumns(), []);

  const replaceFilters = (next: ComplaintFilters) => setSearchParams(new URLSearchParams(filterRecord(next)), { replace: true });

  const emptyText = isFiltered(filters)
    ? '没有符合条件的投诉'
    : canWrite
      ? '暂无投诉，点击“登记投诉”录入'
      : '您的数据范围内暂无投诉';

  return (
    <>
      <PageHeader
        title="投诉"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/complaints/new')}>
              登记投诉
            </Button>
          )
        }
      />
      <Card>
        <ComplaintFilterBar
          filters={filters}
          onChange={(patch) => replaceFilters({ ...filters, ...patch })}
          onClear={() => replaceFilters({})}
        />
        {isPhone ? (
          <PagedCards<ComplaintListItem>
            query={query}
            rowKey={(c) => c.id}
            emptyText={emptyText}
            renderItem={(c) => <ComplaintCard complaint={c} />}
          />
        ) : (
          <PagedTable<ComplaintListItem> query={query} rowKey="id" size="middle" columns={columns} emptyText={emptyText} />
        )}
      </Card>
    </>
  );
}
