import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { SourceChannel } from '../../../common/customers.ts';
import type { Db } from '../../db/client.ts';
import { nameSearchKeys } from './rules.ts';
import { customers } from './tables.ts';

// For other modules (complaints): the customer holding a mobile, if any.
export async function findCustomerByMobile(db: Db, mobile: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.mobile, mobile), isNull(customers.erasedAt)));
  return row ?? null;
}

export async function customerExistsById(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, id), isNull(customers.erasedAt)));
  return Boolean(row);
}

// 判重 for records that arrive with only a name and a mobile (a complaint by phone): the person
// holding the mobile, or a new customer file with just those. The unique index decides races.
export async function findOrCreateCustomer(db: Db, input: { name: string; mobile: string; sourceChannel: SourceChannel; createdBy: string | null }, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await findCustomerByMobile(db, input.mobile);
  if (existing) return { id: existing.id, created: false };
  const keys = nameSearchKeys(input.name);
  const [row] = await db
    .insert(customers)
    .values({
      id: uuidv7(), name: input.name, mobile: input.mobile, mobileTail: input.mobile.slice(-4), namePinyin: keys.pinyin, nameInitials: keys.initials,
      sourceChannel: input.sourceChannel, createdBy: input.createdBy, createdAt: now, updatedAt: now,
    })
    .onConflictDoNothing({ target: customers.mobile, where: sql`erased_at IS NULL` })
    .returning({ id: customers.id });
  if (row) return { id: row.id, created: true };
  const raced = await findCustomerByMobile(db, input.mobile);
  if (!raced) throw new Error('customer vanished while linking');
  return { id: raced.id, created: false };
}
