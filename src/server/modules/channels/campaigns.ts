import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Campaign, attributionBody, campaignCreate, campaignListQuery, campaignUpdate } from '../../../common/contracts/campaigns.ts';
import type { Page } from '../../../common/contracts/common.ts';
import type { SourceChannel } from '../../../common/customers.ts';
import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { setInterestAttribution } from '../customers/for-sales.ts';
import { findCustomerByMobile } from '../customers/lookup.ts';
import { prospectScope } from '../customers/scope.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { requireProject } from '../org/projects.ts';
import { projects } from '../org/tables.ts';
import { unitOwners } from '../sales/tables.ts';
import { moveReferralRewards } from './campaign-rewards.ts';
import { campaignTotals } from './campaign-stats.ts';
import { campaigns } from './campaign-tables.ts';
import type { ChannelCtx } from './registrations.ts';

export { rewardReferralOnContract, voidReferralRewardOnCancel } from './campaign-rewards.ts';
export { referralStats } from './campaign-referrals.ts';

const shanghaiDayOf = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const notFound = () => new AppError('NOT_FOUND', '推广活动不存在或无权查看');
const AUDITED = ['name', 'channel', 'startsOn', 'endsOn', 'cost'] as const;
const pick = (c: Partial<typeof campaigns.$inferSelect>) => Object.fromEntries(AUDITED.map((k) => [k, c[k] ?? null]));

export async function createCampaign(ctx: ChannelCtx, input: z.infer<typeof campaignCreate>): Promise<Campaign> {
  const project = await requireProject(ctx.db, ctx.principal, input.projectId);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(campaigns).values({ id, companyId: project.companyId, ...input, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'campaign', entityId: id, entityLabel: input.name, companyId: project.companyId, changes: diffChanges(null, input) });
  });
  return getCampaign(ctx.db, ctx.principal, id);
}

// A campaign in the caller's scope, locked for a change; outside the scope it does not exist.
async function lockCampaign(tx: Db, p: Principal, id: string, version: number) {
  const [c] = await tx.select().from(campaigns).where(and(eq(campaigns.id, id), projectScopeCondition(p, campaigns))).for('update');
  if (!c) throw notFound();
  if (c.version !== version) throw new AppError('VERSION_CONFLICT', '推广活动已被他人修改，请刷新后重试');
  return c;
}

// The first visits (Shanghai days) of the prospects attributed to a campaign that fall outside a
// period, for an edit that moves the period.
async function visitsOutside(tx: Db, id: string, startsOn: string, endsOn: string) {
  const pi = projectInterests;
  const day = sql`(${pi.firstVisitAt} AT TIME ZONE 'Asia/Shanghai')::date`;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(pi)
    .where(and(eq(pi.campaignId, id), sql`${pi.firstVisitAt} IS NOT NULL`, sql`(${day} < ${startsOn}::date OR ${day} > ${endsOn}::date)`));
  return row?.n ?? 0;
}

// Name, channel, period and cost of a campaign (never its project). A period that would leave an
// attributed prospect's first visit outside it is refused.
export async function updateCampaign(ctx: ChannelCtx, id: string, input: z.infer<typeof campaignUpdate>): Promise<Campaign> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockCampaign(tx, ctx.principal, id, input.version);
    const { version: _v, ...fields } = input;
    const after = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (after.endsOn < after.startsOn) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
    if (after.startsOn !== before.startsOn || after.endsOn !== before.endsOn) {
      const outside = await visitsOutside(tx, id, after.startsOn, after.endsOn);
      if (outside) {
        const message = `已有 ${outside} 位归属该活动的客户首次来访不在新的活动期间内`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: after.startsOn !== before.startsOn ? 'startsOn' : 'endsOn', message }]);
      }
    }
    const changes = diffChanges(pick(before), pick(after));
    if (!Object.keys(changes).length) return;
    await tx.update(campaigns).set({ ...pick(after), updatedAt: ctx.now, version: before.version + 1 }).where(eq(campaigns.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'campaign', entityId: id, entityLabel: after.name, companyId: before.companyId, changes });
  });
  return getCampaign(ctx.db, ctx.principal, id);
}

// A campaign is deleted only while no prospect is attributed to it: its visits, deals and return
// would otherwise vanish from the figures. Move those prospects to another campaign (or clear
// their campaign) first. Attribution reads the campaign FOR SHARE, so the check cannot race it.
export async function deleteCampaign(ctx: ChannelCtx, id: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockCampaign(tx, ctx.principal, id, version);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(projectInterests).where(eq(projectInterests.campaignId, id));
    if (n) throw new AppError('CAMPAIGN_IN_USE', `已有 ${n} 位客户归属该活动（其来访与成交计入活动效果），不能删除；请先将这些客户改为其他活动或清除其活动`, undefined, { prospects: n });
    await tx.delete(campaigns).where(eq(campaigns.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'campaign', entityId: id, entityLabel: before.name, companyId: before.companyId, changes: diffChanges(pick(before), null) });
  });
}

