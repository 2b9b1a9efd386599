import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from './create.ts';
import { savedFilters } from './tables.ts';

// A user's own saved list filters (query parameters by name).
export async function listSavedFilters(db: Db, p: Principal) {
  const rows = await db.select().from(savedFilters).where(eq(savedFilters.userId, p.userId)).orderBy(asc(savedFilters.name), asc(savedFilters.id));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.createdAt.toISOString() })) };
}

export async function createSavedFilter(ctx: Ctx, input: { name: string; query: Record<string, string> }) {
  const row = { id: uuidv7(), userId: ctx.principal.userId, name: input.name, query: input.query, createdAt: ctx.now };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(savedFilters).values(row);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'saved_filter', entityId: row.id, entityLabel: row.name, companyId: ctx.principal.companyId, changes: diffChanges(null, { name: row.name, query: row.query }) });
  });
  return { id: row.id, name: row.name, query: row.query, createdAt: ctx.now.toISOString() };
}

// Only one's own: another user's filter is not found.
export async function deleteSavedFilter(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(savedFilters).where(and(eq(savedFilters.id, id), eq(savedFilters.userId, ctx.principal.userId))).returning();
    if (!deleted) throw notFound('筛选');
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'saved_filter', entityId: id, entityLabel: deleted.name, companyId: ctx.principal.companyId, changes: diffChanges({ name: deleted.name, query: deleted.query }, null) });
  });
}
