import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { can } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Ctx } from './create.ts';
import { applyEscalation } from './escalation.ts';
import { lockComplaint, type ComplaintRecord } from './queries.ts';
import { canSeeComplaint } from './scope.ts';
import { applySeverity } from './severity.ts';
import { complaints } from './tables.ts';

const AUDITED = ['status', 'handlerId', 'severity', 'escalationLevel', 'solution', 'resolvedAt', 'closedAt', 'reopenCount', 'acknowledgedAt', 'issueId', 'customerId'] as const;
const pick = (c: ComplaintRecord) => Object.fromEntries(AUDITED.map((k) => [k, c[k]]));

export type StepOptions = { version?: number; why: string; handlerOnly?: boolean };

// Every workflow step: lock the row, check scope and version, apply the change, re-judge severity
// and escalation (the facts or the clocks may have moved), audit the difference — all in one
// transaction, so a refused step writes nothing.
export async function complaintStep(ctx: Ctx, id: string, opts: StepOptions, change: (tx: Db, c: ComplaintRecord) => Promise<ComplaintRecord>): Promise<ComplaintRecord> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockComplaint(tx, id);
    if (!canSeeComplaint(ctx.principal, before)) throw new AppError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
    if (opts.version !== undefined && opts.version !== before.version) throw new AppError('VERSION_CONFLICT', '投诉已被他人修改，请刷新后重试');
    if (opts.handlerOnly && before.handlerId !== ctx.principal.userId && !can(ctx.principal, 'complaints.manage')) {
      throw new AppError('FORBIDDEN', '只有当前负责人或投诉管理人员可以处理该投诉');
    }
    const c = { ...ctx, db: tx };
    let after = await change(tx, before);
    after = await applySeverity(c, after, opts.why);
    after = await applyEscalation(c, after);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'complaint', entityId: id, entityLabel: `${before.no} ${before.title}`, companyId: before.companyId, changes: diffChanges(pick(before), pick(after)) });
    return after;
  });
}

// Save fields of a locked complaint; the version moves on with every change.
export async function saveComplaint(tx: Db, id: string, set: Partial<typeof complaints.$inferInsert>, now: Date): Promise<ComplaintRecord> {
  const [row] = await tx.update(complaints).set({ ...set, updatedAt: now, version: sql`${complaints.version} + 1` }).where(eq(complaints.id, id)).returning();
  return row;
}
