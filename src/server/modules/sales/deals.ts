import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Deal, dealAdvance, dealCancel, dealCreate } from '../../../common/contracts/sales.ts';
import { DEAL_STAGE_LABELS, DEAL_STAGES, INTEREST_STAGE_FOR_DEAL, UNIT_STATUS_FOR_STAGE, cancellationLabel, type DealStage } from '../../../common/sales.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { rewardReferralOnContract, voidReferralRewardOnCancel } from '../channels/campaigns.ts';
import { onDealCancelled, onDealReached } from '../channels/for-sales.ts';
import { lockInterestForDeal, markFirstVisit, setInterestStageByDeal } from '../customers/for-sales.ts';
import { lockUnitForSale, setUnitSalesStatus } from '../org/units.ts';
import { getDeal } from './read.ts';
import { deals, unitOwners } from './tables.ts';

export type SalesCtx = { db: Db; now: Date; actor: Actor; principal: Principal };

const MILESTONE = { pledge: 'pledgedAt', subscription: 'subscribedAt', contract: 'contractedAt' } as const;
const TAKEN = () => new AppError('UNIT_TAKEN', '该房源已有有效的认筹/认购/签约，不能重复销售');
const AUDITED = ['stage', 'status', 'pledgeAmount', 'deposit', 'paymentMethod', 'contractDueDate', 'price', 'signedOn', 'cancelReason'] as const;
const pick = (d: Partial<typeof deals.$inferSelect>) => Object.fromEntries(AUDITED.map((k) => [k, d[k] ?? null]));

// The moment each stage was reached, for conversion and deal-cycle analytics.
function stampsFor(stage: DealStage, now: Date) {
  return stage === 'pledge' ? { pledgedAt: now } : stage === 'subscription' ? { subscribedAt: now } : { contractedAt: now };
}

async function becomeOwner(tx: Db, d: { id: string; companyId: string; projectId: string; unitId: string; customerId: string }, now: Date) {
  await tx.insert(unitOwners).values({ id: uuidv7(), companyId: d.companyId, projectId: d.projectId, unitId: d.unitId, customerId: d.customerId, dealId: d.id, since: now }).onConflictDoNothing();
}

