import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { complaintCountQuery, complaintListQuery, ComplaintDetail, suggestionQuery } from '../../../common/contracts/complaints.ts';
import { CONTINGENCY_ITEMS as CONTINGENCY_ORDER, type ContingencyItem, type ContingencyStatus } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { scopeFilter } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { users } from '../users/tables.ts';
import { listAttachments } from './attachments.ts';
import { getCaseFor } from './cases.ts';
import { toComplaint, toListItem } from './present.ts';
import { selectComplaints } from './queries.ts';
import { canSeeComplaint, complaintScope } from './scope.ts';
import { complaintCallbacks, complaintContingencyItems, complaintEvents, complaintIssues, complaints } from './tables.ts';

const c = complaints;
const badCursor = () => new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);

function listFilters(p: Principal, q: z.infer<typeof complaintCountQuery>, now: Date): SQL[] {
  const where: (SQL | undefined)[] = [complaintScope(p)];
  if (q.status === 'open') where.push(ne(c.status, 'closed'));
  else if (q.status) where.push(eq(c.status, q.status));
  if (q.severity) where.push(eq(c.severity, q.severity));
  if (q.specialty) where.push(eq(c.specialty, q.specialty));
  if (q.channel) where.push(eq(c.channel, q.channel));
  if (q.companyId) where.push(eq(c.companyId, q.companyId));
  if (q.projectId) where.push(eq(c.projectId, q.projectId));
  if (q.handlerId) where.push(eq(c.handlerId, q.handlerId));
  if (q.mine === 'true') where.push(eq(c.handlerId, p.userId));
  if (q.from) where.push(gte(c.filedAt, new Date(q.from)));
  if (q.to) where.push(lt(c.filedAt, new Date(q.to)));
  if (q.overdue === 'true') {
    where.push(ne(c.status, 'closed'), or(and(isNull(c.acknowledgedAt), lte(c.ackDueAt, now)), and(isNull(c.resolvedAt), lte(c.resolutionDueAt, now))));
  }
  if (q.q) {
    const text = q.q;
    where.push(/^TS\d+$/i.test(text) ? eq(c.no, text.toUpperCase()) : /^\d{4}$/.test(text) ? sql`right(${c.contactMobile}, 4) = ${text}` : or(ilike(c.title, containsPattern(text)), ilike(c.contactName, containsPattern(text))));
  }
  return where.filter((w): w is SQL => w !== undefined);
}

function assertDates(q: { from?: string; to?: string }) {
  if ((q.from && Number.isNaN(Date.parse(q.from))) || (q.to && Number.isNaN(Date.parse(q.to)))) {
    throw new AppError('VALIDATION_FAILED', '日期格式不正确', [{ field: q.from && Number.isNaN(Date.parse(q.from)) ? 'from' : 'to', message: '日期格式不正确' }]);
  }
}

// Newest first, keyset-paged on (filed_at, id).
export async function listComplaints(db: Db, p: Principal, q: z.infer<typeof complaintListQuery>, now: Date) {
  assertDates(q);
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw badCursor();
  const where = listFilters(p, q, now);
  if (after) {
    const at = new Date(after[0]);
    where.push(or(lt(c.filedAt, at), and(eq(c.filedAt, at), lt(c.id, after[1]))) as SQL);
  }
  const rows = await selectComplaints(db).where(and(...where)).orderBy(desc(c.filedAt), desc(c.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.filedAt.toISOString(), r.id]);
  return { items: page.items.map((r) => toListItem(r, p, now)), nextCursor: page.nextCursor };
}

// How many complaints the list holds with the same filters (counters such as the home page's).
export async function countComplaints(db: Db, p: Principal, q: z.infer<typeof complaintCountQuery>, now: Date): Promise<number> {
  assertDates(q);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(c).where(and(...listFilters(p, q, now)));
  return row.n;
}

// One complaint in the caller's scope, or 404 (never 403: whether it exists is not for them).
export async function findVisibleComplaint(db: Db, p: Principal, id: string) {
  const [row] = await selectComplaints(db).where(eq(c.id, id));
  if (!row || !canSeeComplaint(p, row)) throw new AppError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
  return row;
}

