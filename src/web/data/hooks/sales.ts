import type { QueryClient } from '@tanstack/react-query';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../common/contracts/common.ts';
import type { Prospect } from '../../../common/contracts/customers.ts';
import type { Deal, dealAdvance, dealCancel, dealCreate, OwnedUnit, SalesBoard } from '../../../common/contracts/sales.ts';
import { api } from '../client.ts';
import { PROSPECTS_KEY } from '../keys.ts';
import { invalidateAll, usePagedQuery } from '../paged.ts';
import { invalidateProspects } from './customers.ts';

// ── Query keys (sales only; a resource's lists and details share a root) ──────

export const SALES_BOARD_KEY = ['sales-board'] as const;
export const DEALS_KEY = ['deals'] as const;
export const DEAL_KEY = ['deal'] as const;
export const OWNED_UNITS_KEY = ['owned-units'] as const;

const boardKey = (projectId: string, filters: BoardFilters) => [...SALES_BOARD_KEY, projectId, filters] as const;
const dealKey = (id: string) => [...DEAL_KEY, id] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type DealCreateBody = z.input<typeof dealCreate>;
export type DealAdvanceBody = z.input<typeof dealAdvance>;
export type DealCancelBody = z.input<typeof dealCancel>;
export type BoardUnit = SalesBoard['buildings'][number]['floors'][number]['units'][number];
export type BoardBuilding = SalesBoard['buildings'][number];

/** The board's filter, as the API takes it (prices in 元). */
export type BoardFilters = { layout?: string; priceMin?: number; priceMax?: number };

// The deal list's filters, named as the API's query parameters (and the page's address).
export const DEAL_FILTER_KEYS = ['q', 'projectId', 'consultantId', 'stage', 'status'] as const;
export type DealFilterKey = (typeof DEAL_FILTER_KEYS)[number];
export type DealFilters = Partial<Record<DealFilterKey | 'unitId' | 'customerId', string>>;

/**
 * After any deal write: the boards, the deal lists and details, and the prospects (a deal moves
 * its customer's project interest to 认购/签约 or back to 意向).
 */
export function invalidateSales(client: QueryClient) {
  return Promise.all([invalidateAll(client, SALES_BOARD_KEY, DEALS_KEY, DEAL_KEY, OWNED_UNITS_KEY), invalidateProspects(client)]);
}

/** Just the boards (someone else took a unit): refetch what is on screen. */
export function invalidateBoards(client: QueryClient) {
  return invalidateAll(client, SALES_BOARD_KEY, DEALS_KEY, DEAL_KEY);
}

// ── Board (销控) ──────────────────────────────────────────────────────────────

export function useSalesBoard(projectId: string | undefined, filters: BoardFilters) {
  return useQuery({
    queryKey: boardKey(projectId ?? '', filters),
    queryFn: ({ signal }) =>
      api.get<SalesBoard>(`/projects/${projectId}/sales-board`, {
        query: { layout: filters.layout, priceMin: filters.priceMin, priceMax: filters.priceMax },
        signal,
      }),
    enabled: Boolean(projectId),
    // Changing the filter keeps the grid in place while the new marks load.
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === projectId ? keepPreviousData(previous) : undefined,
  });
}

// ── Deals (成交) ──────────────────────────────────────────────────────────────

export function useDeals(filters: DealFilters) {
  return usePagedQuery<Deal>(DEALS_KEY, '/deals', filters);
}

export function useDeal(id: string | null | undefined) {
  return useQuery({
    queryKey: dealKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Deal>(`/deals/${id}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** 名下房产: the units a customer owns now (业主), as far as the caller's scope shows them. */
export function useOwnedUnits(customerId: string) {
  return useQuery({
    queryKey: [...OWNED_UNITS_KEY, customerId],
    queryFn: ({ signal }) => api.get<{ items: OwnedUnit[] }>(`/customers/${customerId}/units`, { signal }),
    select: (data) => data.items,
    enabled: Boolean(customerId),
    retry: false,
  });
}

/** A short search over one project's prospects (each a project interest), for picking a buyer. */
export function useProspectSearch(projectId: string | undefined, q: string) {
  return useQuery({
    queryKey: [...PROSPECTS_KEY, 'deal-search', projectId, q],
    queryFn: ({ signal }) =>
      api.get<Page<Prospect>>('/customers', { query: { projectId, q: q || undefined, limit: 20 }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
    enabled: Boolean(projectId),
  });
}

function useDealWrite<I>(send: (input: I) => Promise<Deal>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (deal) => {
      client.setQueryData(dealKey(deal.id), deal);
      return invalidateSales(client);
    },
  });
}

export function useCreateDeal() {
  return useDealWrite((body: DealCreateBody) => api.post<Deal>('/deals', body));
}

export function useAdvanceDeal() {
  return useDealWrite(({ id, body }: { id: string; body: DealAdvanceBody }) => api.post<Deal>(`/deals/${id}/advance`, body));
}

export function useCancelDeal() {
  return useDealWrite(({ id, body }: { id: string; body: DealCancelBody }) => api.post<Deal>(`/deals/${id}/cancel`, body));
}