// A new deal on an available unit. The unit row is locked first, so two simultaneous requests
// for one unit queue; the partial unique index on active deals is the last word either way.
export async function createDeal(ctx: SalesCtx, input: z.infer<typeof dealCreate>): Promise<Deal> {
  const id = uuidv7();
  try {
    await ctx.db.transaction(async (tx) => {
      const interest = await lockInterestForDeal(tx, ctx.principal, input.interestId);
      const unit = await lockUnitForSale(tx, input.unitId);
      if (unit.projectId !== interest.projectId) throw new AppError('VALIDATION_FAILED', '房源与客户意向不属于同一项目', [{ field: 'unitId', message: '房源与客户意向不属于同一项目' }]);
      if (unit.status !== 'available') {
        if (unit.status === 'delivered') throw new AppError('UNIT_NOT_AVAILABLE', '该房源已交付，不能销售');
        throw TAKEN();
      }
      const { interestId: _i, unitId: _u, stage, ...terms } = input;
      const row = {
        id, companyId: unit.companyId, projectId: unit.projectId, buildingId: unit.buildingId, unitId: unit.id, customerId: interest.customerId, interestId: interest.id,
        consultantId: interest.ownerId ?? ctx.principal.userId, stage, status: 'active', ...terms,
        ...(stage === 'contract' ? { contractedAt: ctx.now } : stage === 'subscription' ? { subscribedAt: ctx.now } : { pledgedAt: ctx.now }),
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      await tx.insert(deals).values(row);
      await setUnitSalesStatus(tx, unit.id, UNIT_STATUS_FOR_STAGE[stage], ctx.now);
      // A deal is made on site: it counts as a visit if none was recorded before.
      await markFirstVisit(tx, interest.id, ctx.now);
      await setInterestStageByDeal(tx, ctx.actor, ctx.now, interest, INTEREST_STAGE_FOR_DEAL[stage], `${DEAL_STAGE_LABELS[stage]} ${unit.number}`, MILESTONE[stage]);
      if (stage === 'contract') {
        await becomeOwner(tx, row, ctx.now);
        await rewardReferralOnContract(tx, interest, id, ctx.now);
      }
      if (stage !== 'pledge') await onDealReached(tx, { id, interestId: interest.id, projectId: unit.projectId, stage }, ctx.now);
      await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'deal', entityId: id, entityLabel: `${DEAL_STAGE_LABELS[stage]} ${unit.number} ${interest.customerName}`, companyId: unit.companyId, changes: diffChanges(null, pick(row)) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw TAKEN();
    throw err;
  }
  return getDeal(ctx.db, ctx.principal, id);
}

async function lockDeal(tx: Db, ctx: SalesCtx, id: string, version: number) {
  const [d] = await tx.select().from(deals).where(eq(deals.id, id)).for('update');
  if (!d) throw new AppError('NOT_FOUND', '成交记录不存在');
  await getDeal(tx, ctx.principal, id); // scope: 404 outside it
  if (d.version !== version) throw new AppError('VERSION_CONFLICT', '成交记录已被他人修改，请刷新后重试');
  if (d.status !== 'active') throw new AppError('INVALID_TRANSITION', '该成交已退订/退房');
  return d;
}

// Pledge → subscription → contract, never backwards.
export async function advanceDeal(ctx: SalesCtx, id: string, input: z.infer<typeof dealAdvance>): Promise<Deal> {
  await ctx.db.transaction(async (tx) => {
    const d = await lockDeal(tx, ctx, id, input.version);
    if (DEAL_STAGES.indexOf(input.stage) <= DEAL_STAGES.indexOf(d.stage as DealStage)) {
      throw new AppError('INVALID_TRANSITION', `「${DEAL_STAGE_LABELS[d.stage as DealStage]}」不能转为「${DEAL_STAGE_LABELS[input.stage]}」`);
    }
    const { version: _v, stage, ...terms } = input;
    const [after] = await tx.update(deals).set({ stage, ...terms, ...stampsFor(stage, ctx.now), updatedAt: ctx.now, version: d.version + 1 }).where(eq(deals.id, id)).returning();
    await setUnitSalesStatus(tx, d.unitId, UNIT_STATUS_FOR_STAGE[stage], ctx.now);
    const interest = await lockInterestForDeal(tx, ctx.principal, d.interestId);
    await setInterestStageByDeal(tx, ctx.actor, ctx.now, interest, INTEREST_STAGE_FOR_DEAL[stage], DEAL_STAGE_LABELS[stage], MILESTONE[stage]);
    if (stage === 'contract') {
      await becomeOwner(tx, d, ctx.now);
      await rewardReferralOnContract(tx, interest, id, ctx.now);
    }
    await onDealReached(tx, { id, interestId: d.interestId, projectId: d.projectId, stage }, ctx.now);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'deal', entityId: id, entityLabel: DEAL_STAGE_LABELS[stage], companyId: d.companyId, changes: diffChanges(pick(d), pick(after)) });
  });
  return getDeal(ctx.db, ctx.principal, id);
}

// 退订/退房: the deal ends with a reason, the unit is for sale again, the prospect goes back to
// intending, and a contract's ownership ends.
export async function cancelDeal(ctx: SalesCtx, id: string, input: z.infer<typeof dealCancel>): Promise<Deal> {
  await ctx.db.transaction(async (tx) => {
    const d = await lockDeal(tx, ctx, id, input.version);
    const label = cancellationLabel(d.stage as DealStage);
    const [after] = await tx.update(deals).set({ status: 'cancelled', cancelledAt: ctx.now, cancelReason: input.reason, updatedAt: ctx.now, version: d.version + 1 }).where(eq(deals.id, id)).returning();
    await setUnitSalesStatus(tx, d.unitId, 'available', ctx.now);
    await tx.update(unitOwners).set({ endedAt: ctx.now }).where(and(eq(unitOwners.dealId, id), isNull(unitOwners.endedAt)));
    const interest = await lockInterestForDeal(tx, ctx.principal, d.interestId);
    await setInterestStageByDeal(tx, ctx.actor, ctx.now, interest, 'intending', `${label}：${input.reason}`);
    await onDealCancelled(tx, ctx.actor, { id, interestId: d.interestId, projectId: d.projectId }, `${label}：${input.reason}`, ctx.now);
    await voidReferralRewardOnCancel(tx, ctx.actor, { id, interestId: d.interestId }, `${label}：${input.reason}`, ctx.now);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'deal', entityId: id, entityLabel: `${label}：${input.reason}`, companyId: d.companyId, changes: diffChanges(pick(d), pick(after)) });
  });
  return getDeal(ctx.db, ctx.principal, id);
}
