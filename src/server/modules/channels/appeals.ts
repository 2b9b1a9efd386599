import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Appeal, appealCreate, appealDecision, appealListQuery } from '../../../common/contracts/channels.ts';
import type { AppealStatus, RegistrationStatus } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { iso } from '../../platform/http/types.ts';
import { appealRefusal, upholdAppeal, voidedReason, type Restored } from './appeal-rules.ts';
import { claimsOn, lockMobileForJudgement, projectProspectOf } from './judge.ts';
import { registrationById } from './present.ts';
import type { ChannelCtx } from './registrations.ts';
import { channelSettingsFor } from './settings.ts';
import { brokerRegistrations, registrationAppeals } from './tables.ts';

const a = registrationAppeals;
const r = brokerRegistrations;

async function toAppeal(db: Db, row: typeof a.$inferSelect, audience: 'broker' | 'office'): Promise<Appeal> {
  const registration = await registrationById(db, row.registrationId, audience);
  if (!registration) throw new Error('appeal without registration');
  return { id: row.id, registration, reason: row.reason, status: row.status as AppealStatus, decidedAt: iso(row.decidedAt), decisionNote: row.decisionNote, createdAt: row.createdAt.toISOString() };
}

// 申诉: the broker contests their own expired or refused registration, one appeal at a time.
export async function createAppeal(ctx: ChannelCtx, registrationId: string, body: z.infer<typeof appealCreate>): Promise<Appeal> {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const [reg] = await tx.select().from(r).where(and(eq(r.id, registrationId), eq(r.brokerId, ctx.principal.userId))).for('update');
    if (!reg) throw new AppError('NOT_FOUND', '报备记录不存在');
    const [pending] = await tx.select({ id: a.id }).from(a).where(and(eq(a.registrationId, registrationId), eq(a.status, 'pending')));
    const refusal = appealRefusal({ status: reg.status as RegistrationStatus }, Boolean(pending));
    if (refusal) throw new AppError(refusal.code, refusal.message);
    await tx.insert(a).values({ id, companyId: reg.companyId, registrationId, brokerId: ctx.principal.userId, reason: body.reason, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'registration_appeal', entityId: id, entityLabel: `${reg.customerName} 报备申诉`, companyId: reg.companyId, changes: { reason: { before: null, after: body.reason } } });
  });
  const [row] = await ctx.db.select().from(a).where(eq(a.id, id));
  return toAppeal(ctx.db, row, 'broker');
}

