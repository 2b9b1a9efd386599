import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { deals, unitOwners } from './tables.ts';

// The sales module's door for the customers module: "this prospect has an active deal" as a
// condition on a project-interest id (a prospect holding a unit is not returned to the pool).
export function hasActiveDeal(interestId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM deals d WHERE d.interest_id = ${interestId} AND d.status = 'active')`;
}

// A person's deals, for redacting the audit entries about them on erasure.
export async function dealIdsOfCustomer(db: Db, customerId: string): Promise<string[]> {
  return (await db.select({ id: deals.id }).from(deals).where(eq(deals.customerId, customerId))).map((d) => d.id);
}

// A person's deals and ownerships (业主, ended ones with their end), for their personal-data export:
// everything held on them, whoever's scope the deals are in.
export async function salesForExport(db: Db, customerId: string) {
  const place = { projectName: projects.name, buildingName: buildings.name, unitNumber: units.number };
  const [dealRows, ownerRows] = await Promise.all([
    db
      .select({
        id: deals.id, ...place, stage: deals.stage, status: deals.status, pledgeAmount: deals.pledgeAmount, deposit: deals.deposit, paymentMethod: deals.paymentMethod,
        contractDueDate: deals.contractDueDate, price: deals.price, signedOn: deals.signedOn, pledgedAt: deals.pledgedAt, subscribedAt: deals.subscribedAt,
        contractedAt: deals.contractedAt, cancelledAt: deals.cancelledAt, cancelReason: deals.cancelReason, createdAt: deals.createdAt,
      })
      .from(deals)
      .innerJoin(projects, eq(projects.id, deals.projectId))
      .innerJoin(buildings, eq(buildings.id, deals.buildingId))
      .innerJoin(units, eq(units.id, deals.unitId))
      .where(eq(deals.customerId, customerId))
      .orderBy(desc(deals.createdAt), desc(deals.id)),
    db
      .select({ id: unitOwners.id, ...place, dealId: unitOwners.dealId, since: unitOwners.since, endedAt: unitOwners.endedAt })
      .from(unitOwners)
      .innerJoin(projects, eq(projects.id, unitOwners.projectId))
      .innerJoin(units, eq(units.id, unitOwners.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(unitOwners.customerId, customerId))
      .orderBy(desc(unitOwners.since), desc(unitOwners.id)),
  ]);
  return { deals: dealRows, ownedUnits: ownerRows.map((o) => ({ ...o, current: o.endedAt === null })) };
}
