import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Prospect } from '../../src/common/contracts/customers.ts';
import { reclaimOverdueProspects } from '../../src/server/modules/customers/ownership.ts';
import { interactions, interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Column = { items: Prospect[]; total: number; nextCursor: string | null };
type Entry = { id: string; at: string; kind: string; content: string };
type TimelinePage = { items: Entry[]; nextCursor: string | null };

// A project's own follow-up rules at their Asia/Shanghai boundaries (A due after 1 day, reclaim
// after 5), next to a project on the defaults; and the timeline paged past its old 500-entry cap.
describe.each(dbKinds())('project rules and timeline paging on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await t.login(username));
    return cookies.get(username)!;
  };
  // Sessions last 12 hours: moving the clock by days means logging in again.
  const setClock = (at: string) => {
    t.clock.set(at);
    cookies.clear();
  };
  const interestOf = new Map<string, string>();
  const customerOf = new Map<string, string>();
  const create = async (username: string, name: string, mobile: string, grade: string, projectId: string) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await as(username), body: { name, mobile, grade, projectId, sourceChannel: 'walk_in' } });
    expect(res.statusCode, res.body).toBe(201);
    const c: Customer = res.json();
    interestOf.set(name, c.interests[0].id);
    customerOf.set(name, c.id);
    return c;
  };
  const row = async (name: string) => (await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, interestOf.get(name)!)))[0];
  const board = async (): Promise<Record<'today' | 'overdue' | 'newlyAssigned', Column>> => (await t.call('GET', '/api/v1/prospect-boards/mine', { cookie: await as('consultant') })).json();
  const names = (column: Column) => column.items.map((p) => p.customer.name).sort();

  beforeAll(async () => {
    t = await createTestApp(kind); // 2026-11-22 10:00 Shanghai
    const { companyA, a2 } = t.world;
    await seedUser(t.database.db, { username: 'a2cons', displayName: '滨江顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, projectIds: [a2.id] }, t.clock.now());
  });
  afterAll(() => t.close());

  it('dues an A prospect after the project\'s 1 day, at 00:00 Shanghai', async () => {
    const settings = { followUpDaysA: 1, followUpDaysB: 7, followUpDaysC: 30, reclaimDays: 5, poolClaimLimit: 20 };
    const put = await t.call('PUT', `/api/v1/projects/${t.world.a1.id}/sales-settings`, { cookie: await as('salesmgr'), body: settings });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ projectId: t.world.a1.id, ...settings });

    const jia = await create('consultant', '甲', '13300000001', 'A', t.world.a1.id);
    // Created 11-22 10:00 Shanghai → due 00:00 on 11-23 (the default A would be 11-25).
    expect(jia.interests[0].nextFollowUpAt).toBe('2026-11-22T16:00:00.000Z');
    await create('consultant', '乙', '13300000002', 'A', t.world.a1.id);
    await create('consultant', '丙', '13300000003', 'B', t.world.a1.id);
    // Another project keeps the defaults: A in 3 days, reclaim after 15.
    const other = await create('a2cons', '丁', '13300000004', 'A', t.world.a2.id);
    expect(other.interests[0].nextFollowUpAt).toBe('2026-11-24T16:00:00.000Z');

    setClock('2026-11-22T15:59:59.999Z'); // 11-22 23:59:59.999 Shanghai: not yet due
    let b = await board();
    expect(names(b.today)).toEqual([]);
    expect(names(b.overdue)).toEqual([]);
    setClock('2026-11-22T16:00:00.000Z'); // 11-23 00:00 Shanghai: due today
    b = await board();
    expect(names(b.today)).toEqual(['乙', '甲'].sort());
    expect(b.today.total).toBe(2);

    // A follow-up in the last second of 11-24 is due at the next midnight, one day later.
    setClock('2026-11-24T15:59:59.000Z');
    const follow = await t.call('POST', `/api/v1/interests/${interestOf.get('乙')}/interactions`, { cookie: await as('consultant'), body: { type: 'call_out', content: '电话邀约' } });
    expect(follow.statusCode, follow.body).toBe(201);
    expect(follow.json()).toMatchObject({ nextDueAt: '2026-11-24T16:00:00.000Z' });
    b = await board();
    expect(names(b.overdue)).toEqual(['甲']);
    expect(names(b.today)).toEqual([]);
    setClock('2026-11-24T16:00:00.000Z'); // 11-25 00:00 Shanghai
    b = await board();
    expect(names(b.today)).toEqual(['乙']);
    expect(names(b.overdue)).toEqual(['甲']);
  });

  it('reclaims after the project\'s 5 whole days without contact, at 00:00 Shanghai, not another project\'s', async () => {
    // 甲 and 丙 assigned 11-22: kept through 11-27, reclaimed at 00:00 on 11-28.
    setClock('2026-11-27T15:59:59.999Z');
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(0);
    setClock('2026-11-27T16:00:00.000Z');
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(2);
    for (const name of ['甲', '丙']) {
      expect(await row(name), name).toMatchObject({ inPool: true, ownerId: null, nextFollowUpAt: null, poolReason: '5 天未跟进，自动回收' });
      const events = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interestOf.get(name)!));
      expect(events.filter((e) => e.type === 'pooled').map((e) => e.reason)).toEqual(['5 天未跟进，自动回收至公客池']);
    }
    // 乙 was contacted on 11-24 (Shanghai): kept through 11-29.
    expect(await row('乙')).toMatchObject({ inPool: false, ownerId: t.world.users.consultant.id });
    // 丁 is on project A2's default 15 days.
    expect(await row('丁')).toMatchObject({ inPool: false });

    setClock('2026-11-29T15:59:59.999Z');
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(0);
    setClock('2026-11-29T16:00:00.000Z');
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(1);
    expect(await row('乙')).toMatchObject({ inPool: true, poolReason: '5 天未跟进，自动回收' });
    expect(await row('丁')).toMatchObject({ inPool: false });
    const b = await board();
    expect([b.today.total, b.overdue.total, b.newlyAssigned.total]).toEqual([0, 0, 0]);
  });

  it('pages the whole timeline newest first by cursor, beyond 500 entries, ties included', async () => {
    setClock('2026-12-01T02:00:00Z');
    const c = await create('consultant', '戊', '13300000005', 'C', t.world.a1.id);
    const interestId = c.interests[0].id;
    // 520 follow-ups, two at each minute (same time: ordered by id), written directly.
    const base = Date.parse('2026-06-01T02:00:00Z');
    const rows = Array.from({ length: 520 }, (_, i) => ({
      id: uuidv7(),
      companyId: t.world.companyA.id,
      projectId: t.world.a1.id,
      interestId,
      customerId: c.id,
      type: 'call_out',
      occurredAt: new Date(base + Math.floor(i / 2) * 60_000),
      content: `回访 ${i}`,
      reaction: 'neutral',
      createdBy: t.world.users.consultant.id,
      createdByName: 'consultant',
      createdAt: new Date(base),
    }));
    await t.database.db.insert(interactions).values(rows);
    const expected = [
      ...rows.map((r) => ({ id: r.id, at: r.occurredAt.toISOString() })),
      ...(await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interestId))).map((e) => ({ id: e.id, at: e.at.toISOString() })),
    ].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1));
    expect(expected).toHaveLength(522); // + created and owner events, both at the same instant

    const walk = async (limit: number) => {
      const seen: Entry[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await t.call('GET', `/api/v1/customers/${c.id}/timeline?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { cookie: await as('consultant') });
        expect(res.statusCode, res.body).toBe(200);
        const page: TimelinePage = res.json();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 200);
      return { seen, pages };
    };
    const big = await walk(200);
    expect(big.pages).toBe(3);
    expect(big.seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    const small = await walk(7);
    expect(small.pages).toBe(Math.ceil(522 / 7));
    expect(small.seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    // The default page is 20, the newest first: the creation events (today), then the latest
    // follow-ups; two at one minute come by id, so 回访 1 before 回访 0 at the very end.
    const first: TimelinePage = (await t.call('GET', `/api/v1/customers/${c.id}/timeline`, { cookie: await as('consultant') })).json();
    expect(first.items).toHaveLength(20);
    expect(first.items.slice(0, 2).map((e) => e.kind).sort()).toEqual(['created', 'owner']);
    expect(first.items.slice(2, 4).map((e) => e.content)).toEqual(['回访 519', '回访 518']);
    expect(big.seen.slice(-2).map((e) => e.content)).toEqual(['回访 1', '回访 0']);

    const bad = await t.call('GET', `/api/v1/customers/${c.id}/timeline?cursor=${Buffer.from(JSON.stringify(['昨天', uuidv7()])).toString('base64url')}`, { cookie: await as('consultant') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