export async function getComplaintDetail(db: Db, p: Principal, id: string, now: Date): Promise<ComplaintDetail> {
  const row = await findVisibleComplaint(db, p, id);
  const events = await db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  const callbacks = await db
    .select({ id: complaintCallbacks.id, satisfaction: complaintCallbacks.satisfaction, solved: complaintCallbacks.solved, content: complaintCallbacks.content, byName: users.displayName, at: complaintCallbacks.at })
    .from(complaintCallbacks)
    .leftJoin(users, eq(users.id, complaintCallbacks.byUserId))
    .where(eq(complaintCallbacks.complaintId, id))
    .orderBy(asc(complaintCallbacks.at));
  const contingency = await db
    .select({ item: complaintContingencyItems, ownerName: users.displayName })
    .from(complaintContingencyItems)
    .leftJoin(users, eq(users.id, complaintContingencyItems.ownerId))
    .where(eq(complaintContingencyItems.complaintId, id));
  return {
    ...toComplaint(row, p, now),
    events: events.map((e) => ({ id: e.id, kind: e.kind as ComplaintDetail['events'][number]['kind'], fromValue: e.fromValue, toValue: e.toValue, content: e.content, public: e.public, actorName: e.actorName, at: e.at.toISOString() })),
    callbacks: callbacks.map((cb) => ({ ...cb, byName: cb.byName ?? '', at: cb.at.toISOString() })),
    attachments: await listAttachments(db, id),
    contingency: contingencyPlan(row, contingency),
    case: await getCaseFor(db, id),
  };
}
// A major complaint's plan (or one that was worked on before its severity fell): all eight items,
// the stored ones as they are, the others still to do.
function contingencyPlan(c: { severity: string; updatedAt: Date }, stored: Array<{ item: typeof complaintContingencyItems.$inferSelect; ownerName: string | null }>): ComplaintDetail['contingency'] {
  if (c.severity !== 'major' && !stored.length) return [];
  const byItem = new Map(stored.map((s) => [s.item.item, s]));
  return CONTINGENCY_ORDER.map((code: ContingencyItem) => {
    const s = byItem.get(code);
    if (!s) return { id: null, item: code, owner: null, status: 'todo' as const, note: '', version: 0, updatedAt: c.updatedAt.toISOString() };
    const { item, ownerName } = s;
    return { id: item.id, item: code, owner: item.ownerId ? { id: item.ownerId, name: ownerName ?? '' } : null, status: item.status as ContingencyStatus, note: item.note, version: item.version, updatedAt: item.updatedAt.toISOString() };
  });
}

// 问题归集 suggestions: open complaints of the project from the last 90 days, same building and
// specialty first, then by how alike the titles and descriptions are (pg_trgm similarity).
export async function suggestSimilar(db: Db, p: Principal, q: z.infer<typeof suggestionQuery>, now: Date) {
  const text = q.text.slice(0, 200);
  const sim = text ? sql<number>`GREATEST(similarity(${c.title}, ${text}), word_similarity(${text}, ${c.description}))` : sql<number>`0`;
  const place = sql<number>`(CASE WHEN ${c.buildingId} = ${q.buildingId ?? null}::uuid THEN 1 ELSE 0 END) + (CASE WHEN ${c.specialty} = ${q.specialty ?? ''} THEN 1 ELSE 0 END)`;
  const ranked = await db
    .select({ id: c.id, sim, place })
    .from(c)
    .where(and(complaintScope(p), eq(c.projectId, q.projectId), ne(c.status, 'closed'), q.excludeId ? ne(c.id, q.excludeId) : undefined, gte(c.filedAt, new Date(now.getTime() - 90 * 86_400_000))))
    .orderBy(desc(sql`${place} + ${sim} * 2`), desc(c.filedAt))
    .limit(5);
  const relevant = ranked.filter((r) => Number(r.sim) > 0.1 || Number(r.place) === 2 || (Number(r.place) === 1 && !q.specialty));
  if (!relevant.length) return { items: [] };
  const rows = await selectComplaints(db).where(inArray(c.id, relevant.map((r) => r.id)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: relevant.flatMap((r) => {
      const row = byId.get(r.id);
      if (!row) return [];
      return [{ ...toListItem(row, p, now), issue: row.issueId ? { id: row.issueId, title: row.issueTitle ?? '' } : null, similarity: Math.round(Number(r.sim) * 100) / 100 }];
    }),
  };
}

// The issues (问题归集) of a project the caller may see, with how many complaints each holds.
export async function listIssues(db: Db, p: Principal, projectId: string) {
  const f = scopeFilter(p);
  const rows = await db
    .select({ id: complaintIssues.id, projectId: complaintIssues.projectId, companyId: complaintIssues.companyId, title: complaintIssues.title, createdAt: complaintIssues.createdAt, n: sql<number>`(SELECT count(*) FROM complaints x WHERE x.issue_id = complaint_issues.id)` })
    .from(complaintIssues)
    .where(eq(complaintIssues.projectId, projectId))
    .orderBy(desc(complaintIssues.createdAt));
  const visible = rows.filter((r) => f.all || f.companyIds.includes(r.companyId) || f.projectIds.includes(r.projectId));
  return { items: visible.map((r) => ({ id: r.id, projectId: r.projectId, title: r.title, complaintCount: Number(r.n), createdAt: r.createdAt.toISOString() })) };
}
