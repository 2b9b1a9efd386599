import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { savedFilters } from './tables.ts';

// A user's own saved list filters (query parameters by name).
export async function listSavedFilters(db: Db, p: Principal) {
  const rows = await db.select().from(savedFilters).where(eq(savedFilters.userId, p.userId)).orderBy(asc(savedFilters.name));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.createdAt.toISOString() })) };
}

export async function createSavedFilter(db: Db, p: Principal, now: Date, input: { name: string; query: Record<string, string> }) {
  const row = { id: uuidv7(), userId: p.userId, name: input.name, query: input.query, createdAt: now };
  await db.insert(savedFilters).values(row);
  return { id: row.id, name: row.name, query: row.query, createdAt: now.toISOString() };
}

export async function deleteSavedFilter(db: Db, p: Principal, id: string) {
  const deleted = await db.delete(savedFilters).where(and(eq(savedFilters.id, id), eq(savedFilters.userId, p.userId))).returning({ id: savedFilters.id });
  if (!deleted.length) throw notFound('筛选');
}
