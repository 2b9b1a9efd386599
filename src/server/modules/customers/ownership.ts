import { and, count, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reassignBody } from '../../../common/contracts/customers.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { hasActiveDeal } from '../sales/for-customers.ts';
import { queryRows } from '../../db/raw.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { recordAuditMany } from '../../platform/audit/record.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { users } from '../users/tables.ts';
import type { Ctx } from './create.ts';
import { requireOwner } from './owners.ts';
import { toInterest, type InterestRow } from './present.ts';
import { recordEvents, selectInterests, type EventInput } from './queries.ts';
import { DEFAULT_SALES_SETTINGS, nextFollowUpDue, RECLAIMABLE_STAGES } from './rules.ts';
import { poolScope, prospectScope } from './scope.ts';
import { salesSettingsFor } from './settings.ts';
import { interestEvents, projectInterests } from './tables.ts';

const BATCH = 1000;

// The scheduled reclaim: prospects without a follow-up within their project's limit go back to
// the project's public pool, a batch per transaction so requests interleave on PGlite.
export async function reclaimOverdueProspects(db: Db, now: Date): Promise<number> {
  const todayStart = startOfShanghaiDay(now).toISOString();
  const system: Actor = { principal: null, ip: null, name: '系统' };
  let total = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; company_id: string; customer_id: string; owner_name: string | null; reclaim_days: number }>(
        tx,
        sql`SELECT pi.id, pi.company_id, pi.customer_id, u.display_name AS owner_name, coalesce(s.reclaim_days, ${DEFAULT_SALES_SETTINGS.reclaimDays}) AS reclaim_days
            FROM project_interests pi
            LEFT JOIN project_sales_settings s ON s.project_id = pi.project_id
            LEFT JOIN users u ON u.id = pi.owner_id
            WHERE pi.owner_id IS NOT NULL AND NOT pi.in_pool AND pi.stage IN ${RECLAIMABLE_STAGES} AND NOT ${hasActiveDeal(sql`pi.id`)}
              AND greatest(pi.last_contact_at, pi.assigned_at) < ${todayStart}::timestamptz - make_interval(days => coalesce(s.reclaim_days, ${DEFAULT_SALES_SETTINGS.reclaimDays}))
            LIMIT ${BATCH}
            FOR UPDATE OF pi SKIP LOCKED`,
      );
      if (!rows.length) return 0;
      for (const days of new Set(rows.map((r) => r.reclaim_days))) {
        const ids = rows.filter((r) => r.reclaim_days === days).map((r) => r.id);
        await tx.update(projectInterests).set({ inPool: true, ownerId: null, ownerTeamId: null, poolReason: `${days} 天未跟进，自动回收`, nextFollowUpAt: null, updatedAt: now, version: sql`${projectInterests.version} + 1` }).where(inArray(projectInterests.id, ids));
      }
      await recordEvents(tx, system, now, rows.map((r) => ({ companyId: r.company_id, interestId: r.id, customerId: r.customer_id, type: 'pooled', from: r.owner_name, to: null, reason: `${r.reclaim_days} 天未跟进，自动回收至公客池` })));
      return rows.length;
    });
    total += moved;
    if (moved < BATCH) return total;
  }
}