async function getCampaign(db: Db, p: Principal, id: string): Promise<Campaign> {
  const [c] = (await campaignRows(db, p, { limit: 1 }, id)).items;
  if (!c) throw notFound();
  return c;
}

export function listCampaigns(db: Db, p: Principal, q: z.infer<typeof campaignListQuery>): Promise<Page<Campaign>> {
  return campaignRows(db, p, q);
}

// Campaigns in scope, newest period first (keyset on starts_on, id), with what they brought
// (prospects attributed, their visits and the deals that still stand) and what that cost: cost per
// visit, per deal, and contract value per yuan spent.
async function campaignRows(db: Db, p: Principal, q: { projectId?: string; limit: number; cursor?: string }, onlyId?: string): Promise<Page<Campaign>> {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && !DAY_KEY.test(after[0])) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const rows = await db
    .select({ c: campaigns, projectName: projects.name })
    .from(campaigns)
    .innerJoin(projects, eq(projects.id, campaigns.projectId))
    .where(
      and(
        projectScopeCondition(p, campaigns),
        q.projectId ? eq(campaigns.projectId, q.projectId) : undefined,
        onlyId ? eq(campaigns.id, onlyId) : undefined,
        after ? sql`(${campaigns.startsOn}, ${campaigns.id}) < (${after[0]}::date, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.c.startsOn, r.c.id]);
  const totals = await campaignTotals(db, page.items.map((r) => r.c.id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ c, projectName }) => {
      const t = totals.get(c.id) ?? { prospects: 0, visits: 0, deals: 0, contractValue: 0 };
      return {
        id: c.id, projectId: c.projectId, projectName, name: c.name, channel: c.channel as SourceChannel, startsOn: c.startsOn, endsOn: c.endsOn, cost: c.cost, ...t,
        costPerVisit: t.visits ? Math.round((c.cost / t.visits) * 100) / 100 : null,
        costPerDeal: t.deals ? Math.round((c.cost / t.deals) * 100) / 100 : null,
        returnRatio: c.cost > 0 ? Math.round((t.contractValue / c.cost) * 100) / 100 : null,
        version: c.version,
        createdAt: c.createdAt.toISOString(),
      };
    }),
  };
}

// Who brought a prospect: a campaign of the same project whose period holds the prospect's first
// visit (or, not visited yet, today: the day of the attribution), and/or the owner who referred
// them (老带新: a current owner of a unit, found by mobile). The referrer's entitlements follow the
// referrer: a change voids the previous one's and grants the new one's (campaign-rewards.ts).
export async function setAttribution(ctx: ChannelCtx, interestId: string, body: z.infer<typeof attributionBody>) {
  return ctx.db.transaction(async (tx) => {
    const [interest] = await tx.select().from(projectInterests).where(and(eq(projectInterests.id, interestId), prospectScope(ctx.principal))).for('update');
    if (!interest) throw new AppError('NOT_FOUND', '客户意向不存在');
    const set: { campaignId?: string | null; referrerCustomerId?: string | null } = {};
    if (body.campaignId !== undefined) {
      if (body.campaignId && body.campaignId !== interest.campaignId) {
        const [c] = await tx.select().from(campaigns).where(and(eq(campaigns.id, body.campaignId), eq(campaigns.projectId, interest.projectId))).for('share');
        if (!c) throw new AppError('VALIDATION_FAILED', '活动不属于该项目', [{ field: 'campaignId', message: '活动不属于该项目' }]);
        const day = shanghaiDayOf(interest.firstVisitAt ?? ctx.now);
        if (day < c.startsOn || day > c.endsOn) {
          const what = interest.firstVisitAt ? `客户首次来访日期（${day}）` : `归属登记日期（${day}）`;
          const message = `${what}不在活动「${c.name}」期间（${c.startsOn} 至 ${c.endsOn}）内`;
          throw new AppError('VALIDATION_FAILED', message, [{ field: 'campaignId', message }]);
        }
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
    if (set.referrerCustomerId !== undefined) await moveReferralRewards(tx, ctx.actor, ctx.now, interest, set.referrerCustomerId);
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'project_interest', entityId: interestId, entityLabel: '来源归属', companyId: interest.companyId,
      changes: diffChanges({ campaignId: interest.campaignId, referrerCustomerId: interest.referrerCustomerId }, { campaignId: set.campaignId === undefined ? interest.campaignId : set.campaignId, referrerCustomerId: set.referrerCustomerId === undefined ? interest.referrerCustomerId : set.referrerCustomerId }),
    });
    const campaignId = set.campaignId === undefined ? interest.campaignId : set.campaignId;
    const referrerId = set.referrerCustomerId === undefined ? interest.referrerCustomerId : set.referrerCustomerId;
    const [name] = referrerId ? await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, referrerId)) : [];
    return { interestId, campaignId, referrer: referrerId ? { id: referrerId, name: name?.name ?? '' } : null };
  });
}
