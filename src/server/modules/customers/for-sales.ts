import { and, eq, sql } from 'drizzle-orm';
import { STAGE_LABELS, type SourceChannel, type Stage } from '../../../common/customers.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { recordEvents } from './queries.ts';
import { prospectScope } from './scope.ts';
import { customers, projectInterests } from './tables.ts';

// The customers module's door for the sales module: the prospect (project interest) a deal is
// for, within the caller's scope, locked for the deal's transaction.
export async function lockInterestForDeal(db: Db, p: Principal, interestId: string) {
  const [row] = await db
    .select({ id: projectInterests.id, companyId: projectInterests.companyId, projectId: projectInterests.projectId, customerId: projectInterests.customerId, ownerId: projectInterests.ownerId, stage: projectInterests.stage, referrerCustomerId: projectInterests.referrerCustomerId, customerName: customers.name, erasedAt: customers.erasedAt })
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .where(and(eq(projectInterests.id, interestId), prospectScope(p)))
    .for('update', { of: projectInterests });
  if (!row) throw new AppError('VALIDATION_FAILED', '客户不存在或不在您的范围内', [{ field: 'interestId', message: '客户不存在或不在您的范围内' }]);
  if (row.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除');
  return row;
}

// A deal moves the prospect's stage; the change is a stage event on the timeline and audited.
export type Milestone = 'pledgedAt' | 'subscribedAt' | 'contractedAt';

export async function setInterestStageByDeal(db: Db, actor: Actor, now: Date, interest: { id: string; companyId: string; customerId: string; stage: string }, stage: Stage, reason: string, milestone?: Milestone) {
  const pi = projectInterests;
  // The first time a stage is reached stays recorded for the funnel, whatever happens later.
  if (milestone) await db.update(pi).set({ [milestone]: sql`COALESCE(${pi[milestone]}, ${now.toISOString()}::timestamptz)` }).where(eq(pi.id, interest.id));
  if (interest.stage === stage) return;
  await db
    .update(pi)
    .set({ stage, nextFollowUpAt: stage === 'contracted' ? null : sql`${pi.nextFollowUpAt}`, version: sql`${pi.version} + 1`, updatedAt: now })
    .where(eq(pi.id, interest.id));
  await recordEvents(db, actor, now, [{ companyId: interest.companyId, interestId: interest.id, customerId: interest.customerId, type: 'stage', from: interest.stage, to: stage, reason }]);
  await recordAudit(db, actor, now, {
    action: 'update', entityType: 'project_interest', entityId: interest.id, entityLabel: `${STAGE_LABELS[stage]}：${reason}`, companyId: interest.companyId,
    changes: { stage: { before: interest.stage, after: stage } },
  });
}

// The first visit of a prospect (a visit follow-up, or a broker's customer confirmed on site).
export async function markFirstVisit(db: Db, interestId: string, at: Date) {
  const pi = projectInterests;
  await db.update(pi).set({ firstVisitAt: sql`LEAST(COALESCE(${pi.firstVisitAt}, ${at.toISOString()}::timestamptz), ${at.toISOString()}::timestamptz)` }).where(eq(pi.id, interestId));
}

// For the channels module: a prospect's campaign and referrer (attribution).
export async function setInterestAttribution(db: Db, interestId: string, set: { campaignId?: string | null; referrerCustomerId?: string | null; channel?: SourceChannel }, now: Date) {
  const pi = projectInterests;
  await db.update(pi).set({ ...set, updatedAt: now, version: sql`${pi.version} + 1` }).where(eq(pi.id, interestId));
}

// The project's prospect holding a mobile, if any (for the channels module's judgement).
export async function interestOfMobile(db: Db, projectId: string, mobile: string) {
  const [row] = await db
    .select({ id: projectInterests.id, customerId: projectInterests.customerId, createdAt: projectInterests.createdAt })
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .where(and(eq(projectInterests.projectId, projectId), eq(customers.mobile, mobile)));
  return row ?? null;
}
