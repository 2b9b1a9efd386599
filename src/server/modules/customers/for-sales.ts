import { and, eq, sql } from 'drizzle-orm';
import { STAGE_LABELS, type Stage } from '../../../common/customers.ts';
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
    .select({ id: projectInterests.id, companyId: projectInterests.companyId, projectId: projectInterests.projectId, customerId: projectInterests.customerId, ownerId: projectInterests.ownerId, stage: projectInterests.stage, customerName: customers.name, erasedAt: customers.erasedAt })
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .where(and(eq(projectInterests.id, interestId), prospectScope(p)))
    .for('update', { of: projectInterests });
  if (!row) throw new AppError('VALIDATION_FAILED', '客户不存在或不在您的范围内', [{ field: 'interestId', message: '客户不存在或不在您的范围内' }]);
  if (row.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除');
  return row;
}

// A deal moves the prospect's stage; the change is a stage event on the timeline and audited.
export async function setInterestStageByDeal(db: Db, actor: Actor, now: Date, interest: { id: string; companyId: string; customerId: string; stage: string }, stage: Stage, reason: string) {
  if (interest.stage === stage) return;
  await db
    .update(projectInterests)
    .set({ stage, nextFollowUpAt: stage === 'contracted' ? null : sql`${projectInterests.nextFollowUpAt}`, version: sql`${projectInterests.version} + 1`, updatedAt: now })
    .where(eq(projectInterests.id, interest.id));
  await recordEvents(db, actor, now, [{ companyId: interest.companyId, interestId: interest.id, customerId: interest.customerId, type: 'stage', from: interest.stage, to: stage, reason }]);
  await recordAudit(db, actor, now, {
    action: 'update', entityType: 'project_interest', entityId: interest.id, entityLabel: `${STAGE_LABELS[stage]}：${reason}`, companyId: interest.companyId,
    changes: { stage: { before: interest.stage, after: stage } },
  });
}
