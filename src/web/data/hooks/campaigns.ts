import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attributionBody, attributionSchema, Campaign, campaignCreate, referralStatSchema } from '../../../common/contracts/campaigns.ts';
import { api } from '../client.ts';
import { invalidateAll } from '../paged.ts';
import { invalidateProspects } from './customers.ts';

// ── Query keys (campaigns and 老带新 only) ─────────────────────────────────────

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const REFERRALS_KEY = ['referrals'] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type { Campaign };
export type CampaignCreateBody = z.input<typeof campaignCreate>;
export type AttributionBody = z.input<typeof attributionBody>;
export type Attribution = z.infer<typeof attributionSchema>;
export type ReferralStat = z.infer<typeof referralStatSchema>;

// ── Campaigns (推广活动) ───────────────────────────────────────────────────────

/** Campaigns in the caller's scope (optionally of one project), with what each brought and cost. */
export function useCampaigns(projectId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, { projectId: projectId ?? null }],
    queryFn: ({ signal }) => api.get<{ items: Campaign[] }>('/campaigns', { query: { projectId }, signal }),
    select: (data) => data.items,
    enabled: options.enabled,
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreateBody) => api.post<Campaign>('/campaigns', body),
    onSuccess: () => client.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}

// ── 老带新 (owner referrals) ──────────────────────────────────────────────────

/** Per referring owner: prospects referred, those who signed, reward entitlements. */
export function useReferrals(projectId: string | undefined) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, { projectId: projectId ?? null }],
    queryFn: ({ signal }) => api.get<{ items: ReferralStat[] }>('/referrals', { query: { projectId }, signal }),
    select: (data) => data.items,
  });
}

// ── Attribution (来源归属) ─────────────────────────────────────────────────────

/**
 * Sets a prospect's campaign and/or referring owner (a field left out is kept, null clears it).
 * The prospect's version moves on, so the customer is refetched along with the campaign and
 * referral figures it counts in.
 */
export function useSetAttribution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ interestId, body }: { interestId: string; body: AttributionBody }) =>
      api.put<Attribution>(`/interests/${interestId}/attribution`, body),
    onSuccess: () => Promise.all([invalidateAll(client, CAMPAIGNS_KEY, REFERRALS_KEY), invalidateProspects(client)]),
  });
}
