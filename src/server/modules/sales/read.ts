import { and, desc, eq, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Deal, dealListQuery, OwnedUnit } from '../../../common/contracts/sales.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { prospectScope } from '../customers/scope.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { selectDeals, toDeal } from './queries.ts';
import { deals, unitOwners } from './tables.ts';

// Deals are seen through their prospect: a consultant their own prospects' deals, a manager their
// team's, and so on (the customers module's scope).
export async function getDeal(db: Db, p: Principal, id: string): Promise<Deal> {
  const [row] = await selectDeals(db).where(and(eq(deals.id, id), prospectScope(p)));
  if (!row) throw new AppError('NOT_FOUND', '成交记录不存在');
  return toDeal(row, p);
}

export async function listDeals(db: Db, p: Principal, q: z.infer<typeof dealListQuery>) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const where: (SQL | undefined)[] = [
    prospectScope(p),
    q.projectId ? eq(deals.projectId, q.projectId) : undefined,
    q.unitId ? eq(deals.unitId, q.unitId) : undefined,
    q.customerId ? eq(deals.customerId, q.customerId) : undefined,
    q.consultantId ? eq(deals.consultantId, q.consultantId) : undefined,
    q.q ? or(ilike(customers.name, containsPattern(q.q)), eq(units.number, q.q)) : undefined,
    q.stage ? eq(deals.stage, q.stage) : undefined,
    q.status ? eq(deals.status, q.status) : undefined,
    after ? or(lt(deals.createdAt, new Date(after[0])), and(eq(deals.createdAt, new Date(after[0])), lt(deals.id, after[1]))) : undefined,
  ];
  const rows = await selectDeals(db).where(and(...where)).orderBy(desc(deals.createdAt), desc(deals.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.d.createdAt.toISOString(), r.d.id]);
  return { items: page.items.map((r) => toDeal(r, p)), nextCursor: page.nextCursor };
}

// 业主: the units a customer owns now (a 退房 ends the ownership), seen like their deals: through
// the prospect the contract was made with. A customer with no prospect in scope answers 404.
export async function ownedUnitsOf(db: Db, p: Principal, customerId: string): Promise<{ items: OwnedUnit[] }> {
  const [visible] = await db.select({ id: projectInterests.id }).from(projectInterests).where(and(eq(projectInterests.customerId, customerId), prospectScope(p))).limit(1);
  if (!visible) throw notFound('客户');
  const rows = await db
    .select({
      o: unitOwners,
      projectName: projects.name,
      buildingName: buildings.name,
      unit: { id: units.id, number: units.number, layout: units.layout, area: units.area },
      price: deals.price,
      signedOn: deals.signedOn,
    })
    .from(unitOwners)
    .innerJoin(deals, eq(deals.id, unitOwners.dealId))
    .innerJoin(projectInterests, eq(projectInterests.id, deals.interestId))
    .innerJoin(projects, eq(projects.id, unitOwners.projectId))
    .innerJoin(buildings, eq(buildings.id, deals.buildingId))
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .where(and(eq(unitOwners.customerId, customerId), isNull(unitOwners.endedAt), prospectScope(p)))
    .orderBy(desc(unitOwners.since), desc(unitOwners.id));
  return {
    items: rows.map((r) => ({
      id: r.o.id, projectId: r.o.projectId, projectName: r.projectName, buildingName: r.buildingName, unit: r.unit,
      since: r.o.since.toISOString(), dealId: r.o.dealId, price: r.price, signedOn: r.signedOn,
    })),
  };
}
