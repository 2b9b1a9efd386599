import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Campaign, attributionBody, campaignCreate } from '../../../common/contracts/campaigns.ts';
import type { SourceChannel } from '../../../common/customers.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { setInterestAttribution } from '../customers/for-sales.ts';
import { findCustomerByMobile } from '../customers/lookup.ts';
import { prospectScope } from '../customers/scope.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { requireProject } from '../org/projects.ts';
import { projects } from '../org/tables.ts';
import { unitOwners } from '../sales/tables.ts';
import { campaignTotals } from './campaign-stats.ts';
import { referralRewards, campaigns } from './campaign-tables.ts';
import type { ChannelCtx } from './registrations.ts';

export async function createCampaign(ctx: ChannelCtx, input: z.infer<typeof campaignCreate>): Promise<Campaign> {
  const project = await requireProject(ctx.db, ctx.principal, input.projectId);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(campaigns).values({ id, companyId: project.companyId, ...input, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'campaign', entityId: id, entityLabel: input.name, companyId: project.companyId, changes: diffChanges(null, input) });
  });
  const [c] = await listCampaigns(ctx.db, ctx.principal, { projectId: input.projectId }, id);
  return c;
}

// Campaigns in scope with what they brought (prospects attributed, their visits and deals) and
// what that cost: cost per visit, per deal, and contract value per yuan spent.
export async function listCampaigns(db: Db, p: Principal, q: { projectId?: string }, onlyId?: string): Promise<Campaign[]> {
  const rows = await db
    .select({ c: campaigns, projectName: projects.name })
    .from(campaigns)
    .innerJoin(projects, eq(projects.id, campaigns.projectId))
    .where(and(projectScopeCondition(p, campaigns), q.projectId ? eq(campaigns.projectId, q.projectId) : undefined, onlyId ? eq(campaigns.id, onlyId) : undefined))
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
    .limit(500);
  const totals = await campaignTotals(db, rows.map((r) => r.c.id));
  return rows.map(({ c, projectName }) => {
    const t = totals.get(c.id) ?? { prospects: 0, visits: 0, deals: 0, contractValue: 0 };
    return {
      id: c.id, projectId: c.projectId, projectName, name: c.name, channel: c.channel as SourceChannel, startsOn: c.startsOn, endsOn: c.endsOn, cost: c.cost, ...t,
      costPerVisit: t.visits ? Math.round((c.cost / t.visits) * 100) / 100 : null,
      costPerDeal: t.deals ? Math.round((c.cost / t.deals) * 100) / 100 : null,
      returnRatio: c.cost > 0 ? Math.round((t.contractValue / c.cost) * 100) / 100 : null,
      createdAt: c.createdAt.toISOString(),
    };
  });
}

