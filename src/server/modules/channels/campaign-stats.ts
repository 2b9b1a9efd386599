import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectInterests } from '../customers/tables.ts';
import { deals } from '../sales/tables.ts';

export type CampaignTotals = { prospects: number; visits: number; deals: number; contractValue: number };

// Per campaign: prospects attributed, those who visited, those holding a subscription or contract
// that still stands, and the value of those contracts. Deals are read from the deals table, not
// from the prospect's milestones (which stay after 退订/退房), so the deal count and the contract
// value agree: a cancelled deal counts in neither.
export async function campaignTotals(db: Db, ids: string[]): Promise<Map<string, CampaignTotals>> {
  if (!ids.length) return new Map();
  const pi = projectInterests;
  const rows = await db
    .select({
      id: pi.campaignId,
      prospects: sql<number>`count(*)::int`,
      visits: sql<number>`count(${pi.firstVisitAt})::int`,
    })
    .from(pi)
    .where(inArray(pi.campaignId, ids))
    .groupBy(pi.campaignId);
  const live = await db
    .select({
      id: pi.campaignId,
      deals: sql<number>`count(DISTINCT ${pi.id}) FILTER (WHERE ${deals.stage} IN ('subscription', 'contract'))::int`,
      value: sql<number>`COALESCE(sum(${deals.price}) FILTER (WHERE ${deals.stage} = 'contract'), 0)::float8`,
    })
    .from(deals)
    .innerJoin(pi, eq(pi.id, deals.interestId))
    .where(and(inArray(pi.campaignId, ids), eq(deals.status, 'active')))
    .groupBy(pi.campaignId);
  const liveOf = new Map(live.map((v) => [v.id ?? '', v]));
  return new Map(
    rows.map((r) => {
      const l = liveOf.get(r.id ?? '');
      return [r.id ?? '', { prospects: r.prospects, visits: r.visits, deals: l?.deals ?? 0, contractValue: Number(l?.value ?? 0) }];
    }),
  );
}
