import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { deals } from '../sales/tables.ts';
import { referralRewards } from './campaign-tables.ts';

// 老带新 reward entitlements. At most one live (not void) entitlement of a kind per prospect
// (unique index referral_rewards_interest_kind_key): `referral` for naming the owner, `deal` for
// the prospect's contract. One that no longer holds is voided with a reason, never deleted, and
// every grant and void is audited.

type RewardKind = 'referral' | 'deal';
export const REWARD_KIND_LABELS: Record<RewardKind, string> = { referral: '推荐奖励', deal: '成交奖励' };
type Interest = { id: string; companyId: string; projectId: string };
const rr = referralRewards;

async function liveRewards(db: Db, interestId: string, kinds: RewardKind[]) {
  return db.select().from(rr).where(and(eq(rr.interestId, interestId), inArray(rr.kind, kinds), ne(rr.status, 'void'))).for('update');
}

// Grants a reward unless the prospect already holds a live one of that kind (the unique index
// decides under concurrency: ON CONFLICT DO NOTHING).
export async function grantReward(db: Db, actor: Actor | null, now: Date, interest: Interest, kind: RewardKind, referrerCustomerId: string, dealId: string | null) {
  const id = uuidv7();
  const inserted = await db
    .insert(rr)
    .values({ id, companyId: interest.companyId, projectId: interest.projectId, referrerCustomerId, interestId: interest.id, dealId, kind, createdAt: now })
    .onConflictDoNothing({ target: [rr.interestId, rr.kind], where: sql`status <> 'void'` })
    .returning({ id: rr.id });
  if (!inserted.length || !actor) return;
  await recordAudit(db, actor, now, {
    action: 'create', entityType: 'referral_reward', entityId: id, entityLabel: REWARD_KIND_LABELS[kind], companyId: interest.companyId,
    changes: { kind: { before: null, after: kind }, referrerCustomerId: { before: null, after: referrerCustomerId }, interestId: { before: null, after: interest.id }, dealId: { before: null, after: dealId } },
  });
}

async function voidRewards(db: Db, actor: Actor, now: Date, rows: (typeof rr.$inferSelect)[], reason: string) {
  for (const row of rows) {
    await db.update(rr).set({ status: 'void', voidedAt: now, voidReason: reason }).where(eq(rr.id, row.id));
    await recordAudit(db, actor, now, {
      action: 'update', entityType: 'referral_reward', entityId: row.id, entityLabel: `${REWARD_KIND_LABELS[row.kind as RewardKind]}作废：${reason}`, companyId: row.companyId,
      changes: { status: { before: row.status, after: 'void' }, voidReason: { before: '', after: reason } },
    });
  }
}

// The prospect's referrer changes (or is cleared): the previous referrer's entitlements are voided,
// and the new referrer earns the referral reward and, when the prospect already holds a contract
// that stands, the contract reward. A reward already paid out cannot be taken back, so the change
// is refused instead. Called inside the attribution's transaction with the prospect row locked.
export async function moveReferralRewards(db: Db, actor: Actor, now: Date, interest: Interest, referrerCustomerId: string | null) {
  const live = await liveRewards(db, interest.id, ['referral', 'deal']);
  const stale = live.filter((r) => r.referrerCustomerId !== referrerCustomerId);
  if (stale.some((r) => r.status === 'paid')) throw new AppError('REFERRAL_REWARD_PAID', '该客户的老带新奖励已发放，不能更改或清除推荐业主');
  await voidRewards(db, actor, now, stale, referrerCustomerId ? '推荐业主已变更' : '推荐业主已清除');
  if (!referrerCustomerId) return;
  await grantReward(db, actor, now, interest, 'referral', referrerCustomerId, null);
  const [contract] = await db.select({ id: deals.id }).from(deals).where(and(eq(deals.interestId, interest.id), eq(deals.status, 'active'), eq(deals.stage, 'contract'))).limit(1);
  if (contract) await grantReward(db, actor, now, interest, 'deal', referrerCustomerId, contract.id);
}

// A referred prospect's contract earns the referrer a second entitlement (once while it stands).
// The sales module's contract path calls this inside the deal's transaction (its audit entry
// records the contract).
export async function rewardReferralOnContract(db: Db, interest: Interest & { referrerCustomerId: string | null }, dealId: string, now: Date) {
  if (!interest.referrerCustomerId) return;
  await grantReward(db, null, now, interest, 'deal', interest.referrerCustomerId, dealId);
}

// 退房: the contract reward earned by this deal is voided, unless the prospect holds another
// contract that stands (then the reward moves to that deal). A reward already paid out stays as it
// is (the club settles it); it still keeps a second contract from earning another. Called by the
// sales module inside the cancellation's transaction, after the deal was marked cancelled.
export async function voidReferralRewardOnCancel(db: Db, actor: Actor, deal: { id: string; interestId: string }, reason: string, now: Date) {
  const [reward] = (await liveRewards(db, deal.interestId, ['deal'])).filter((r) => r.dealId === deal.id && r.status === 'entitled');
  if (!reward) return;
  const [other] = await db.select({ id: deals.id }).from(deals).where(and(eq(deals.interestId, deal.interestId), eq(deals.status, 'active'), eq(deals.stage, 'contract'), ne(deals.id, deal.id))).limit(1);
  if (other) {
    await db.update(rr).set({ dealId: other.id }).where(eq(rr.id, reward.id));
    await recordAudit(db, actor, now, { action: 'update', entityType: 'referral_reward', entityId: reward.id, entityLabel: `${REWARD_KIND_LABELS.deal}转至另一有效签约`, companyId: reward.companyId, changes: { dealId: { before: deal.id, after: other.id } } });
    return;
  }
  await voidRewards(db, actor, now, [reward], reason);
}