// Who brought a prospect: a campaign of the same project, and/or the owner who referred them
// (老带新: a current owner of a unit, found by mobile). A referral earns the owner a reward
// entitlement at once, and another when the prospect signs.
export async function setAttribution(ctx: ChannelCtx, interestId: string, body: z.infer<typeof attributionBody>) {
  return ctx.db.transaction(async (tx) => {
    const [interest] = await tx.select().from(projectInterests).where(and(eq(projectInterests.id, interestId), prospectScope(ctx.principal))).for('update');
    if (!interest) throw new AppError('NOT_FOUND', '客户意向不存在');
    const set: { campaignId?: string | null; referrerCustomerId?: string | null } = {};
    if (body.campaignId !== undefined) {
      if (body.campaignId) {
        const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, body.campaignId), eq(campaigns.projectId, interest.projectId)));
        if (!c) throw new AppError('VALIDATION_FAILED', '活动不属于该项目', [{ field: 'campaignId', message: '活动不属于该项目' }]);
      }
      set.campaignId = body.campaignId;
    }
    let referrer: { id: string; name: string } | null = null;
    if (body.referrerMobile !== undefined) {
      if (body.referrerMobile) {
        const found = await findCustomerByMobile(tx, body.referrerMobile);
        const owns = found ? await tx.select({ id: unitOwners.id }).from(unitOwners).where(and(eq(unitOwners.customerId, found.id), isNull(unitOwners.endedAt))).limit(1) : [];
        if (!found || !owns.length) throw new AppError('VALIDATION_FAILED', '未找到该手机号的业主', [{ field: 'referrerMobile', message: '未找到该手机号的业主（须为已签约业主）' }]);
        if (found.id === interest.customerId) throw new AppError('VALIDATION_FAILED', '客户不能推荐自己', [{ field: 'referrerMobile', message: '客户不能推荐自己' }]);
        referrer = found;
      }
      set.referrerCustomerId = referrer?.id ?? null;
    }
    await setInterestAttribution(tx, interestId, set, ctx.now);
    if (referrer && referrer.id !== interest.referrerCustomerId) {
      await tx.insert(referralRewards).values({ id: uuidv7(), companyId: interest.companyId, projectId: interest.projectId, referrerCustomerId: referrer.id, interestId, kind: 'referral', createdAt: ctx.now });
    }
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'project_interest', entityId: interestId, entityLabel: '来源归属', companyId: interest.companyId,
      changes: diffChanges({ campaignId: interest.campaignId, referrerCustomerId: interest.referrerCustomerId }, { campaignId: set.campaignId ?? interest.campaignId, referrerCustomerId: set.referrerCustomerId === undefined ? interest.referrerCustomerId : set.referrerCustomerId }),
    });
    const campaignId = set.campaignId === undefined ? interest.campaignId : set.campaignId;
    const referrerId = set.referrerCustomerId === undefined ? interest.referrerCustomerId : set.referrerCustomerId;
    const [name] = referrerId ? await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, referrerId)) : [];
    return { interestId, campaignId, referrer: referrerId ? { id: referrerId, name: name?.name ?? '' } : null };
  });
}

// 老带新 per referring owner: prospects referred, those who signed, rewards owed.
export async function referralStats(db: Db, p: Principal, q: { projectId?: string }) {
  const pi = projectInterests;
  const rows = await db
    .select({
      id: pi.referrerCustomerId,
      name: customers.name,
      referrals: sql<number>`count(*)::int`,
      deals: sql<number>`count(${pi.contractedAt})::int`,
      rewards: sql<number>`(SELECT count(*)::int FROM referral_rewards rr WHERE rr.referrer_customer_id = ${pi.referrerCustomerId}${q.projectId ? sql` AND rr.project_id = ${q.projectId}` : sql``})`,
    })
    .from(pi)
    .innerJoin(customers, eq(customers.id, pi.referrerCustomerId))
    .where(and(sql`${pi.referrerCustomerId} IS NOT NULL`, projectScopeCondition(p, pi), q.projectId ? eq(pi.projectId, q.projectId) : undefined))
    .groupBy(pi.referrerCustomerId, customers.name)
    .orderBy(desc(sql`count(${pi.contractedAt})`), desc(sql`count(*)`))
    .limit(200);
  return { items: rows.map((r) => ({ referrer: { id: r.id ?? '', name: r.name }, referrals: r.referrals, deals: r.deals, rewards: r.rewards })) };
}

// A referred prospect's contract earns the referrer a second entitlement (once).
export async function rewardReferralOnContract(db: Db, interest: { id: string; companyId: string; projectId: string; referrerCustomerId: string | null }, dealId: string, now: Date) {
  if (!interest.referrerCustomerId) return;
  const [already] = await db.select({ id: referralRewards.id }).from(referralRewards).where(and(eq(referralRewards.interestId, interest.id), eq(referralRewards.kind, 'deal')));
  if (already) return;
  await db.insert(referralRewards).values({ id: uuidv7(), companyId: interest.companyId, projectId: interest.projectId, referrerCustomerId: interest.referrerCustomerId, interestId: interest.id, dealId, kind: 'deal', createdAt: now });
}
