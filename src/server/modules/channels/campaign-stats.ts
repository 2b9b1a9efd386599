import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectInterests } from '../customers/tables.ts';
import { deals } from '../sales/tables.ts';

export type CampaignTotals = { prospects: number; visits: number; deals: number; contractValue: number };

// Per campaign: prospects attributed, those who visited, those who subscribed or signed, and the
// value of the contracts still standing.
export async function campaignTotals(db: Db, ids: string[]): Promise<Map<string, CampaignTotals>> {
  if (!ids.length) return new Map();
  const pi = projectInterests;
  const rows = await db
    .select({
      id: pi.campaignId,
      prospects: sql<number>`count(*)::int`,
      visits: sql<number>`count(${pi.firstVisitAt})::int`,
      deals: sql<number>`count(*) FILTER (WHERE ${pi.subscribedAt} IS NOT NULL OR ${pi.contractedAt} IS NOT NULL)::int`,
    })
    .from(pi)
    .where(inArray(pi.campaignId, ids))
    .groupBy(pi.campaignId);
  const values = await db
    .select({ id: pi.campaignId, value: sql<number>`sum(${deals.price})::float8` })
    .from(deals)
    .innerJoin(pi, eq(pi.id, deals.interestId))
    .where(and(inArray(pi.campaignId, ids), eq(deals.stage, 'contract'), eq(deals.status, 'active')))
    .groupBy(pi.campaignId);
  const valueOf = new Map(values.map((v) => [v.id ?? '', Number(v.value)]));
  return new Map(rows.map((r) => [r.id ?? '', { prospects: r.prospects, visits: r.visits, deals: r.deals, contractValue: valueOf.get(r.id ?? '') ?? 0 }]));
}
