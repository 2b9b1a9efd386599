import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Agency, AgencyDetail, agencyCreate, agencyUpdate, brokerAgencySchema, brokerCandidateSchema } from '../../../common/contracts/agencies.ts';
import { api, isApiError } from '../client.ts';
import { invalidateAll, usePagedQuery } from '../paged.ts';

// ── Query keys (渠道机构; lists and details share the root) ─────────────────────

export const AGENCIES_KEY = ['channel-agencies'] as const;
export const BROKER_AGENCY_KEY = ['broker-agency'] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type { Agency, AgencyDetail };
export type AgencyCreateBody = z.input<typeof agencyCreate>;
export type AgencyUpdateBody = z.input<typeof agencyUpdate>;
export type BrokerCandidate = z.infer<typeof brokerCandidateSchema>;
export type BrokerAgency = z.infer<typeof brokerAgencySchema>['agency'];
/** The list's filters and counting period, named as the API's query parameters (and the page's address). */
export type AgencyFilters = { q?: string; status?: string; from: string; to: string };

// ── Office (渠道管理) ───────────────────────────────────────────────────────────

/** Agencies in the caller's scope, each with its counts for the period. */
export function useAgencies(filters: AgencyFilters) {
  return usePagedQuery<Agency>(AGENCIES_KEY, '/channel-agencies', filters);
}

/** One agency with its brokers, counted for the same period as the list. */
export function useAgency(id: string | undefined, period: { from: string; to: string }) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, 'detail', id, period],
    queryFn: ({ signal }) => api.get<AgencyDetail>(`/channel-agencies/${id}`, { query: period, signal }),
    enabled: Boolean(id),
  });
}

/** The company's broker users, with the agency each already belongs to. */
export function useBrokerCandidates(agencyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, 'candidates', agencyId],
    queryFn: ({ signal }) => api.get<{ items: BrokerCandidate[] }>(`/channel-agencies/${agencyId}/broker-candidates`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

/**
 * Any agency write: the lists, details and candidates (all under the root); the broker's own
 * agency may change too. A 409 (stale version, name taken) means the screen is stale as well.
 */
function useAgencyMutation<V>(send: (vars: V) => Promise<AgencyDetail>) {
  const client = useQueryClient();
  const refresh = () => invalidateAll(client, AGENCIES_KEY, BROKER_AGENCY_KEY);
  return useMutation({
    mutationFn: send,
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void refresh();
    },
  });
}

export const useSaveAgency = () =>
  useAgencyMutation(({ id, body }: { id?: string; body: AgencyCreateBody | AgencyUpdateBody }) =>
    id ? api.patch<AgencyDetail>(`/channel-agencies/${id}`, body) : api.post<AgencyDetail>('/channel-agencies', body),
  );

/** 暂停合作 / 恢复合作. */
export const useSetAgencyStatus = () =>
  useAgencyMutation(({ id, version, action }: { id: string; version: number; action: 'suspend' | 'resume' }) =>
    api.post<AgencyDetail>(`/channel-agencies/${id}/${action}`, { version }),
  );

export const useAddAgencyBroker = () =>
  useAgencyMutation(({ id, brokerId }: { id: string; brokerId: string }) => api.post<AgencyDetail>(`/channel-agencies/${id}/brokers`, { brokerId }));

export const useRemoveAgencyBroker = () =>
  useAgencyMutation(({ id, brokerId }: { id: string; brokerId: string }) => api.delete<AgencyDetail>(`/channel-agencies/${id}/brokers/${brokerId}`));

// ── Broker (经纪人) ────────────────────────────────────────────────────────────

/** The broker's own agency (name and status only), or null for an independent broker. */
export function useBrokerAgency() {
  return useQuery({
    queryKey: BROKER_AGENCY_KEY,
    queryFn: ({ signal }) => api.get<{ agency: BrokerAgency }>('/broker/agency', { signal }),
    select: (data) => data.agency,
  });
}
