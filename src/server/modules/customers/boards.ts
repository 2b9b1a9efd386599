import { and, asc, count, eq, gte, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { MY_BOARD_COLUMNS, type BoardColumn, type MyBoardColumn } from '../../../common/contracts/customers.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { DAY } from '../../platform/clock.ts';
import { encodeCursor } from '../../platform/http/cursor.ts';
import { toProspect, type InterestRow } from './present.ts';
import { selectProspects } from './queries.ts';
import { afterDueKeyset } from './read.ts';
import { prospectScope } from './scope.ts';
import { projectInterests } from './tables.ts';

const CLOSED = ['lost', 'owner'];
// Newly assigned: handed to the current owner (created for them, reassigned, claimed) in the last
// 3 days and not contacted since. A departing consultant's contacts came before the hand-over, so
// they do not hide the prospect from the successor.
const NEW_WINDOW = 3 * DAY;

// Each column's condition on the owner's open prospects, at `now`.
function columnCondition(column: MyBoardColumn, now: Date): SQL {
  const pi = projectInterests;
  const today = startOfShanghaiDay(now);
  const tomorrow = new Date(today.getTime() + DAY);
  switch (column) {
    case 'today':
      return and(gte(pi.nextFollowUpAt, today), lt(pi.nextFollowUpAt, tomorrow))!;
    case 'overdue':
      return lt(pi.nextFollowUpAt, today);
    case 'newlyAssigned':
      return and(gte(pi.assignedAt, new Date(now.getTime() - NEW_WINDOW)), or(isNull(pi.lastContactAt), lt(pi.lastContactAt, pi.assignedAt)))!;
  }
}

// One column of the consultant's board: its real total and a page in "who is due next" order
// (next_follow_up_at, id), paged by keyset like the prospect list.
export async function consultantBoardColumn(db: Db, p: Principal, now: Date, column: MyBoardColumn, q: { limit: number; cursor?: string }): Promise<BoardColumn> {
  const pi = projectInterests;
  const where = and(eq(pi.ownerId, p.userId), eq(pi.inPool, false), notInArray(pi.stage, CLOSED), columnCondition(column, now));
  const [rows, [{ total }]] = await Promise.all([
    selectProspects(db)
      .where(and(where, afterDueKeyset(pi.nextFollowUpAt, pi.id, q.cursor)))
      .orderBy(sql`${pi.nextFollowUpAt} ASC NULLS LAST`, asc(pi.id))
      .limit(q.limit + 1),
    db.select({ total: count() }).from(pi).where(where),
  ]);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toProspect(p, r as InterestRow, r.customer)),
    total: Number(total),
    nextCursor: rows.length > q.limit ? encodeCursor([last.nextFollowUpAt?.toISOString() ?? '', last.id]) : null,
  };
}

// The consultant's day: what is due today, what is overdue, and who was just handed over — the
// first page of each column with its total.
export async function consultantBoard(db: Db, p: Principal, now: Date, limit: number) {
  const [today, overdue, newlyAssigned] = await Promise.all(MY_BOARD_COLUMNS.map((column) => consultantBoardColumn(db, p, now, column, { limit })));
  return { today, overdue, newlyAssigned };
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
          count(*) FILTER (WHERE project_interests.assigned_at >= ${new Date(now.getTime() - NEW_WINDOW).toISOString()}
            AND (project_interests.last_contact_at IS NULL OR project_interests.last_contact_at < project_interests.assigned_at))::int AS newly
        FROM project_interests JOIN users u ON u.id = project_interests.owner_id
        WHERE project_interests.owner_id IS NOT NULL AND NOT project_interests.in_pool AND project_interests.stage NOT IN ('lost', 'owner')
          ${scope ? sql`AND ${scope}` : sql``}
          ${projectId ? sql`AND project_interests.project_id = ${projectId}` : sql``}
        GROUP BY project_interests.owner_id, u.display_name
        ORDER BY overdue DESC, u.display_name`,
  );
  return { rows: rows.map((r) => ({ owner: { id: r.owner_id, name: r.owner_name }, total: r.total, today: r.today, overdue: r.overdue, newlyAssigned: r.newly })) };
}
