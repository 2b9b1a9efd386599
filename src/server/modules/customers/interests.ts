import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Customer, customerUpdate, interactionCreate, interestUpdate } from '../../../common/contracts/customers.ts';
import { STAGE_LABELS, type Grade, type Stage } from '../../../common/customers.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { iso } from '../../platform/http/types.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { auditSafe, type Ctx } from './create.ts';
import { toInterest, type InterestRow } from './present.ts';
import { markFirstVisit } from './for-sales.ts';
import { recordEvents, selectInterests } from './queries.ts';
import { getCustomer } from './read.ts';
import { nameSearchKeys, nextFollowUpDue } from './rules.ts';
import { prospectScope } from './scope.ts';
import { salesSettingsFor } from './settings.ts';
import { customers, interactions, projectInterests } from './tables.ts';
import { checkCustomerTags } from './tags.ts';

async function requireInterest(ctx: Ctx, id: string): Promise<InterestRow> {
  const [row] = (await selectInterests(ctx.db).where(and(eq(projectInterests.id, id), prospectScope(ctx.principal)))) as InterestRow[];
  if (!row) throw notFound('客户意向');
  return row;
}

// Stage and grade changes are events with a time, for conversion rates and deal cycles. A new
// grade moves the next follow-up to what the new grade asks for.
export async function updateInterest(ctx: Ctx, id: string, input: z.infer<typeof interestUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const before = await requireInterest({ ...ctx, db: tx }, id);
    if (before.version !== input.version) throw versionConflict();
    const stage = (input.stage ?? before.stage) as Stage;
    const grade = (input.grade ?? before.grade) as Grade;
    const settings = await salesSettingsFor(tx, before.projectId);
    const closed = stage === 'lost' || stage === 'owner';
    const nextFollowUpAt = closed ? null : grade !== before.grade || before.nextFollowUpAt === null ? nextFollowUpDue(before.lastContactAt ?? ctx.now, grade, settings) : before.nextFollowUpAt;
    const [after] = await tx
      .update(projectInterests)
      .set({ stage, grade, lostReason: stage === 'lost' ? (input.lostReason ?? '') : '', nextFollowUpAt, version: before.version + 1, updatedAt: ctx.now })
      .where(and(eq(projectInterests.id, id), eq(projectInterests.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    const base = { companyId: before.companyId, interestId: id, customerId: before.customerId };
    await recordEvents(tx, ctx.actor, ctx.now, [
      ...(stage !== before.stage ? [{ ...base, type: 'stage' as const, from: before.stage, to: stage, reason: stage === 'lost' ? (input.lostReason ?? '') : '' }] : []),
      ...(grade !== before.grade ? [{ ...base, type: 'grade' as const, from: before.grade, to: grade }] : []),
    ]);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'project_interest', entityId: id, entityLabel: `${before.projectName} · ${STAGE_LABELS[stage]}`, companyId: before.companyId, changes: diffChanges({ stage: before.stage, grade: before.grade, lostReason: before.lostReason, nextFollowUpAt: before.nextFollowUpAt }, { stage, grade, lostReason: after.lostReason, nextFollowUpAt }) });
    return toInterest({ ...after, projectName: before.projectName, ownerName: before.ownerName });
  });
}

// A follow-up: recorded on the timeline; it moves the last contact and sets the next due date
// (given, or by grade).
export async function addInteraction(ctx: Ctx, interestId: string, input: z.infer<typeof interactionCreate>) {
  return ctx.db.transaction(async (tx) => {
    const interest = await requireInterest({ ...ctx, db: tx }, interestId);
    if (interest.inPool) throw new AppError('NOT_IN_POOL', '该客户在公客池中，请先领取再跟进');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : ctx.now;
    if (occurredAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw new AppError('VALIDATION_FAILED', '跟进时间不能晚于现在', [{ field: 'occurredAt', message: '跟进时间不能晚于现在' }]);
    const settings = await salesSettingsFor(tx, interest.projectId);
    const nextDueAt = input.nextDueAt ? new Date(input.nextDueAt) : nextFollowUpDue(occurredAt, interest.grade as Grade, settings);
    const row = {
      id: uuidv7(), companyId: interest.companyId, projectId: interest.projectId, interestId, customerId: interest.customerId, type: input.type, occurredAt,
      content: input.content, reaction: input.reaction, nextAction: input.nextAction, nextDueAt, createdBy: ctx.principal.userId, createdByName: ctx.principal.displayName, createdAt: ctx.now,
    };
    await tx.insert(interactions).values(row);
    const lastContactAt = interest.lastContactAt && interest.lastContactAt > occurredAt ? interest.lastContactAt : occurredAt;
    const closed = interest.stage === 'lost' || interest.stage === 'owner';
    await tx.update(projectInterests).set({ lastContactAt, nextFollowUpAt: closed ? null : nextDueAt, updatedAt: ctx.now }).where(eq(projectInterests.id, interestId));
    // A visit to the sales office or a site tour is the funnel's 来访.
    if (input.type === 'visit' || input.type === 'site_tour') await markFirstVisit(tx, interestId, occurredAt);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'interaction', entityId: row.id, entityLabel: `${interest.projectName} 跟进`, companyId: interest.companyId, changes: diffChanges(null, { type: row.type, occurredAt: row.occurredAt, reaction: row.reaction, nextDueAt }) });
    return { ...row, occurredAt: occurredAt.toISOString(), nextDueAt: iso(nextDueAt), createdBy: { id: ctx.principal.userId, name: ctx.principal.displayName }, createdAt: ctx.now.toISOString() };
  });
}

export async function updateCustomer(ctx: Ctx, id: string, input: z.infer<typeof customerUpdate>): Promise<Customer> {
  await getCustomer(ctx.db, ctx.principal, id); // in scope
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(customers).where(eq(customers.id, id));
    if (before.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除，不能修改');
    const { version, ...changes } = input;
    await checkCustomerTags(tx, changes.tags, before.tags);
    const derived = {
      ...(changes.name ? (() => { const k = nameSearchKeys(changes.name); return { namePinyin: k.pinyin, nameInitials: k.initials }; })() : {}),
      ...(changes.mobile ? { mobileTail: changes.mobile.slice(-4) } : {}),
    };
    const [after] = await tx
      .update(customers)
      .set({ ...changes, ...derived, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(customers.id, id), eq(customers.version, version)))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err)) throw new AppError('CUSTOMER_EXISTS', '该手机号已属于另一位客户', [{ field: 'mobile', message: '该手机号已属于另一位客户' }]);
        throw err;
      });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'customer', entityId: id, entityLabel: after.name, changes: diffChanges(auditSafe(before), auditSafe(after)) });
  });
  return getCustomer(ctx.db, ctx.principal, id);
}
