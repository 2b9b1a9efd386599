import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deals } from './tables.ts';

// The sales module's door for the customers module: "this prospect has an active deal" as a
// condition on a project-interest id (a prospect holding a unit is not returned to the pool).
export function hasActiveDeal(interestId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM deals d WHERE d.interest_id = ${interestId} AND d.status = 'active')`;
}

// A person's deals, for redacting the audit entries about them on erasure.
export async function dealIdsOfCustomer(db: Db, customerId: string): Promise<string[]> {
  return (await db.select({ id: deals.id }).from(deals).where(eq(deals.customerId, customerId))).map((d) => d.id);
}
