import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { settingsBody } from '../../../common/contracts/complaint-reports.ts';
import { SEVERITIES } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { canSeeCompany } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { DEFAULT_LIMITS, type ResolutionHours } from './rules.ts';
import { complaintSettings } from './tables.ts';

export async function limitsFor(db: Db, companyId: string): Promise<ResolutionHours> {
  const [row] = await db.select({ limits: complaintSettings.limits }).from(complaintSettings).where(eq(complaintSettings.companyId, companyId));
  if (!row) return DEFAULT_LIMITS;
  const out = { ...DEFAULT_LIMITS };
  for (const s of SEVERITIES) if (typeof row.limits[s] === 'number') out[s] = row.limits[s];
  return out;
}

function checkCompany(p: Principal, companyId: string) {
  if (!canSeeCompany(p, companyId) || (p.scope !== 'group' && p.scope !== 'company')) throw new AppError('FORBIDDEN', '无权设置该公司的投诉时限');
}

export async function getComplaintSettings(db: Db, p: Principal, companyId: string) {
  checkCompany(p, companyId);
  const [row] = await db.select().from(complaintSettings).where(eq(complaintSettings.companyId, companyId));
  return { companyId, limits: await limitsFor(db, companyId), isDefault: !row };
}

// New limits apply to complaints' due times from their next severity evaluation on; complaints
// already open keep the due time they were given (a clock never moves under a handler's feet).
export async function saveComplaintSettings(ctx: { db: Db; now: Date; actor: Actor; principal: Principal }, body: z.infer<typeof settingsBody>) {
  checkCompany(ctx.principal, body.companyId);
  return ctx.db.transaction(async (tx) => {
    const before = await limitsFor(tx, body.companyId);
    await tx
      .insert(complaintSettings)
      .values({ companyId: body.companyId, limits: body.limits, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: complaintSettings.companyId, set: { limits: body.limits, updatedAt: ctx.now, version: sql`${complaintSettings.version} + 1` } });
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'complaint_settings', entityId: body.companyId, entityLabel: '投诉处理时限', companyId: body.companyId,
      changes: diffChanges(before, body.limits),
    });
    return { companyId: body.companyId, limits: body.limits, isDefault: false };
  });
}
