import { and, eq, sql } from 'drizzle-orm';
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
const natural = new Intl.Collator('zh-CN', { numeric: true });

// 销控: every unit of a project by building and floor, with its active deal. The filter marks
// units instead of removing them, so the grid keeps its shape. A buyer's name shows only where
// the caller may see that prospect. Three lean statements (buildings, units, active deals) and
// the grouping in memory are faster than one wide join sorted in the database.
export async function salesBoard(db: Db, p: Principal, projectId: string, q: z.infer<typeof boardQuery>): Promise<SalesBoard> {
  const project = await requireProject(db, p, projectId);
  const visible = prospectScope(p) ?? sql`true`;
  const [blocks, cells, active] = await Promise.all([
    db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(eq(buildings.projectId, projectId)),
    db
      .select({ id: units.id, buildingId: units.buildingId, number: units.number, floor: units.floor, layout: units.layout, area: units.area, listPrice: units.listPrice, status: units.status })
      .from(units)
      .where(eq(units.projectId, projectId)),
    db
      .select({ unitId: deals.unitId, id: deals.id, customerName: sql<string | null>`CASE WHEN ${visible} THEN ${customers.name} END` })
      .from(deals)
      .innerJoin(projectInterests, eq(projectInterests.id, deals.interestId))
      .innerJoin(customers, eq(customers.id, deals.customerId))
      .where(and(eq(deals.projectId, projectId), eq(deals.status, 'active'))),
  ]);
  const dealOf = new Map(active.map((d) => [d.unitId, d]));
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  const layouts = new Set<string>();
  const floorsOf = new Map<string, Map<number, BoardUnit[]>>();
  for (const u of cells) {
    counts[u.status as UnitStatus]++;
    layouts.add(u.layout);
    const match = (!q.layout || u.layout === q.layout) && (q.priceMin === undefined || u.listPrice >= q.priceMin) && (q.priceMax === undefined || u.listPrice <= q.priceMax);
    const d = dealOf.get(u.id);
    const floors = floorsOf.get(u.buildingId) ?? new Map<number, BoardUnit[]>();
    floorsOf.set(u.buildingId, floors);
    const row = floors.get(u.floor) ?? [];
    floors.set(u.floor, row);
    row.push({ id: u.id, number: u.number, floor: u.floor, layout: u.layout, area: u.area, listPrice: u.listPrice, status: u.status as UnitStatus, match, dealId: d?.id ?? null, customerName: d?.customerName ?? null });
  }
  return {
    project: { id: project.id, name: project.name },
    counts,
    layouts: [...layouts].sort(natural.compare),
    // 1 号楼, 2 号楼 … 10 号楼 (natural order); floors from the top; units by number.
    buildings: blocks
      .sort((a, b) => natural.compare(a.name, b.name))
      .filter((b) => floorsOf.has(b.id))
      .map((b) => ({
        id: b.id,
        name: b.name,
        floors: [...floorsOf.get(b.id)!.entries()].sort(([a], [c]) => c - a).map(([floor, list]) => ({ floor, units: list.sort((x, y) => natural.compare(x.number, y.number)) })),
      })),
  };
}
