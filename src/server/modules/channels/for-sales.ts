import { and, eq, inArray } from 'drizzle-orm';
import type { DealStage } from '../../../common/sales.ts';
import type { Db } from '../../db/client.ts';
import { commissionEligible } from './rules.ts';
import { channelSettingsFor } from './settings.ts';
import { brokerRegistrations } from './tables.ts';

// The channels module's door for the sales module: a deal reached on a prospect a broker brought.
// The registration becomes dealt and earns commission by the project's rule if the deal came
// inside the protection window; once earned it stays earned.
export async function onDealReached(db: Db, deal: { id: string; interestId: string; projectId: string; stage: DealStage }, at: Date) {
  const r = brokerRegistrations;
  const [reg] = await db.select().from(r).where(and(eq(r.interestId, deal.interestId), inArray(r.status, ['visited', 'dealt']))).for('update');
  if (!reg) return;
  const settings = await channelSettingsFor(db, deal.projectId);
  const eligible = reg.commissionEligible || commissionEligible(settings.commissionRule, { stage: deal.stage, at }, reg.dealDueAt);
  const inWindow = reg.status === 'dealt' || (reg.dealDueAt !== null && at.getTime() < reg.dealDueAt.getTime());
  if (!inWindow) return;
  await db.update(r).set({ status: 'dealt', dealId: deal.id, dealtAt: reg.dealtAt ?? at, commissionEligible: eligible, updatedAt: at, version: reg.version + 1 }).where(eq(r.id, reg.id));
}