// Claim from the pool, up to the project's daily limit per consultant.
export async function claimProspect(ctx: Ctx, interestId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = (await selectInterests(tx).where(and(eq(projectInterests.id, interestId), poolScope(ctx.principal))).for('update', { of: projectInterests })) as InterestRow[];
    if (!row) throw notFound('客户意向');
    if (!row.inPool) throw new AppError('NOT_IN_POOL', '该客户已被领取');
    const owner = await requireOwner(tx, ctx.principal.userId, row.projectId);
    const settings = await salesSettingsFor(tx, row.projectId);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(interestEvents)
      .innerJoin(projectInterests, eq(projectInterests.id, interestEvents.interestId))
      .where(and(eq(interestEvents.type, 'claimed'), eq(interestEvents.actorId, ctx.principal.userId), eq(projectInterests.projectId, row.projectId), gte(interestEvents.at, startOfShanghaiDay(ctx.now))));
    if (Number(n) >= settings.poolClaimLimit) throw new AppError('POOL_CLAIM_LIMIT', `今日已领取 ${n} 位，已达本项目公客池每日领取上限（${settings.poolClaimLimit} 位）`);
    const [after] = await tx
      .update(projectInterests)
      .set({ inPool: false, ownerId: owner.id, ownerTeamId: owner.teamId, poolReason: '', assignedAt: ctx.now, nextFollowUpAt: nextFollowUpDue(ctx.now, row.grade as 'A' | 'B' | 'C', settings), version: row.version + 1, updatedAt: ctx.now })
      .where(eq(projectInterests.id, interestId))
      .returning();
    const base = { companyId: row.companyId, interestId, customerId: row.customerId };
    await recordEvents(tx, ctx.actor, ctx.now, [{ ...base, type: 'claimed', from: null, to: owner.name, reason: '从公客池领取' }]);
    await recordAuditMany(tx, ctx.actor, ctx.now, [{ action: 'update', entityType: 'project_interest', entityId: interestId, entityLabel: `${row.projectName} 公客池领取`, companyId: row.companyId, changes: { ownerId: { before: null, after: owner.id }, inPool: { before: true, after: false } } }]);
    return toInterest({ ...after, projectName: row.projectName, ownerName: owner.name });
  });
}

// Reassign chosen prospects, or every prospect of a departing consultant, in one transaction.
// Each move is an ownership event (history keeps every owner) and an audit entry.
export async function reassignProspects(ctx: Ctx, input: z.infer<typeof reassignBody>) {
  return ctx.db.transaction(async (tx) => {
    const rows = (await selectInterests(tx).where(
      and(
        prospectScope(ctx.principal),
        eq(projectInterests.inPool, false),
        isNotNull(projectInterests.ownerId),
        input.interestIds?.length ? inArray(projectInterests.id, input.interestIds) : undefined,
        input.fromOwnerId ? eq(projectInterests.ownerId, input.fromOwnerId) : undefined,
        input.projectId ? eq(projectInterests.projectId, input.projectId) : undefined,
      ),
    )) as InterestRow[];
    if (input.interestIds?.length && rows.length !== new Set(input.interestIds).size) throw notFound('部分客户意向');
    const moving = rows.filter((r) => r.ownerId !== input.toOwnerId);
    const [target] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, input.toOwnerId));
    for (const projectId of new Set(moving.map((r) => r.projectId))) await requireOwner(tx, input.toOwnerId, projectId, 'toOwnerId');
    const owner = moving.length ? await requireOwner(tx, input.toOwnerId, moving[0].projectId, 'toOwnerId') : null;
    for (let i = 0; i < moving.length; i += BATCH) {
      const ids = moving.slice(i, i + BATCH).map((r) => r.id);
      await tx.update(projectInterests).set({ ownerId: input.toOwnerId, ownerTeamId: owner?.teamId ?? null, assignedAt: ctx.now, updatedAt: ctx.now, version: sql`${projectInterests.version} + 1` }).where(inArray(projectInterests.id, ids));
    }
    const events: EventInput[] = moving.map((r) => ({ companyId: r.companyId, interestId: r.id, customerId: r.customerId, type: 'owner', from: r.ownerName, to: target?.name ?? '', reason: input.reason }));
    await recordEvents(tx, ctx.actor, ctx.now, events);
    await recordAuditMany(tx, ctx.actor, ctx.now, moving.map((r) => ({ action: 'update', entityType: 'project_interest', entityId: r.id, entityLabel: `${r.projectName} 归属调整：${r.ownerName ?? ''} → ${target?.name ?? ''}（${input.reason}）`, companyId: r.companyId, changes: { ownerId: { before: r.ownerId, after: input.toOwnerId } } })));
    return { moved: moving.length };
  });
}
