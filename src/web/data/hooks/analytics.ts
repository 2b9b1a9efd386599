import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Funnel } from '../../../common/contracts/analytics.ts';
import { FUNNEL_GROUPS } from '../../../common/contracts/analytics.ts';
import { api } from '../client.ts';

// Query key root of the sales analytics (the funnel and its breakdowns).
export const FUNNEL_KEY = ['analytics-funnel'] as const;

export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];
export type FunnelCounts = Funnel['total'];
export type FunnelRow = Funnel['rows'][number];
export type FunnelSource = Funnel['sourceMix'][number];
export type FunnelRanking = Funnel['ranking'][number];

/** Prospects created from `from` to `to` (Shanghai calendar days, both included). */
export type FunnelQuery = { from: string; to: string; projectId?: string; channel?: string; consultantId?: string; groupBy: FunnelGroup };

export const FUNNEL_GROUP_LABELS: Record<FunnelGroup, string> = { none: '不分组', channel: '按渠道', consultant: '按置业顾问', project: '按项目' };

export function isFunnelGroup(value: string | undefined): value is FunnelGroup {
  return (FUNNEL_GROUPS as readonly string[]).includes(value ?? '');
}

/** A funnel with the grouping its rows are by (a kept previous answer may be by another). */
export type FunnelResult = Funnel & { groupBy: FunnelGroup };

/** The sales funnel (线索 → 来访 → 认筹 → 认购 → 签约) of a period, with the chosen breakdown. */
export function useFunnel(query: FunnelQuery) {
  return useQuery({
    queryKey: [...FUNNEL_KEY, query],
    queryFn: async ({ signal }): Promise<FunnelResult> => ({
      ...(await api.get<Funnel>('/analytics/funnel', { query, signal })),
      groupBy: query.groupBy,
    }),
    placeholderData: keepPreviousData,
  });
}
