import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Prospect } from '../../src/common/contracts/customers.ts';
import { savedFilters } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Page = { items: Prospect[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };
type SavedFilter = { id: string; name: string; query: Record<string, string>; createdAt: string };

// The list's filters over the API: consultant, source, buyer type, segment and the last-contact
// range — a half-open range whose Shanghai midnights are the edges — and saved filters.
describe.each(dbKinds())('prospect list filters on %s', (kind) => {
  let t: TestApp;
  let consultant2: { id: string };

  // name, owner, source, buyer type, segment, last contact (UTC; Shanghai is +8).
  const people: [string, string, string, string | null, string | null, string | null][] = [
    ['吴甲', 'consultant', 'hotline', 'first_purchase', 'young_professionals', '2026-11-20T15:59:59.999Z'], // 11-20 23:59:59.999
    ['吴乙', 'consultant', 'walk_in', 'second_purchase', 'children_first', '2026-11-20T16:00:00.000Z'], //     11-21 00:00:00
    ['吴丙', 'consultant', 'broker', 'first_purchase', 'practical_family', '2026-11-19T16:00:00.000Z'], //    11-20 00:00:00
    ['吴丁', 'consultant', 'hotline', null, null, '2026-11-19T15:59:59.999Z'], //                              11-19 23:59:59.999
    ['吴戊', 'consultant', 'walk_in', 'multiple_purchase', 'wealthy_family', null], //                         never contacted
    ['吴己', 'consultant2', 'hotline', 'first_purchase', 'young_professionals', '2026-11-20T04:00:00.000Z'], // 11-20 12:00
  ];

  beforeAll(async () => {
    t = await createTestApp(kind); // 2026-11-22 10:00 Shanghai
    const { companyA, teamA1, a1 } = t.world;
    consultant2 = await seedUser(t.database.db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, t.clock.now());
    let mobile = 13500000000;
    for (const [name, owner, sourceChannel, buyerType, familySegment, contact] of people) {
      const cookie = await t.as(owner);
      const res = await t.call('POST', '/api/v1/customers', { cookie, body: { name, mobile: String(++mobile), projectId: a1.id, sourceChannel, buyerType, familySegment, grade: 'B' } });
      expect(res.statusCode, res.body).toBe(201);
      if (contact) {
        const interestId = (res.json() as Customer).interests[0].id;
        const follow = await t.call('POST', `/api/v1/interests/${interestId}/interactions`, { cookie, body: { type: 'call_out', content: '电话回访', occurredAt: contact } });
        expect(follow.statusCode, follow.body).toBe(201);
      }
    }
  });
  afterAll(() => t.close());

  const names = async (username: string, query: Record<string, string>) => {
    const res = await t.call('GET', `/api/v1/customers?limit=100&${new URLSearchParams(query).toString()}`, { cookie: await t.as(username) });
    expect(res.statusCode, `${JSON.stringify(query)}: ${res.body}`).toBe(200);
    return (res.json() as Page).items.map((p) => p.customer.name).sort();
  };
  // A whole Shanghai day as the web sends it: its 00:00 to the next day's 00:00 (exclusive).
  const day = (from: string, toExclusive: string) => ({ lastContactFrom: `${from}T00:00:00+08:00`, lastContactTo: `${toExclusive}T00:00:00+08:00` });

  it.each([
    { case: 'a consultant (manager)', as: 'salesmgr', query: () => ({ ownerId: consultant2.id }), expected: ['吴己'] },
    { case: 'another consultant, outside one\'s own scope', as: 'consultant', query: () => ({ ownerId: consultant2.id }), expected: [] },
    { case: 'source channel', as: 'salesmgr', query: () => ({ sourceChannel: 'hotline' }), expected: ['吴甲', '吴丁', '吴己'] },
    { case: 'source channel, own scope', as: 'consultant', query: () => ({ sourceChannel: 'hotline' }), expected: ['吴甲', '吴丁'] },
    { case: 'buyer type', as: 'salesmgr', query: () => ({ buyerType: 'first_purchase' }), expected: ['吴甲', '吴丙', '吴己'] },
    { case: 'family segment', as: 'salesmgr', query: () => ({ familySegment: 'young_professionals' }), expected: ['吴甲', '吴己'] },
    { case: 'buyer type and segment', as: 'salesmgr', query: () => ({ buyerType: 'first_purchase', familySegment: 'practical_family' }), expected: ['吴丙'] },
    { case: 'consultant and source', as: 'salesmgr', query: () => ({ ownerId: t.world.users.consultant.id, sourceChannel: 'walk_in' }), expected: ['吴乙', '吴戊'] },
    // 11-20 in Shanghai: from its first instant to its last fraction of a second, not the next midnight.
    { case: 'last contact on one Shanghai day', as: 'salesmgr', query: () => day('2026-11-20', '2026-11-21'), expected: ['吴甲', '吴丙', '吴己'] },
    { case: 'last contact on two days', as: 'salesmgr', query: () => day('2026-11-20', '2026-11-22'), expected: ['吴甲', '吴乙', '吴丙', '吴己'] },
    { case: 'last contact from a midnight on', as: 'salesmgr', query: () => ({ lastContactFrom: '2026-11-21T00:00:00+08:00' }), expected: ['吴乙'] },
    { case: 'last contact before a midnight', as: 'salesmgr', query: () => ({ lastContactTo: '2026-11-20T00:00:00+08:00' }), expected: ['吴丁'] },
    { case: 'the same edge written in UTC', as: 'salesmgr', query: () => ({ lastContactFrom: '2026-11-19T16:00:00Z', lastContactTo: '2026-11-20T16:00:00Z' }), expected: ['吴甲', '吴丙', '吴己'] },
    { case: 'an end is exclusive, to the millisecond', as: 'salesmgr', query: () => ({ lastContactTo: '2026-11-20T23:59:59.999+08:00' }), expected: ['吴丁', '吴丙', '吴己'] },
    { case: 'range and source together', as: 'salesmgr', query: () => ({ ...day('2026-11-20', '2026-11-21'), sourceChannel: 'hotline' }), expected: ['吴甲', '吴己'] },
    { case: 'range in own scope', as: 'consultant', query: () => day('2026-11-20', '2026-11-21'), expected: ['吴甲', '吴丙'] },
  ])('filters by $case', async ({ as, query, expected }) => {
    expect(await names(as, query())).toEqual([...expected].sort());
  });

  it.each<{ query: Record<string, string>; field: string }>([
    { query: { buyerType: 'rich' }, field: 'buyerType' },
    { query: { familySegment: 'x' }, field: 'familySegment' },
    { query: { sourceChannel: 'tv' }, field: 'sourceChannel' },
    { query: { lastContactTo: '2026-11-20' }, field: 'lastContactTo' },
    { query: { ownerId: 'someone' }, field: 'ownerId' },
  ])('refuses a bad $field with a field error', async ({ query, field }) => {
    const res = await t.call('GET', `/api/v1/customers?${new URLSearchParams(query).toString()}`, { cookie: await t.as('salesmgr') });
    expect(res.statusCode).toBe(400);
    const p: Problem = res.json();
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('saves, lists, applies and deletes a filter — one\'s own only, audited', async () => {
    const cookie = await t.as('salesmgr');
    const query = { sourceChannel: 'hotline', ...day('2026-11-20', '2026-11-21') };
    const created = await t.call('POST', '/api/v1/saved-filters', { cookie, body: { name: '  热线·昨日联系 ', query } });
    expect(created.statusCode, created.body).toBe(201);
    const filter: SavedFilter = created.json();
    expect(filter).toMatchObject({ name: '热线·昨日联系', query, createdAt: t.clock.now().toISOString() });
    expect((await t.call('POST', '/api/v1/saved-filters', { cookie, body: { name: 'A 级', query: { grade: 'A' } } })).statusCode).toBe(201);

    const listed = await t.call('GET', '/api/v1/saved-filters', { cookie });
    expect(listed.statusCode).toBe(200);
    expect((listed.json().items as SavedFilter[]).map((f) => f.name)).toEqual(['A 级', '热线·昨日联系']);
    // Applying the stored query gives the list it was saved from.
    expect(await names('salesmgr', (listed.json().items as SavedFilter[])[1].query)).toEqual(['吴甲', '吴己'].sort());
    // Another user neither sees nor deletes it.
    expect((await t.call('GET', '/api/v1/saved-filters', { cookie: await t.as('consultant') })).json().items).toEqual([]);
    const foreign = await t.call('DELETE', `/api/v1/saved-filters/${filter.id}`, { cookie: await t.as('consultant') });
    expect(foreign.statusCode).toBe(404);
    expect((foreign.json() as Problem).code).toBe('NOT_FOUND');

    const deleted = await t.call('DELETE', `/api/v1/saved-filters/${filter.id}`, { cookie });
    expect(deleted.statusCode).toBe(204);
    expect(await t.database.db.select().from(savedFilters).where(eq(savedFilters.id, filter.id))).toEqual([]);
    expect((await t.call('DELETE', `/api/v1/saved-filters/${filter.id}`, { cookie })).statusCode).toBe(404);
    expect(((await t.call('GET', '/api/v1/saved-filters', { cookie })).json().items as SavedFilter[]).map((f) => f.name)).toEqual(['A 级']);

    const audits = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'saved_filter'), eq(auditLogs.entityId, filter.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'delete']);
    expect(audits.every((a) => a.actorId === t.world.users.salesmgr.id && a.entityLabel === '热线·昨日联系' && a.companyId === t.world.companyA.id)).toBe(true);
  });

  it.each([
    { body: { name: ' ', query: {} }, field: 'name' },
    { body: { name: '未知', query: { page: '2' } }, field: 'query.page' },
    { body: { name: '错阶段', query: { stage: 'won' } }, field: 'query.stage' },
    { body: { name: '错日期', query: { lastContactFrom: '昨天' } }, field: 'query.lastContactFrom' },
  ])('refuses a saved filter with a bad $field, storing nothing', async ({ body, field }) => {
    const before = (await t.database.db.select().from(savedFilters)).length;
    const res = await t.call('POST', '/api/v1/saved-filters', { cookie: await t.as('consultant'), body });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual([field]);
    expect(await t.database.db.select().from(savedFilters)).toHaveLength(before);
  });
});
