import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attributionBody, attributionSchema, Campaign, campaignCreate, campaignUpdate, referralStatSchema } from '../../../common/contracts/campaigns.ts';
import { api } from '../client.ts';
import { invalidateAll, useOptionsQuery, usePagedQuery } from '../paged.ts';
import { invalidateProspects } from './customers.ts';

// ── Query keys (campaigns and 老带新 only) ─────────────────────────────────────

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const REFERRALS_KEY = ['referrals'] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type { Campaign };
export type CampaignCreateBody = z.input<typeof campaignCreate>;
export type CampaignUpdateBody = z.input<typeof campaignUpdate>;
export type AttributionBody = z.input<typeof attributionBody>;
export type Attribution = z.infer<typeof attributionSchema>;
export type ReferralStat = z.infer<typeof referralStatSchema>;

// ── Campaigns (推广活动) ───────────────────────────────────────────────────────

/** A project's campaigns for a Select (the first 200, newest period first). */
export function useCampaigns(projectId: string | undefined, options: { enabled?: boolean } = {}) {
  return useOptionsQuery<Campaign>(CAMPAIGNS_KEY, '/campaigns', { projectId }, options);
}

/** Campaigns in the caller's scope (optionally of one project), page by page, with what each brought and cost. */
export function usePagedCampaigns(projectId: string | undefined) {
  return usePagedQuery<Campaign>(CAMPAIGNS_KEY, '/campaigns', { projectId });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreateBody) => api.post<Campaign>('/campaigns', body),
    onSuccess: () => client.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}

export function useUpdateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CampaignUpdateBody }) => api.patch<Campaign>(`/campaigns/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}

/** Deletes a campaign no prospect is attributed to (otherwise 409 CAMPAIGN_IN_USE). */
export function useDeleteCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.delete(`/campaigns/${id}`, { query: { version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}

// ── 老带新 (owner referrals) ──────────────────────────────────────────────────

/** Per referring owner, page by page: prospects referred, contracts that stand, live reward entitlements. */
export function useReferrals(projectId: string | undefined) {
  return usePagedQuery<ReferralStat>(REFERRALS_KEY, '/referrals', { projectId });
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
