import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../common/contracts/common.ts';
import type { QueryParams } from './client.ts';
import { api } from './client.ts';

export const DEFAULT_PAGE_SIZE = 20;
// Selects (companies, projects, users of a company) load one large page; the API caps it at 200.
export const OPTIONS_PAGE_SIZE = 200;

/** Keyset-paged list: pages are fetched one after another with the previous page's `nextCursor`. */
export function usePagedQuery<T>(
  key: QueryKey,
  path: string,
  params: QueryParams = {},
  options: { pageSize?: number; enabled?: boolean } = {},
) {
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: [...key, 'list', path, params, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { query: { ...params, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

/** The first (large) page of a list, for filling a Select. */
export function useOptionsQuery<T>(
  key: QueryKey,
  path: string,
  params: QueryParams = {},
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...key, 'options', path, params],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { query: { ...params, limit: OPTIONS_PAGE_SIZE }, signal }),
    select: (page) => page.items,
    enabled: options.enabled,
  });
}

export function invalidateAll(client: QueryClient, ...keys: QueryKey[]): Promise<void[]> {
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
