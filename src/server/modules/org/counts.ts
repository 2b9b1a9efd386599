import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildings, projects } from './tables.ts';

// Keep the denormalised building/unit counters in step with a change, inside its transaction.
export async function adjustCounts(db: Db, change: { projectId: string; buildingId?: string; buildings?: number; units?: number }) {
  const b = change.buildings ?? 0;
  const u = change.units ?? 0;
  if (b || u) {
    await db
      .update(projects)
      .set({ buildingCount: sql`${projects.buildingCount} + ${b}`, unitCount: sql`${projects.unitCount} + ${u}` })
      .where(eq(projects.id, change.projectId));
  }
  if (change.buildingId && u) {
    await db.update(buildings).set({ unitCount: sql`${buildings.unitCount} + ${u}` }).where(eq(buildings.id, change.buildingId));
  }
}
