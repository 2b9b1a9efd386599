import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { channelSettingsBody } from '../../../common/contracts/channels.ts';
import type { CommissionRule, MobileMode } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requireProject } from '../org/projects.ts';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelSettings } from './rules.ts';
import { projectChannelSettings } from './tables.ts';

export async function channelSettingsFor(db: Db, projectId: string): Promise<ChannelSettings & { isDefault: boolean; version: number }> {
  const [row] = await db.select().from(projectChannelSettings).where(eq(projectChannelSettings.projectId, projectId));
  if (!row) return { ...DEFAULT_CHANNEL_SETTINGS, isDefault: true, version: 0 };
  return { mobileMode: row.mobileMode as MobileMode, visitDays: row.visitDays, dealDays: row.dealDays, commissionRule: row.commissionRule as CommissionRule, isDefault: false, version: row.version };
}

export async function getChannelSettings(db: Db, p: Principal, projectId: string) {
  await requireProject(db, p, projectId);
  return { projectId, ...(await channelSettingsFor(db, projectId)) };
}

// New windows apply to registrations made from now on; running ones keep the dates they were given.
export async function saveChannelSettings(ctx: { db: Db; now: Date; actor: Actor; principal: Principal }, projectId: string, body: z.infer<typeof channelSettingsBody>) {
  const project = await requireProject(ctx.db, ctx.principal, projectId);
  return ctx.db.transaction(async (tx) => {
    const before = await channelSettingsFor(tx, projectId);
    if (body.version !== undefined && body.version !== before.version) throw new AppError('VERSION_CONFLICT', '渠道规则已被他人修改，请刷新后重试');
    const { version: _v, ...values } = body;
    await tx
      .insert(projectChannelSettings)
      .values({ projectId, companyId: project.companyId, ...values, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: projectChannelSettings.projectId, set: { ...values, updatedAt: ctx.now, version: sql`${projectChannelSettings.version} + 1` } });
    const { isDefault: _d, version: _bv, ...old } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'channel_settings', entityId: projectId, entityLabel: `${project.name} 渠道规则`, companyId: project.companyId, changes: diffChanges(old, values) });
    return { projectId, ...(await channelSettingsFor(tx, projectId)) };
  });
}
