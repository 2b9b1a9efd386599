import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/common/contracts/customers.ts';
import { customers, projectInterests, prospectSearchKeys } from '../../src/server/modules/customers/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Item = { id: string; customer: { name: string }; nextFollowUpAt: string | null };

// A quick search by name or mobile tail, sorted by next follow-up, walks prospect_search_keys
// (kept by triggers). These tests hold it to the plain definition — prospects in the caller's
// scope, not in the pool, whose name contains the text (or whose mobile ends with the digits),
// soonest due first — through every write that moves a prospect.
describe.each(dbKinds())('quick search through the search keys on %s', (kind) => {
  let t: TestApp;
  let consultant: string;
  let manager: string;
  let second: { id: string };
  let secondCookie: string;
  const ids: Record<string, string> = {};

  /** Every page of a search, 2 items at a time, following the cursor. */
  async function searchAll(cookie: string, q: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const res = await t.call('GET', `/api/v1/customers?q=${encodeURIComponent(q)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      items.push(...body.items);
      if (!body.nextCursor) return items;
      cursor = encodeURIComponent(body.nextCursor);
    }
    throw new Error('the cursor never ended');
  }

  /** The same question asked of the tables directly: open prospects of `ownerId` (all when absent). */
  async function expected(match: { name?: string; tail?: string; latin?: string }, ownerId?: string): Promise<string[]> {
    const pi = projectInterests;
    const rows = await t.database.db
      .select({ id: pi.id })
      .from(pi)
      .innerJoin(customers, eq(customers.id, pi.customerId))
      .where(and(eq(pi.inPool, false), ownerId ? eq(pi.ownerId, ownerId) : eq(pi.companyId, t.world.companyA.id), match.name ? ilike(customers.name, `%${match.name}%`) : undefined, match.tail ? eq(customers.mobileTail, match.tail) : undefined, match.latin ? or(like(customers.namePinyin, `${match.latin}%`), like(customers.nameInitials, `${match.latin}%`)) : undefined))
      .orderBy(sql`${pi.nextFollowUpAt} ASC NULLS LAST`, asc(pi.id));
    return rows.map((r) => r.id);
  }

  async function create(name: string, mobile: string, grade: 'A' | 'B' | 'C') {
    const res = await t.call('POST', '/api/v1/customers', { cookie: consultant, body: { name, mobile, projectId: t.world.a1.id, sourceChannel: 'walk_in', grade } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Customer;
    ids[mobile] = c.interests[0].id;
    return c;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    consultant = await t.login('consultant');
    manager = await t.login('salesmgr');
    second = await seedUser(t.database.db, { username: 'consultant2', displayName: '第二顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: t.world.companyA.id, teamId: t.world.teamA1.id, projectIds: [t.world.a1.id] });
    secondCookie = await t.login('consultant2');
    // Grades spread the due dates (A 3 days, B 7, C 30); names share characters and pairs.
    const people: [string, string, 'A' | 'B' | 'C'][] = [
      ['张强', '13900000001', 'C'], ['张强', '13900001234', 'A'], ['张强国', '13900002234', 'B'], ['李张强', '13900003234', 'A'],
      ['张伟', '13900004234', 'B'], ['王小明', '13900001235', 'C'], ['张小强', '13900005234', 'A'], ['强张', '13900006234', 'B'],
    ];
    for (const [name, mobile, grade] of people) await create(name, mobile, grade);
  });
  afterAll(() => t.close());

  it('stores a key per name character, character pair, mobile tail and two-letter pinyin and initials prefix of each open prospect', async () => {
    const k = prospectSearchKeys;
    const rows = await t.database.db.select({ key: k.key, ownerId: k.ownerId }).from(k).where(eq(k.interestId, ids['13900002234']));
    // 张强国: zhangqiangguo, zqg.
    expect(rows.map((r) => r.key).sort()).toEqual(['#2234', '国', '张', '张强', '强', '强国', '@zh', '@zq'].sort());
    expect(new Set(rows.map((r) => r.ownerId))).toEqual(new Set([t.world.users.consultant.id]));
  });

  it.each([['张强'], ['张'], ['强国'], ['小明'], ['张小强'], ['赵']])('finds %s as the tables say, in due order, across pages', async (q) => {
    const want = await expected({ name: q }, t.world.users.consultant.id);
    const got = await searchAll(consultant, q);
    expect(got.map((i) => i.id)).toEqual(want);
    expect(got.every((i) => i.customer.name.includes(q))).toBe(true);
  });

  it.each([['z'], ['zq'], ['zqg'], ['zhang'], ['zhangqiang'], ['ZW'], ['wxm'], ['q']])('finds the pinyin or initials prefix %s as the tables say', async (q) => {
    const want = await expected({ latin: q.toLowerCase() }, t.world.users.consultant.id);
    expect((await searchAll(consultant, q)).map((i) => i.id)).toEqual(want);
  });

  it('finds a mobile tail, also for the team manager', async () => {
    const want = await expected({ tail: '1234' });
    expect(want).toHaveLength(1);
    expect((await searchAll(consultant, '1234')).map((i) => i.id)).toEqual(want);
    expect((await searchAll(manager, '1234')).map((i) => i.id)).toEqual(want);
    expect(await searchAll(consultant, '9999')).toEqual([]);
  });

  it('follows a follow-up that moves the next due date', async () => {
    // The C-grade 张强 is due last; a follow-up due tomorrow puts it first.
    const before = (await searchAll(consultant, '张强')).map((i) => i.id);
    expect(before[before.length - 1]).toBe(ids['13900000001']);
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const res = await t.call('POST', `/api/v1/interests/${ids['13900000001']}/interactions`, { cookie: consultant, body: { type: 'call_out', content: '电话回访', nextDueAt: tomorrow } });
    expect(res.statusCode, res.body).toBe(201);
    const after = await searchAll(consultant, '张强');
    expect(after[0].id).toBe(ids['13900000001']);
    expect(after.map((i) => i.id)).toEqual(await expected({ name: '张强' }, t.world.users.consultant.id));
  });

  it('follows a reassignment to another consultant', async () => {
    const res = await t.call('POST', '/api/v1/interests/reassign', { cookie: manager, body: { interestIds: [ids['13900001234']], toOwnerId: second.id, reason: '顾问调整' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await searchAll(consultant, '1234')).map((i) => i.id)).toEqual([]);
    expect((await searchAll(secondCookie, '1234')).map((i) => i.id)).toEqual([ids['13900001234']]);
    expect((await searchAll(consultant, '张强')).map((i) => i.id)).toEqual(await expected({ name: '张强' }, t.world.users.consultant.id));
    // The manager's team scope still holds both.
    expect((await searchAll(manager, '张强')).map((i) => i.id)).toEqual(await expected({ name: '张强' }));
  });

  it('drops a prospect returned to the public pool and takes it back when claimed', async () => {
    const id = ids['13900003234'];
    await t.database.db.update(projectInterests).set({ inPool: true, ownerId: null, ownerTeamId: null, poolReason: '测试回收' }).where(eq(projectInterests.id, id));
    expect((await searchAll(consultant, '李张')).map((i) => i.id)).toEqual([]);
    const claimed = await t.call('POST', `/api/v1/interests/${id}/claim`, { cookie: consultant });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((await searchAll(consultant, '李张')).map((i) => i.id)).toEqual([id]);
  });

  it('follows a rename and an erasure', async () => {
    const c = (await t.call('GET', `/api/v1/customers?q=${encodeURIComponent('王小明')}`, { cookie: consultant })).json().items[0] as { customer: { id: string } };
    const full = (await t.call('GET', `/api/v1/customers/${c.customer.id}`, { cookie: consultant })).json() as Customer;
    const renamed = await t.call('PATCH', `/api/v1/customers/${c.customer.id}`, { cookie: consultant, body: { name: '赵小明', version: full.version } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await searchAll(consultant, '王小')).toEqual([]);
    expect((await searchAll(consultant, '赵')).map((i) => i.customer.name)).toEqual(['赵小明']);
    expect((await searchAll(consultant, 'zxm')).map((i) => i.customer.name)).toEqual(['赵小明']);
    expect(await searchAll(consultant, 'wxm')).toEqual([]);

    const erased = await t.call('POST', `/api/v1/customers/${c.customer.id}/erase`, { cookie: await t.login('crm'), body: { reason: '客户书面申请删除' } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await searchAll(consultant, '赵小明')).toEqual([]);
    expect(await searchAll(consultant, '1235')).toEqual([]);
  });
});
