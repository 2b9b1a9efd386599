import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { boardQuery, SalesBoard } from '../../../common/contracts/sales.ts';
import { UNIT_STATUSES, type UnitStatus } from '../../../common/contracts/org.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { prospectScope } from '../customers/scope.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { requireProject } from '../org/projects.ts';
import { buildings, units } from '../org/tables.ts';
import { deals } from './tables.ts';

type BoardUnit = SalesBoard['buildings'][number]['floors'][number]['units'][number];

// 销控: every unit of a project by building and floor, with its active deal. The filter marks
// units instead of removing them, so the grid keeps its shape. A buyer's name shows only where
// the caller may see that prospect.
export async function salesBoard(db: Db, p: Principal, projectId: string, q: z.infer<typeof boardQuery>): Promise<SalesBoard> {
  const project = await requireProject(db, p, projectId);
  const visible = prospectScope(p) ?? sql`true`;
  const rows = await db
    .select({
      id: units.id, number: units.number, floor: units.floor, layout: units.layout, area: units.area, listPrice: units.listPrice, status: units.status,
      buildingId: buildings.id, buildingName: buildings.name, dealId: deals.id,
      customerName: sql<string | null>`CASE WHEN ${projectInterests.id} IS NOT NULL AND ${visible} THEN ${customers.name} END`,
    })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .leftJoin(deals, and(eq(deals.unitId, units.id), eq(deals.status, 'active')))
    .leftJoin(projectInterests, eq(projectInterests.id, deals.interestId))
    .leftJoin(customers, eq(customers.id, deals.customerId))
    .where(eq(units.projectId, projectId))
    .orderBy(asc(buildings.name), desc(units.floor), asc(units.number));
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  const layouts = new Set<string>();
  const byBuilding = new Map<string, { id: string; name: string; floors: Map<number, BoardUnit[]> }>();
  for (const r of rows) {
    counts[r.status as UnitStatus]++;
    layouts.add(r.layout);
    const match = (!q.layout || r.layout === q.layout) && (q.priceMin === undefined || r.listPrice >= q.priceMin) && (q.priceMax === undefined || r.listPrice <= q.priceMax);
    const b = byBuilding.get(r.buildingId) ?? { id: r.buildingId, name: r.buildingName, floors: new Map<number, BoardUnit[]>() };
    byBuilding.set(r.buildingId, b);
    const floor = b.floors.get(r.floor) ?? [];
    b.floors.set(r.floor, floor);
    floor.push({ id: r.id, number: r.number, floor: r.floor, layout: r.layout, area: r.area, listPrice: r.listPrice, status: r.status as UnitStatus, match, dealId: r.dealId, customerName: r.customerName });
  }
  return {
    project: { id: project.id, name: project.name },
    counts,
    layouts: [...layouts].sort(),
    buildings: [...byBuilding.values()].map((b) => ({ id: b.id, name: b.name, floors: [...b.floors.entries()].map(([floor, list]) => ({ floor, units: list })) })),
  };
}
