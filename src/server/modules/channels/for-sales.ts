import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DealStage } from '../../../common/sales.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { deals } from '../sales/tables.ts';
import { afterCancellation, dealReached } from './rules.ts';
import { channelSettingsFor } from './settings.ts';
import { brokerRegistrations } from './tables.ts';

const r = brokerRegistrations;

// The channels module's door for the sales module: a deal reached on a prospect a broker brought.
// The registration becomes dealt if the first deal came inside the protection window, and earns
// commission when the project's rule makes this stage payable (rules.ts dealReached).
export async function onDealReached(db: Db, deal: { id: string; interestId: string; projectId: string; stage: DealStage }, at: Date) {
  const [reg] = await db.select().from(r).where(and(eq(r.interestId, deal.interestId), inArray(r.status, ['visited', 'dealt']))).for('update');
  if (!reg) return;
  const settings = await channelSettingsFor(db, deal.projectId);
  const reached = dealReached(settings.commissionRule, { status: reg.status as 'visited', dealDueAt: reg.dealDueAt, dealtAt: reg.dealtAt, commissionEligible: reg.commissionEligible }, { stage: deal.stage, at });
  if (!reached) return;
  await db.update(r).set({ status: 'dealt', dealId: reg.dealId ?? deal.id, dealtAt: reached.dealtAt, commissionEligible: reached.commissionEligible, updatedAt: at, version: reg.version + 1 }).where(eq(r.id, reg.id));
}

// 退订/退房: the registration dealt on this deal loses it (rules.ts afterCancellation): it moves to
// another active deal of the prospect if there is one, else back to visited while its deal window
// is open, or expired after it; commission eligibility is taken back. Called inside the
// cancellation's transaction, after the deal was marked cancelled; audited as a registration change.
export async function onDealCancelled(db: Db, actor: Actor, deal: { id: string; interestId: string; projectId: string }, reason: string, now: Date) {
  const [reg] = await db.select().from(r).where(and(eq(r.dealId, deal.id), eq(r.status, 'dealt'))).for('update');
  if (!reg) return;
  const [remaining] = await db
    .select({ id: deals.id, stage: deals.stage })
    .from(deals)
    .where(and(eq(deals.interestId, deal.interestId), eq(deals.status, 'active'), ne(deals.id, deal.id), inArray(deals.stage, ['subscription', 'contract'])))
    .orderBy(asc(deals.createdAt))
    .limit(1);
  const settings = await channelSettingsFor(db, deal.projectId);
  const next = afterCancellation(settings.commissionRule, reg, remaining ? { id: remaining.id, stage: remaining.stage as 'contract' } : null, now);
  const ended = next.status === 'expired';
  await db
    .update(r)
    .set({ ...next, endedAt: ended ? now : null, updatedAt: now, version: reg.version + 1 })
    .where(eq(r.id, reg.id));
  const before = { status: reg.status, dealId: reg.dealId, dealtAt: reg.dealtAt?.toISOString() ?? null, commissionEligible: reg.commissionEligible, endReason: reg.endReason };
  const after = { status: next.status, dealId: next.dealId, dealtAt: next.dealtAt?.toISOString() ?? null, commissionEligible: next.commissionEligible, endReason: next.endReason };
  await recordAudit(db, actor, now, {
    action: 'update', entityType: 'broker_registration', entityId: reg.id, entityLabel: `${reg.customerName} 成交退订/退房：${reason}`, companyId: reg.companyId,
    changes: diffChanges(before, after),
  });
}
