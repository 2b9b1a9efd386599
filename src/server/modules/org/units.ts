import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Unit, UnitStatus, unitBatchCreate, unitCreate, unitListQuery, unitUpdate } from '../../../common/contracts/org.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit, recordAuditMany } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { pageFrom } from '../../platform/http/cursor.ts';
import { requireBuilding } from './buildings.ts';
import { TAKEN, type OrgCtx } from './context.ts';
import { adjustCounts } from './counts.ts';
import { decodeKeyset } from '../../platform/http/cursor.ts';
import { unitNumber } from './rules.ts';
import { units } from './tables.ts';

type UnitRow = typeof units.$inferSelect;

function toUnit(r: UnitRow): Unit {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return { ...rest, status: r.status as UnitStatus };
}

// Ordered as a sales board reads: top floor first, then by number.
export async function listUnits(db: Db, p: Principal, buildingId: string, q: z.infer<typeof unitListQuery>) {
  await requireBuilding(db, p, buildingId);
  const after = decodeKeyset(q.cursor, ['int', 'text']);
  const rows = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.buildingId, buildingId),
        q.status ? eq(units.status, q.status) : undefined,
        after ? sql`(${units.floor} < ${after[0]} OR (${units.floor} = ${after[0]} AND ${units.number} > ${after[1]}))` : undefined,
      ),
    )
    .orderBy(desc(units.floor), asc(units.number))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.floor, r.number]);
  return { items: page.items.map(toUnit), nextCursor: page.nextCursor };
}

// `field` names the input that carries the floor (floorTo for a batch), so a form can mark it.
function checkFloor(floor: number, floors: number, field = 'floor') {
  if (floor > floors) throw new AppError('VALIDATION_FAILED', `楼层不能高于楼栋总层数（${floors} 层）`, [{ field, message: `不能高于 ${floors} 层` }]);
}

export async function createUnit(ctx: OrgCtx, buildingId: string, input: z.infer<typeof unitCreate>): Promise<Unit> {
  return ctx.db.transaction(async (tx) => {
    const b = await requireBuilding(tx, ctx.principal, buildingId);
    checkFloor(input.floor, b.floors);
    const row = { id: uuidv7(), companyId: b.companyId, projectId: b.projectId, buildingId, ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    const [created] = await tx.insert(units).values(row).returning().catch((e) => rethrowUnique(e, TAKEN));
    await adjustCounts(tx, { projectId: b.projectId, buildingId, units: 1 });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'unit', entityId: row.id, entityLabel: `${b.name} ${row.number}`, companyId: row.companyId, changes: diffChanges(null, row) });
    return toUnit(created);
  });
}

// Generates floorFrom..floorTo × unitsPerFloor units; numbers that already exist are skipped.
export async function createUnitBatch(ctx: OrgCtx, buildingId: string, input: z.infer<typeof unitBatchCreate>) {
  return ctx.db.transaction(async (tx) => {
    const b = await requireBuilding(tx, ctx.principal, buildingId);
    checkFloor(input.floorTo, b.floors, 'floorTo');
    const rows = [];
    for (let floor = input.floorFrom; floor <= input.floorTo; floor++) {
      for (let i = 1; i <= input.unitsPerFloor; i++) {
        rows.push({
          id: uuidv7(), companyId: b.companyId, projectId: b.projectId, buildingId, number: unitNumber(floor, i), floor,
          layout: input.layout, area: input.area, listPrice: input.listPrice, status: 'available', version: 1, createdAt: ctx.now, updatedAt: ctx.now,
        });
      }
    }
    const created: UnitRow[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      created.push(...(await tx.insert(units).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning()));
    }
    await adjustCounts(tx, { projectId: b.projectId, buildingId, units: created.length });
    await recordAuditMany(tx, ctx.actor, ctx.now, created.map((u) => ({ action: 'create', entityType: 'unit', entityId: u.id, entityLabel: `${b.name} ${u.number}`, companyId: u.companyId, changes: diffChanges(null, u) })));
    return { created: created.length, skipped: rows.length - created.length };
  });
}

async function findUnit(db: Db, p: Principal, id: string) {
  const [row] = await db.select().from(units).where(and(eq(units.id, id), projectScopeCondition(p, { companyId: units.companyId, projectId: units.projectId })));
  if (!row) throw notFound('房源');
  return row;
}

export async function updateUnit(ctx: OrgCtx, id: string, input: z.infer<typeof unitUpdate>): Promise<Unit> {
  return ctx.db.transaction(async (tx) => {
    const before = await findUnit(tx, ctx.principal, id);
    const b = await requireBuilding(tx, ctx.principal, before.buildingId);
    if (input.floor !== undefined) checkFloor(input.floor, b.floors);
    const { version, ...changes } = input;
    const [after] = await tx
      .update(units)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(units.id, id), eq(units.version, version)))
      .returning()
      .catch((e) => rethrowUnique(e, TAKEN));
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'unit', entityId: id, entityLabel: `${b.name} ${after.number}`, companyId: after.companyId, changes: diffChanges(before, after) });
    return toUnit(after);
  });
}

export async function deleteUnit(ctx: OrgCtx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findUnit(tx, ctx.principal, id);
    if (before.version !== version) throw versionConflict();
    if (before.status !== 'available') throw new AppError('BUILDING_HAS_SOLD_UNITS', '该房源已预留或售出，不能删除');
    await tx.delete(units).where(eq(units.id, id));
    await adjustCounts(tx, { projectId: before.projectId, buildingId: before.buildingId, units: -1 });
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'unit', entityId: id, entityLabel: before.number, companyId: before.companyId, changes: diffChanges(before, null) });
  });
}

// The org module's door for the sales module: a unit locked for a deal, and its sales status.
export async function lockUnitForSale(db: Db, unitId: string) {
  const [row] = await db.select().from(units).where(eq(units.id, unitId)).for('update');
  if (!row) throw new AppError('VALIDATION_FAILED', '房源不存在', [{ field: 'unitId', message: '房源不存在' }]);
  return row;
}

export async function setUnitSalesStatus(db: Db, unitId: string, status: UnitStatus, now: Date) {
  await db.update(units).set({ status, updatedAt: now, version: sql`${units.version} + 1` }).where(eq(units.id, unitId));
}
