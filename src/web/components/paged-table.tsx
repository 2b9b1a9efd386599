import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Empty, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Page } from '../../common/contracts/common.ts';
import { formatNumber } from '../lib/format.ts';
import { QueryError } from './query-error.tsx';

type PagedTableProps<T extends object> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  emptyText?: ReactNode;
};

/**
 * A table over a keyset-paged list: rows accumulate page by page with 「加载更多」. The API gives
 * no totals, so the footer says how many rows are loaded and whether there are more.
 */
export function PagedTable<T extends object>({ query, emptyText = '暂无数据', scroll, ...tableProps }: PagedTableProps<T>) {
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const refreshing = query.isFetching && !query.isFetchingNextPage && query.isPlaceholderData;

  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div>
      <Table<T>
        {...tableProps}
        dataSource={rows}
        loading={query.isPending || refreshing}
        pagination={false}
        scroll={{ x: 'max-content', ...scroll }}
        locale={{ emptyText: query.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
      {rows.length > 0 && (
        <div className="paged-table-footer">
          {query.hasNextPage ? (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              加载更多
            </Button>
          ) : (
            <Typography.Text type="secondary">已加载全部 {formatNumber(rows.length)} 条</Typography.Text>
          )}
        </div>
      )}
      {query.isFetchNextPageError && (
        <div className="paged-table-footer">
          <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} />
        </div>
      )}
    </div>
  );
}
