import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Appeal,
  appealCreate,
  appealDecision,
  brokerProjectSchema,
  channelSettingsBody,
  channelSettingsSchema,
  Registration,
  registrationCreate,
  visitConfirmBody,
} from '../../../common/contracts/channels.ts';
import { refusalSchema } from '../../../common/contracts/channels.ts';
import { api, isApiError } from '../client.ts';
import { invalidateAll, usePagedQuery } from '../paged.ts';
import { invalidateProspects } from './customers.ts';

// ── Query keys (channels only; a resource's lists and details share a root) ──

export const BROKER_PROJECTS_KEY = ['broker-projects'] as const;
export const BROKER_REGISTRATIONS_KEY = ['broker-registrations'] as const;
export const BROKER_APPEALS_KEY = ['broker-appeals'] as const;
export const REGISTRATIONS_KEY = ['registrations'] as const;
export const REGISTRATION_APPEALS_KEY = ['registration-appeals'] as const;
export const CHANNEL_SETTINGS_KEY = ['channel-settings'] as const;

const settingsKey = (projectId: string) => [...CHANNEL_SETTINGS_KEY, projectId] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type BrokerProject = z.infer<typeof brokerProjectSchema>;
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
export type ChannelSettingsBody = z.input<typeof channelSettingsBody>;
export type RegistrationCreateBody = z.input<typeof registrationCreate>;
export type VisitConfirmBody = z.input<typeof visitConfirmBody>;
export type AppealCreateBody = z.input<typeof appealCreate>;
export type AppealDecisionBody = z.input<typeof appealDecision>;
export type Refusal = z.infer<typeof refusalSchema>;

// The registration lists' filters, named as the API's query parameters (and the pages' address).
export const REGISTRATION_FILTER_KEYS = ['projectId', 'status'] as const;
export type RegistrationFilterKey = (typeof REGISTRATION_FILTER_KEYS)[number];
export type RegistrationFilters = Partial<Record<RegistrationFilterKey, string>>;
export type AppealFilters = { status?: string };

/** On 409 REGISTRATION_REFUSED: why (判客) and the refused registration kept for an appeal, else null. */
export function refusalOf(error: unknown): Refusal | null {
  if (!isApiError(error, 'REGISTRATION_REFUSED')) return null;
  const parsed = refusalSchema.safeParse(error.extensions);
  return parsed.success ? parsed.data : null;
}

/**
 * After any registration write: every registration list and the appeals (the office's and the
 * broker's, which embed them); a
 * visit also creates or links a customer, so the prospect lists may change too.
 */
export function invalidateChannels(client: QueryClient) {
  return Promise.all([
    invalidateAll(client, BROKER_REGISTRATIONS_KEY, BROKER_APPEALS_KEY, REGISTRATIONS_KEY, REGISTRATION_APPEALS_KEY),
    invalidateProspects(client),
  ]);
}

// ── Broker (经纪人) ────────────────────────────────────────────────────────────

/** Projects the broker may register customers for, with each project's rules. */
export function useBrokerProjects() {
  return useQuery({
    queryKey: BROKER_PROJECTS_KEY,
    queryFn: ({ signal }) => api.get<{ items: BrokerProject[] }>('/broker/projects', { signal }),
    select: (data) => data.items,
  });
}

/** The broker's own registrations (mobiles masked). */
export function useBrokerRegistrations(filters: RegistrationFilters) {
  return usePagedQuery<Registration>(BROKER_REGISTRATIONS_KEY, '/broker/registrations', filters);
}

/** The broker's own appeals with their outcome (status, decision time and note). */
export function useBrokerAppeals(filters: AppealFilters) {
  return usePagedQuery<Appeal>(BROKER_APPEALS_KEY, '/broker/appeals', filters);
}

export function useCreateRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationCreateBody) => api.post<Registration>('/registrations', body),
    onSuccess: () => invalidateChannels(client),
    // A refused registration is kept (判客无效) and may be appealed: it shows in the list at once.
    onError: (error) => {
      if (refusalOf(error)) void invalidateChannels(client);
    },
  });
}

export function useCreateAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ registrationId, body }: { registrationId: string; body: AppealCreateBody }) =>
      api.post<Appeal>(`/registrations/${registrationId}/appeals`, body),
    onSuccess: () => invalidateChannels(client),
    // 409: already appealed, or no longer appealable: the list on screen is stale.
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void invalidateChannels(client);
    },
  });
}

// ── Sales office (案场) ─────────────────────────────────────────────────────────

/** Registrations of the caller's projects. */
export function useRegistrations(filters: RegistrationFilters) {
  return usePagedQuery<Registration>(REGISTRATIONS_KEY, '/registrations', filters);
}

export function useConfirmVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VisitConfirmBody }) => api.post<Registration>(`/registrations/${id}/visit`, body),
    onSuccess: () => invalidateChannels(client),
  });
}

// ── Appeals (申诉) ─────────────────────────────────────────────────────────────

export function useRegistrationAppeals(filters: AppealFilters) {
  return usePagedQuery<Appeal>(REGISTRATION_APPEALS_KEY, '/registration-appeals', filters);
}

export function useDecideAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AppealDecisionBody }) =>
      api.post<Appeal>(`/registration-appeals/${id}/decide`, body),
    onSuccess: () => invalidateChannels(client),
  });
}

// ── Rules (渠道规则) ───────────────────────────────────────────────────────────

export function useChannelSettings(projectId: string | undefined) {
  return useQuery({
    queryKey: settingsKey(projectId ?? ''),
    queryFn: ({ signal }) => api.get<ChannelSettings>(`/projects/${projectId}/channel-settings`, { signal }),
    enabled: Boolean(projectId),
  });
}

export function useSaveChannelSettings(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelSettingsBody) => api.put<ChannelSettings>(`/projects/${projectId}/channel-settings`, body),
    onSuccess: (settings) => {
      client.setQueryData(settingsKey(projectId), settings);
      // Brokers see the project's rules next to the registration form.
      return invalidateAll(client, CHANNEL_SETTINGS_KEY, BROKER_PROJECTS_KEY);
    },
  });
}
