import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Building, buildingCreate, buildingUpdate } from '../../../common/contracts/org.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit, recordAuditMany } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { TAKEN, type OrgCtx } from './context.ts';
import { adjustCounts } from './counts.ts';
import { requireProject } from './projects.ts';
import { buildings, units } from './tables.ts';

// The outer column is named in full: drizzle renders `${buildings.id}` as a bare "id" in a
// single-table select, which inside the subquery would mean u.id (and count nothing).
const { id, companyId, projectId, name, floors, version, createdAt, unitCount } = buildings;
const columns = { id, companyId, projectId, name, floors, version, createdAt, unitCount };

function toBuilding(r: { createdAt: Date } & Omit<Building, 'createdAt'>): Building {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

export async function listBuildings(db: Db, p: Principal, projectIdParam: string) {
  await requireProject(db, p, projectIdParam);
  const rows = await db.select(columns).from(buildings).where(eq(buildings.projectId, projectIdParam)).orderBy(asc(buildings.name));
  return { items: rows.map(toBuilding), nextCursor: null };
}

// The building, if the caller's scope reaches its project.
export async function requireBuilding(db: Db, p: Principal, buildingId: string) {
  const [row] = await db
    .select(columns)
    .from(buildings)
    .where(and(eq(buildings.id, buildingId), projectScopeCondition(p, { companyId: buildings.companyId, projectId: buildings.projectId })));
  if (!row) throw notFound('楼栋');
  return row;
}

export async function createBuilding(ctx: OrgCtx, projectIdParam: string, input: z.infer<typeof buildingCreate>): Promise<Building> {
  return ctx.db.transaction(async (tx) => {
    const project = await requireProject(tx, ctx.principal, projectIdParam);
    const row = { id: uuidv7(), companyId: project.companyId, projectId: project.id, ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    await tx.insert(buildings).values(row).catch((e) => rethrowUnique(e, TAKEN));
    await adjustCounts(tx, { projectId: project.id, buildings: 1 });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'building', entityId: row.id, entityLabel: `${project.name} ${row.name}`, companyId: row.companyId, changes: diffChanges(null, row) });
    return toBuilding({ ...row, unitCount: 0 });
  });
}

export async function updateBuilding(ctx: OrgCtx, buildingId: string, input: z.infer<typeof buildingUpdate>): Promise<Building> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireBuilding(tx, ctx.principal, buildingId);
    const { version: expected, ...changes } = input;
    if (changes.floors !== undefined) {
      const [{ top }] = await tx.select({ top: sql<number | null>`max(${units.floor})` }).from(units).where(eq(units.buildingId, buildingId));
      if (top !== null && changes.floors < top) {
        throw new AppError('VALIDATION_FAILED', `楼层数不能少于已有房源的最高楼层（${top} 层）`, [{ field: 'floors', message: `不能少于 ${top}` }]);
      }
    }
    const [after] = await tx
      .update(buildings)
      .set({ ...changes, version: expected + 1, updatedAt: ctx.now })
      .where(and(eq(buildings.id, buildingId), eq(buildings.version, expected)))
      .returning()
      .catch((e) => rethrowUnique(e, TAKEN));
    if (!after) throw versionConflict();
    const { unitCount: n, ...plain } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'building', entityId: buildingId, entityLabel: after.name, companyId: after.companyId, changes: diffChanges(plain, after) });
    return toBuilding({ ...after, unitCount: n });
  });
}

// Deleting a building deletes its units, but only while none has been sold or reserved.
export async function deleteBuilding(ctx: OrgCtx, buildingId: string, expected: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await requireBuilding(tx, ctx.principal, buildingId);
    if (before.version !== expected) throw versionConflict();
    const [{ sold }] = await tx.select({ sold: sql<number>`count(*)::int` }).from(units).where(and(eq(units.buildingId, buildingId), ne(units.status, 'available')));
    if (sold > 0) throw new AppError('BUILDING_HAS_SOLD_UNITS', `该楼栋有 ${sold} 套房源已预留或售出，不能删除`);
    const removed = await tx.delete(units).where(eq(units.buildingId, buildingId)).returning();
    await tx.delete(buildings).where(eq(buildings.id, buildingId));
    await adjustCounts(tx, { projectId: before.projectId, buildings: -1, units: -removed.length });
    await recordAuditMany(tx, ctx.actor, ctx.now, [
      ...removed.map((u) => ({ action: 'delete' as const, entityType: 'unit', entityId: u.id, entityLabel: `${before.name} ${u.number}`, companyId: u.companyId, changes: diffChanges(u, null) })),
      { action: 'delete', entityType: 'building', entityId: buildingId, entityLabel: before.name, companyId: before.companyId, changes: diffChanges(before, null) },
    ]);
  });
}