export async function listAppeals(db: Db, p: Principal, q: z.infer<typeof appealListQuery>, audience: 'broker' | 'office' = 'office') {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const where: (SQL | undefined)[] = [
    audience === 'broker' ? eq(a.brokerId, p.userId) : projectScopeCondition(p, r),
    q.status ? eq(a.status, q.status) : undefined,
    after ? or(lt(a.createdAt, new Date(after[0])), and(eq(a.createdAt, new Date(after[0])), lt(a.id, after[1]))) : undefined,
  ];
  const rows = await db.select({ a }).from(a).innerJoin(r, eq(r.id, a.registrationId)).where(and(...where)).orderBy(desc(a.createdAt), desc(a.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (x) => [x.a.createdAt.toISOString(), x.a.id]);
  return { items: await Promise.all(page.items.map((x) => toAppeal(db, x.a, audience))), nextCursor: page.nextCursor };
}

// A manager (channels.decide) decides. Upheld (appeal-rules.ts upholdAppeal): the registration
// protects its customer again with a fresh window from today, and another broker's running claim
// on the customer is voided (status rejected, the manager's reason as its end reason, audited);
// what cannot be granted is answered 409 with the reason and nothing changes. Rejected: the
// registration stays as it was. The mobile's judgement lock is taken before any registration row
// (as registering and the visit confirmation do), so decisions and judgements queue, never deadlock.
export async function decideAppeal(ctx: ChannelCtx, id: string, body: z.infer<typeof appealDecision>): Promise<Appeal> {
  await ctx.db.transaction(async (tx) => {
    const [peek] = await tx.select({ projectId: r.projectId, prefix: r.mobilePrefix, suffix: r.mobileSuffix, full: r.mobileFull }).from(a).innerJoin(r, eq(r.id, a.registrationId)).where(and(eq(a.id, id), projectScopeCondition(ctx.principal, r)));
    if (!peek) throw new AppError('NOT_FOUND', '申诉不存在');
    await lockMobileForJudgement(tx, peek.projectId, peek);
    const [row] = await tx.select({ a, reg: r }).from(a).innerJoin(r, eq(r.id, a.registrationId)).where(eq(a.id, id)).for('update');
    if (row.a.status !== 'pending') throw new AppError('INVALID_TRANSITION', '该申诉已处理');
    const status = body.approve ? 'approved' : 'rejected';
    if (body.approve) {
      const key = { prefix: row.reg.mobilePrefix, suffix: row.reg.mobileSuffix, full: row.reg.mobileFull };
      const outcome = upholdAppeal({
        appellant: { brokerId: row.reg.brokerId, visitedAt: row.reg.visitedAt },
        claims: await claimsOn(tx, row.reg.projectId, key, ctx.now, row.reg.id),
        prospect: await projectProspectOf(tx, row.reg.projectId, key),
        note: body.note, settings: await channelSettingsFor(tx, row.reg.projectId), now: ctx.now,
      });
      if (!outcome.ok) throw new AppError(outcome.code, outcome.message, outcome.field ? [{ field: outcome.field, message: outcome.message }] : undefined);
      for (const voidId of outcome.voidIds) await voidRegistration(ctx, tx, voidId, body.note);
      const restored: Restored = outcome.restore;
      await tx.update(r).set({ ...restored, endedAt: null, endReason: '', updatedAt: ctx.now, version: row.reg.version + 1 }).where(eq(r.id, row.reg.id));
      await recordAudit(tx, ctx.actor, ctx.now, {
        action: 'update', entityType: 'broker_registration', entityId: row.reg.id, entityLabel: `${row.reg.customerName} 申诉支持，恢复报备`, companyId: row.reg.companyId,
        changes: diffChanges(
          { status: row.reg.status, endReason: row.reg.endReason, visitDueAt: row.reg.visitDueAt.toISOString(), dealDueAt: row.reg.dealDueAt?.toISOString() ?? null },
          { status: restored.status, endReason: '', visitDueAt: 'visitDueAt' in restored ? restored.visitDueAt.toISOString() : row.reg.visitDueAt.toISOString(), dealDueAt: 'dealDueAt' in restored ? restored.dealDueAt.toISOString() : (row.reg.dealDueAt?.toISOString() ?? null) },
        ),
      });
    }
    await tx.update(a).set({ status, decidedBy: ctx.principal.userId, decidedAt: ctx.now, decisionNote: body.note, updatedAt: ctx.now, version: row.a.version + 1 }).where(eq(a.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'registration_appeal', entityId: id, entityLabel: `${row.reg.customerName} 申诉${body.approve ? '支持' : '驳回'}`, companyId: row.a.companyId,
      changes: diffChanges({ status: 'pending', decisionNote: '' }, { status, decisionNote: body.note }),
    });
  });
  const [saved] = await ctx.db.select().from(a).where(eq(a.id, id));
  return toAppeal(ctx.db, saved, 'office');
}

// Another broker's running registration, overruled by an upheld appeal: it stops protecting
// (rejected, shown to its broker as 判客无效 with the manager's reason) and can itself be appealed.
async function voidRegistration(ctx: ChannelCtx, tx: Db, id: string, note: string) {
  const [other] = await tx.select().from(r).where(eq(r.id, id)).for('update');
  const endReason = voidedReason(note);
  await tx.update(r).set({ status: 'rejected', endedAt: ctx.now, endReason, updatedAt: ctx.now, version: other.version + 1 }).where(eq(r.id, id));
  await recordAudit(tx, ctx.actor, ctx.now, {
    action: 'update', entityType: 'broker_registration', entityId: id, entityLabel: `${other.customerName} 报备因申诉裁决作废`, companyId: other.companyId,
    changes: diffChanges({ status: other.status, endReason: other.endReason }, { status: 'rejected', endReason }),
  });
}
