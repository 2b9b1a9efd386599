import { and, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import type { Db } from '../../db/client.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { listItem } from './present.ts';
import { complaints } from './tables.ts';

export const NOTABLE_MAX = 50;

// What management should look at in a report: the major and hot complaints filed in the period,
// and any complaint still open that was past its resolution limit at the end of the period
// (`at`, the period end or now if sooner). Most severe first, then newest.
export async function notableComplaints(db: Db, inScope: SQL | undefined, period: { from: Date; to: Date; at: Date }, now: Date): Promise<ComplaintListItem[]> {
  const c = complaints;
  const rows = await db
    .select({
      id: c.id, no: c.no, companyId: c.companyId, projectId: c.projectId, projectName: projects.name, buildingName: buildings.name, unitNumber: units.number,
      title: c.title, channel: c.channel, specialty: c.specialty, severity: c.severity, status: c.status, escalationLevel: c.escalationLevel, source: c.source,
      contactName: c.contactName, contactMobile: c.contactMobile, handlerId: c.handlerId, handlerName: users.displayName,
      filedAt: c.filedAt, ackDueAt: c.ackDueAt, acknowledgedAt: c.acknowledgedAt, resolutionDueAt: c.resolutionDueAt, resolvedAt: c.resolvedAt, closedAt: c.closedAt,
    })
    .from(c)
    .innerJoin(projects, eq(projects.id, c.projectId))
    .leftJoin(buildings, eq(buildings.id, c.buildingId))
    .leftJoin(units, eq(units.id, c.unitId))
    .leftJoin(users, eq(users.id, c.handlerId))
    .where(
      and(
        inScope,
        or(
          and(gte(c.filedAt, period.from), lt(c.filedAt, period.to), inArray(c.severity, ['major', 'hot'])),
          and(ne(c.status, 'closed'), isNull(c.resolvedAt), lt(c.resolutionDueAt, period.at), lt(c.filedAt, period.to)),
        ),
      ),
    )
    .orderBy(sql`CASE ${c.severity} WHEN 'major' THEN 0 WHEN 'hot' THEN 1 WHEN 'important' THEN 2 ELSE 3 END`, desc(c.filedAt), desc(c.id))
    .limit(NOTABLE_MAX);

  // Reports go to management: contact mobiles always masked.
  return rows.map((r) => listItem(r, false, now));
}
