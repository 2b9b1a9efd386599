import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { salesSettingsUpdate } from '../../../common/contracts/customers.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { DEFAULT_SALES_SETTINGS, type FollowUpSettings } from './rules.ts';
import { projectSalesSettings } from './tables.ts';

export async function salesSettingsFor(db: Db, projectId: string): Promise<FollowUpSettings> {
  const [row] = await db.select().from(projectSalesSettings).where(eq(projectSalesSettings.projectId, projectId));
  return row ?? DEFAULT_SALES_SETTINGS;
}

export async function updateSalesSettings(ctx: { db: Db; now: Date; actor: Actor }, project: { id: string; companyId: string; name: string }, input: z.infer<typeof salesSettingsUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const before = await salesSettingsFor(tx, project.id);
    await tx
      .insert(projectSalesSettings)
      .values({ projectId: project.id, companyId: project.companyId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: projectSalesSettings.projectId, set: { ...input, updatedAt: ctx.now } });
    const pick = (s: FollowUpSettings) => ({ followUpDaysA: s.followUpDaysA, followUpDaysB: s.followUpDaysB, followUpDaysC: s.followUpDaysC, reclaimDays: s.reclaimDays, poolClaimLimit: s.poolClaimLimit });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'sales_settings', entityId: project.id, entityLabel: `${project.name} 跟进规则`, companyId: project.companyId, changes: diffChanges(pick(before), pick(input)) });
    return { projectId: project.id, ...input };
  });
}
