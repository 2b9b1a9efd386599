import { and, asc, eq, gte, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Prospect } from '../../../common/contracts/customers.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { DAY } from '../../platform/clock.ts';
import { toProspect, type InterestRow } from './present.ts';
import { selectProspects } from './queries.ts';
import { prospectScope } from './scope.ts';
import { projectInterests } from './tables.ts';

const CLOSED = ['lost', 'owner'];
// Prospects assigned in the last 3 days and not yet contacted count as newly assigned.
const NEW_WINDOW = 3 * DAY;

// The consultant's day: what is due today, what is overdue, and who was just handed over.
export async function consultantBoard(db: Db, p: Principal, now: Date) {
  const pi = projectInterests;
  const today = startOfShanghaiDay(now);
  const tomorrow = new Date(today.getTime() + DAY);
  const mine = and(eq(pi.ownerId, p.userId), eq(pi.inPool, false), notInArray(pi.stage, CLOSED));
  const list = async (cond: ReturnType<typeof and>) => {
    const rows = await selectProspects(db).where(and(mine, cond)).orderBy(asc(pi.nextFollowUpAt), asc(pi.id)).limit(100);
    return rows.map((r): Prospect => toProspect(p, r as InterestRow, r.customer));
  };
  const [todayRows, overdue, newlyAssigned] = await Promise.all([
    list(and(gte(pi.nextFollowUpAt, today), lt(pi.nextFollowUpAt, tomorrow))),
    list(lt(pi.nextFollowUpAt, today)),
    list(and(gte(pi.assignedAt, new Date(now.getTime() - NEW_WINDOW)), isNull(pi.lastContactAt))),
  ]);
  return { today: todayRows, overdue, newlyAssigned };
}

// The manager's view: per consultant, how many prospects, due today, overdue and new.
export async function teamBoard(db: Db, p: Principal, now: Date, projectId?: string) {
  const today = startOfShanghaiDay(now);
  const tomorrow = new Date(today.getTime() + DAY);
  const scope = prospectScope(p);
  const rows = await queryRows<{ owner_id: string; owner_name: string; total: number; today: number; overdue: number; newly: number }>(
    db,
    sql`SELECT project_interests.owner_id, u.display_name AS owner_name,
          count(*)::int AS total,
          count(*) FILTER (WHERE project_interests.next_follow_up_at >= ${today.toISOString()} AND project_interests.next_follow_up_at < ${tomorrow.toISOString()})::int AS today,
          count(*) FILTER (WHERE project_interests.next_follow_up_at < ${today.toISOString()})::int AS overdue,
          count(*) FILTER (WHERE project_interests.assigned_at >= ${new Date(now.getTime() - NEW_WINDOW).toISOString()} AND project_interests.last_contact_at IS NULL)::int AS newly
        FROM project_interests JOIN users u ON u.id = project_interests.owner_id
        WHERE project_interests.owner_id IS NOT NULL AND NOT project_interests.in_pool AND project_interests.stage NOT IN ('lost', 'owner')
          ${scope ? sql`AND ${scope}` : sql``}
          ${projectId ? sql`AND project_interests.project_id = ${projectId}` : sql``}
        GROUP BY project_interests.owner_id, u.display_name
        ORDER BY overdue DESC, u.display_name`,
  );
  return { rows: rows.map((r) => ({ owner: { id: r.owner_id, name: r.owner_name }, total: r.total, today: r.today, overdue: r.overdue, newlyAssigned: r.newly })) };
}
