import { and, arrayContains, asc, desc, eq, gte, ilike, inArray, like, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Customer, ProspectListQuery, timelineEntrySchema } from '../../../common/contracts/customers.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { decodeKeyset, encodeCursor } from '../../platform/http/cursor.ts';
import { complaintSummariesOf } from '../complaints/for-customers.ts';
import { projects } from '../org/tables.ts';
import { toCustomer, toProspect, type InterestRow } from './present.ts';
import { selectInterests, selectProspects, selectProspectsByKey } from './queries.ts';
import { classifySearch, searchKeyOf } from './rules.ts';
import { prospectScope, searchKeyScope } from './scope.ts';
import { customerConsents, customers, interactions, interestEvents, projectInterests, prospectSearchKeys } from './tables.ts';

type Consent = Customer['consents'][number];

// A customer is visible when one of their prospects is in the caller's scope.
export async function getCustomer(db: Db, p: Principal, id: string): Promise<Customer> {
  const interests = (await selectInterests(db).where(and(eq(projectInterests.customerId, id), prospectScope(p)))) as InterestRow[];
  if (!interests.length) throw notFound('客户');
  const [c] = await db.select().from(customers).where(eq(customers.id, id));
  const consents = await db.select().from(customerConsents).where(eq(customerConsents.customerId, id)).orderBy(asc(customerConsents.grantedAt));
  return toCustomer(p, c, interests, consents.map((x) => ({ id: x.id, purpose: x.purpose as Consent['purpose'], channel: x.channel as Consent['channel'], grantedAt: x.grantedAt.toISOString(), recordedBy: x.recordedBy ?? '' })));
}

// `plain`: without the index-only helpers (the name_grams containment), for rows already found by
// their search key, so that the planner does not start from the customers' name index.
function searchCondition(q: string, plain = false): SQL {
  const s = classifySearch(q);
  switch (s.kind) {
    case 'mobile':
      return eq(customers.mobile, s.value);
    case 'tail':
      return eq(customers.mobileTail, s.value);
    case 'latin':
      // The interest's copies of the keys: the prefix range sits in the scope's own index.
      return or(like(projectInterests.customerPinyin, `${s.value}%`), like(projectInterests.customerInitials, `${s.value}%`))!;
    case 'name': {
      // Chinese fragments go through the character/pair index; the ILIKE checks the exact order.
      const chars = [...s.value];
      if (plain || !/^[\u4e00-\u9fff]+$/.test(s.value)) return ilike(customers.name, containsPattern(s.value));
      const grams = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
      return and(arrayContains(customers.nameGrams, grams), ilike(customers.name, containsPattern(s.value)))!;
    }
  }
}

// `keyed`: the search text is matched through prospect_search_keys by the caller (listProspects),
// so only what the key does not decide is checked here.
export function prospectFilters(p: Principal, q: Omit<ProspectListQuery, 'limit' | 'cursor' | 'sort'>, keyed?: { exact: boolean }): SQL | undefined {
  const pi = projectInterests;
  return and(
    prospectScope(p),
    eq(pi.inPool, false),
    q.q && !keyed?.exact ? searchCondition(q.q, Boolean(keyed)) : undefined,
    q.projectId ? eq(pi.projectId, q.projectId) : undefined,
    q.ownerId ? eq(pi.ownerId, q.ownerId) : undefined,
    q.stage?.length ? inArray(pi.stage, q.stage) : undefined,
    q.grade?.length ? inArray(pi.grade, q.grade) : undefined,
    q.tag ? arrayContains(customers.tags, [q.tag]) : undefined,
    q.sourceChannel ? eq(customers.sourceChannel, q.sourceChannel) : undefined,
    q.buyerType ? eq(customers.buyerType, q.buyerType) : undefined,
    q.familySegment ? eq(customers.familySegment, q.familySegment) : undefined,
    q.lastContactFrom ? gte(pi.lastContactAt, new Date(q.lastContactFrom)) : undefined,
    // lastContactTo is exclusive: a whole last day is sent as 00:00 of the day after it.
    q.lastContactTo ? lt(pi.lastContactAt, new Date(q.lastContactTo)) : undefined,
  );
}

const badCursor = () => new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);

// The rows after a cursor in "who is due next" order: (due ASC NULLS LAST, id ASC). The cursor
// holds the last row's due instant ('' when it had none) and id.
export function afterDueKeyset(due: Column, id: Column, cursor: string | undefined): SQL | undefined {
  const after = decodeKeyset(cursor, ['text', 'uuid'] as const);
  if (!after) return undefined;
  const [afterDue, afterId] = after;
  if (afterDue === '') return sql`(${due} IS NULL AND ${id} > ${afterId})`;
  const at = new Date(afterDue);
  if (Number.isNaN(at.getTime())) throw badCursor();
  return sql`(${due} > ${at.toISOString()} OR (${due} = ${at.toISOString()} AND ${id} > ${afterId}) OR ${due} IS NULL)`;
}

