import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { referralListQuery, referralStatSchema } from '../../../common/contracts/campaigns.ts';
import type { Page } from '../../../common/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { referralRewards } from './campaign-tables.ts';

type ReferralStat = z.infer<typeof referralStatSchema>;

// 老带新 per referring owner, over the referred prospects in the caller's scope (and project):
// prospects referred, those holding a contract that still stands (退房 not counted), and the
// owner's live reward entitlements over the same scope (voided ones not counted). Keyset-paged by
// (deals, referrals, referrer) descending, over the aggregates.
export async function referralStats(db: Db, p: Principal, q: z.infer<typeof referralListQuery>): Promise<Page<ReferralStat>> {
  const pi = projectInterests;
  const rr = referralRewards;
  const after = decodeKeyset(q.cursor, ['int', 'int', 'uuid'] as const);
  const liveContracts = sql`(SELECT DISTINCT interest_id FROM deals WHERE status = 'active' AND stage = 'contract')`;
  const dealCount = sql<number>`count(lc.interest_id)::int`;
  const referralCount = sql<number>`count(*)::int`;
  const rewards = db
    .select({ referrer: rr.referrerCustomerId, n: sql<number>`count(*)::int`.as('n') })
    .from(rr)
    .where(and(ne(rr.status, 'void'), projectScopeCondition(p, rr), q.projectId ? eq(rr.projectId, q.projectId) : undefined))
    .groupBy(rr.referrerCustomerId)
    .as('rw');
  const rows = await db
    .select({ id: pi.referrerCustomerId, name: customers.name, referrals: referralCount, deals: dealCount, rewards: sql<number>`COALESCE(max(${rewards.n}), 0)::int` })
    .from(pi)
    .innerJoin(customers, eq(customers.id, pi.referrerCustomerId))
    .leftJoin(sql`${liveContracts} lc`, sql`lc.interest_id = ${pi.id}`)
    .leftJoin(rewards, eq(rewards.referrer, pi.referrerCustomerId))
    .where(and(sql`${pi.referrerCustomerId} IS NOT NULL`, projectScopeCondition(p, pi), q.projectId ? eq(pi.projectId, q.projectId) : undefined))
    .groupBy(pi.referrerCustomerId, customers.name)
    .having(after ? sql`(${dealCount}, ${referralCount}, ${pi.referrerCustomerId}) < (${after[0]}::int, ${after[1]}::int, ${after[2]}::uuid)` : undefined)
    .orderBy(desc(dealCount), desc(referralCount), desc(pi.referrerCustomerId))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.deals, r.referrals, r.id ?? '']);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => ({ referrer: { id: r.id ?? '', name: r.name }, referrals: r.referrals, deals: r.deals, rewards: r.rewards })) };
}
