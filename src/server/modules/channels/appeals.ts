import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Appeal, appealCreate, appealDecision, appealListQuery } from '../../../common/contracts/channels.ts';
import { REFUSAL_REASON_LABELS, type AppealStatus } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { iso } from '../../platform/http/types.ts';
import { judgeMobile, lockMobileForJudgement } from './judge.ts';
import { registrationById } from './present.ts';
import type { ChannelCtx } from './registrations.ts';
import { windowEnd } from './rules.ts';
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
    if (reg.status !== 'expired' && reg.status !== 'rejected') throw new AppError('INVALID_TRANSITION', '只有已失效或判客无效的报备可以申诉');
    const [pending] = await tx.select({ id: a.id }).from(a).where(and(eq(a.registrationId, registrationId), eq(a.status, 'pending')));
    if (pending) throw new AppError('CONFLICT', '该报备已有待处理的申诉');
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

// A manager decides. Upheld: the registration protects its customer again, with a fresh window
// from today (to visit, or to deal if the visit had been confirmed).
export async function decideAppeal(ctx: ChannelCtx, id: string, body: z.infer<typeof appealDecision>): Promise<Appeal> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ a, reg: r }).from(a).innerJoin(r, eq(r.id, a.registrationId)).where(and(eq(a.id, id), projectScopeCondition(ctx.principal, r))).for('update');
    if (!row) throw new AppError('NOT_FOUND', '申诉不存在');
    if (row.a.status !== 'pending') throw new AppError('INVALID_TRANSITION', '该申诉已处理');
    await tx.update(a).set({ status: body.approve ? 'approved' : 'rejected', decidedBy: ctx.principal.userId, decidedAt: ctx.now, decisionNote: body.note, updatedAt: ctx.now, version: row.a.version + 1 }).where(eq(a.id, id));
    if (body.approve) {
      // Upholding must not make two live claims on one person: if someone else now protects the
      // customer (or the project has them), that has to be settled first.
      const key = { prefix: row.reg.mobilePrefix, suffix: row.reg.mobileSuffix, full: row.reg.mobileFull };
      await lockMobileForJudgement(tx, row.reg.projectId, key);
      const clash = await judgeMobile(tx, row.reg.projectId, key, row.reg.brokerId, ctx.now, row.reg.id);
      if (clash && !(clash === 'owned_by_project' && row.reg.visitedAt)) throw new AppError('CONFLICT', `不能支持该申诉：${REFUSAL_REASON_LABELS[clash]}`);
      const settings = await channelSettingsFor(tx, row.reg.projectId);
      const visited = row.reg.visitedAt !== null;
      await tx.update(r).set({
        status: visited ? 'visited' : 'registered', endedAt: null, endReason: '',
        ...(visited ? { dealDueAt: windowEnd(ctx.now, settings.dealDays) } : { visitDueAt: windowEnd(ctx.now, settings.visitDays) }),
        updatedAt: ctx.now, version: row.reg.version + 1,
      }).where(eq(r.id, row.reg.id));
    }
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'registration_appeal', entityId: id, entityLabel: `${row.reg.customerName} 申诉${body.approve ? '支持' : '驳回'}`, companyId: row.a.companyId,
      changes: { status: { before: 'pending', after: body.approve ? 'approved' : 'rejected' } },
    });
  });
  const [saved] = await ctx.db.select().from(a).where(eq(a.id, id));
  return toAppeal(ctx.db, saved, 'office');
}