// Keyset over (next_follow_up_at ASC NULLS LAST, id) — the consultant's "who is due next" order —
// or newest first by id. A quick search by name, pinyin/initials or mobile tail in that order walks the scope's
// search keys (prospect_search_keys, which copy next_follow_up_at), so a page costs the same
// whether ten or ten thousand customers share the name.
export async function listProspects(db: Db, p: Principal, q: ProspectListQuery) {
  const pi = projectInterests;
  const byDue = q.sort === 'nextFollowUp';
  const keyed = byDue && q.q ? searchKeyOf(classifySearch(q.q)) : null;
  const k = prospectSearchKeys;
  const [due, id] = keyed ? [k.nextFollowUpAt, k.interestId] : [pi.nextFollowUpAt, pi.id];
  let keyset: SQL | undefined;
  if (byDue) keyset = afterDueKeyset(due, id, q.cursor);
  else {
    const after = decodeKeyset(q.cursor, ['uuid'] as const);
    if (after) keyset = sql`${pi.id} < ${after[0]}`;
  }
  const rows = await (keyed ? selectProspectsByKey(db) : selectProspects(db))
    .where(and(keyed ? and(eq(k.key, keyed.key), searchKeyScope(p)) : undefined, prospectFilters(p, q, keyed ?? undefined), keyset))
    .orderBy(...(byDue ? [sql`${due} ASC NULLS LAST`, asc(id)] : [desc(pi.id)]))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > q.limit ? encodeCursor(byDue ? [last.nextFollowUpAt?.toISOString() ?? '', last.id] : [last.id]) : null;
  return { items: items.map((r) => toProspect(p, r as InterestRow, r.customer)), nextCursor };
}

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

// Newest first: (at DESC, id DESC) across interactions, events and complaints.
const newerFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

// Interactions and events of the customer's prospects that the caller may see, newest first, a
// page at a time: the cursor is the last entry's (at, id), and each source reads only the page
// after it, so a customer with years of follow-ups costs one page.
export async function customerTimeline(db: Db, p: Principal, customerId: string, q: { limit: number; cursor?: string }): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  const afterAt = after ? new Date(after[0]) : null;
  if (afterAt && Number.isNaN(afterAt.getTime())) throw badCursor();
  const visible = await db.select({ id: projectInterests.id, projectId: projectInterests.projectId, projectName: projects.name }).from(projectInterests).innerJoin(projects, eq(projects.id, projectInterests.projectId)).where(and(eq(projectInterests.customerId, customerId), prospectScope(p)));
  if (!visible.length) throw notFound('客户');
  const ids = visible.map((v) => v.id);
  const projectOf = new Map(visible.map((v) => [v.id, v.projectName]));
  const older = (at: Column, id: Column) => (after && afterAt ? sql`(${at} < ${afterAt.toISOString()} OR (${at} = ${afterAt.toISOString()} AND ${id} < ${after[1]}))` : undefined);
  const take = q.limit + 1;
  const [acts, events] = await Promise.all([
    db.select().from(interactions).where(and(inArray(interactions.interestId, ids), older(interactions.occurredAt, interactions.id))).orderBy(desc(interactions.occurredAt), desc(interactions.id)).limit(take),
    db.select().from(interestEvents).where(and(inArray(interestEvents.interestId, ids), older(interestEvents.at, interestEvents.id))).orderBy(desc(interestEvents.at), desc(interestEvents.id)).limit(take),
  ]);
  // Complaints in the projects through which the caller sees this customer, if they may read them.
  const complaintsSeen = can(p, 'complaints.read') ? await complaintSummariesOf(db, customerId, [...new Set(visible.map((v) => v.projectId))]) : [];
  const items: TimelineEntry[] = [
    ...acts.map((a) => ({ id: a.id, at: a.occurredAt.toISOString(), kind: 'interaction' as const, projectName: projectOf.get(a.interestId) ?? '', actorName: a.createdByName, interactionType: a.type as TimelineEntry['interactionType'], content: a.nextAction ? `${a.content}（下一步：${a.nextAction}）` : a.content, from: null, to: a.reaction, reason: '' })),
    ...events.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.type as TimelineEntry['kind'], projectName: projectOf.get(e.interestId) ?? '', actorName: e.actorName, interactionType: null, content: '', from: e.fromValue, to: e.toValue, reason: e.reason })),
    ...complaintsSeen.map((c) => ({ id: c.id, at: c.at.toISOString(), kind: 'complaint' as const, projectName: c.projectName, actorName: '', interactionType: null, content: c.text, from: null, to: c.id, reason: '' })),
  ];
  const cursorEntry = after && afterAt ? { at: afterAt.toISOString(), id: after[1] } : null;
  const page = items.filter((e) => !cursorEntry || newerFirst(cursorEntry, e) < 0).sort(newerFirst);
  const shown = page.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return { items: shown, nextCursor: page.length > q.limit ? encodeCursor([last.at, last.id]) : null };
}
