import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, Empty, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Page } from '../../common/contracts/common.ts';
import { formatNumber } from '../lib/format.ts';
import { QueryError } from './query-error.tsx';

type PagedCardsProps<T> = {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  rowKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  emptyText?: ReactNode;
};

/** The phone form of a PagedTable: one card per row, stacked, with 「加载更多」. */
export function PagedCards<T>({ query, rowKey, renderItem, emptyText = '暂无数据' }: PagedCardsProps<T>) {
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <div className="center-fill">
        <Spin description="加载中…" />
      </div>
    );
  }
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  return (
    <Spin spinning={query.isFetching && !query.isFetchingNextPage && query.isPlaceholderData}>
      <div className="card-stack">
        {rows.map((item) => (
          <div className="stack-card" key={rowKey(item)}>
            {renderItem(item)}
          </div>
        ))}
      </div>
      <div className="paged-table-footer">
        {query.hasNextPage ? (
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            加载更多
          </Button>
        ) : (
          <Typography.Text type="secondary">已加载全部 {formatNumber(rows.length)} 条</Typography.Text>
        )}
      </div>
      {query.isFetchNextPageError && (
        <div className="paged-table-footer">
          <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} />
        </div>
      )}
    </Spin>
  );
}
