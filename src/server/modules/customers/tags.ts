import { asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inactiveTagMessage, unknownTagMessage, type CustomerTag, type CustomerTagCreate, type CustomerTagUpdate } from '../../../common/contracts/customer-tags.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { iso } from '../../platform/http/types.ts';
import { customers, customerTags } from './tables.ts';

// The group's customer tag catalogue (标签库). One catalogue for the whole group: any role that
// records customers reads it; `customers.tags` maintains it, from a company or group data scope
// (a change reaches every company's customers).

export type TagCtx = { db: Db; now: Date; actor: Actor; principal: Principal };
type TagRow = typeof customerTags.$inferSelect;

const toTag = (r: TagRow): CustomerTag => ({
  id: r.id, category: r.category, name: r.name, sortOrder: r.sortOrder, active: r.active, version: r.version, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!,
});

const nameTaken = (name: string) => new AppError('TAG_NAME_TAKEN', `标签「${name}」已在标签库中`, [{ field: 'name', message: `标签「${name}」已在标签库中` }]);

function requireCatalogueScope(p: Principal) {
  if (p.scope !== 'group' && p.scope !== 'company') throw forbidden('标签库由全集团共用，需公司或集团数据范围才能维护');
}

// Grouped by category: categories in the order of their first tag, then tags by sort order.
export async function listCustomerTags(db: Db, q: { active?: 'true' | 'false' }): Promise<{ items: CustomerTag[] }> {
  const t = customerTags;
  const rows = await db
    .select()
    .from(t)
    .where(q.active === undefined ? undefined : eq(t.active, q.active === 'true'))
    .orderBy(sql`min(${t.sortOrder}) OVER (PARTITION BY ${t.category})`, asc(t.category), asc(t.sortOrder), asc(t.name));
  return { items: rows.map(toTag) };
}

async function nextSortOrder(db: Db, category: string): Promise<number> {
  const t = customerTags;
  const [r] = await db
    .select({ inCategory: sql<number | null>`max(${t.sortOrder}) FILTER (WHERE ${t.category} = ${category})`, overall: sql<number | null>`max(${t.sortOrder})` })
    .from(t);
  const last = r.inCategory ?? r.overall;
  return last === null ? 0 : Math.min(Number(last) + 1, 9999);
}

export async function createCustomerTag(ctx: TagCtx, input: CustomerTagCreate): Promise<CustomerTag> {
  requireCatalogueScope(ctx.principal);
  const row = { id: uuidv7(), ...input, sortOrder: input.sortOrder ?? 0, active: true, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  try {
    await ctx.db.transaction(async (tx) => {
      if (input.sortOrder === undefined) row.sortOrder = await nextSortOrder(tx, input.category);
      await tx.insert(customerTags).values(row);
      await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'customer_tag', entityId: row.id, entityLabel: `${row.category} / ${row.name}`, changes: diffChanges(null, { category: row.category, name: row.name, sortOrder: row.sortOrder, active: true }) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
  return toTag(row);
}

// Renaming renames the tag on every customer carrying it (in the same transaction, each such
// customer's version moves on), so lists, filters and exports keep finding them.
export async function updateCustomerTag(ctx: TagCtx, id: string, input: CustomerTagUpdate): Promise<CustomerTag> {
  requireCatalogueScope(ctx.principal);
  const { version, ...changes } = input;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(customerTags).where(eq(customerTags.id, id)).for('update');
      if (!before) throw notFound('标签');
      if (before.version !== version) throw versionConflict();
      const [after] = await tx.update(customerTags).set({ ...changes, version: version + 1, updatedAt: ctx.now }).where(eq(customerTags.id, id)).returning();
      let renamedOn = 0;
      if (changes.name !== undefined && changes.name !== before.name) {
        const renamed = await tx
          .update(customers)
          .set({ tags: sql`array_replace(${customers.tags}, ${before.name}::text, ${changes.name}::text)`, version: sql`${customers.version} + 1`, updatedAt: ctx.now })
          .where(sql`${customers.tags} @> ARRAY[${before.name}::text]`)
          .returning({ id: customers.id });
        renamedOn = renamed.length;
      }
      const pick = (r: TagRow) => ({ category: r.category, name: r.name, sortOrder: r.sortOrder, active: r.active });
      await recordAudit(tx, ctx.actor, ctx.now, {
        action: 'update', entityType: 'customer_tag', entityId: id, entityLabel: `${after.category} / ${after.name}`,
        changes: { ...diffChanges(pick(before), pick(after)), ...(renamedOn ? { customersRenamed: { before: null, after: renamedOn } } : {}) },
      });
      return toTag(after);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(changes.name ?? '');
    throw err;
  }
}

// The active catalogue's names (import validates every row against it).
export async function activeTagNames(db: Db): Promise<Set<string>> {
  const rows = await db.select({ name: customerTags.name }).from(customerTags).where(eq(customerTags.active, true));
  return new Set(rows.map((r) => r.name));
}

// A customer's tags must be active catalogue entries; `kept` (the tags the customer already
// carries) may stay even when deactivated since. Refused with a field error per unknown name.
export async function checkCustomerTags(db: Db, tags: readonly string[] | undefined, kept: readonly string[] = []): Promise<void> {
  const fresh = [...new Set(tags ?? [])].filter((t) => !kept.includes(t));
  if (!fresh.length) return;
  const rows = await db.select({ name: customerTags.name, active: customerTags.active }).from(customerTags).where(inArray(customerTags.name, fresh));
  const known = new Map(rows.map((r) => [r.name, r.active]));
  const errors = fresh
    .filter((t) => known.get(t) !== true)
    .map((t) => ({ field: 'tags', message: known.has(t) ? inactiveTagMessage(t) : unknownTagMessage(t) }));
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), errors);
}
