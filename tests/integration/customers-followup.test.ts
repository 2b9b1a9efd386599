import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Interest, Prospect } from '../../src/common/contracts/customers.ts';
import { interactions, interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { MINUTE } from '../../src/server/platform/clock.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Page = { items: Prospect[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };
type Entry = { kind: string; at: string; content: string; from: string | null; to: string | null; reason: string; interactionType: string | null };
type Column = { items: Prospect[]; total: number; nextCursor: string | null };
type Board = { today: Column; overdue: Column; newlyAssigned: Column };
type TeamRow = { owner: { id: string; name: string }; total: number; today: number; overdue: number; newlyAssigned: number };

// Follow-ups, stage and grade changes, the timeline, search and the due-date boards. The tests
// share one world and run in order; the clock moves forward through them.
describe.each(dbKinds())('following up prospects on %s', (kind) => {
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
  const interestOf = new Map<string, Interest>();
  const customerOf = new Map<string, string>();
  const create = async (username: string, name: string, mobile: string, grade: string, tags: string[] = []) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await as(username), body: { name, mobile, grade, tags, projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(res.statusCode, res.body).toBe(201);
    const c: Customer = res.json();
    interestOf.set(name, c.interests[0]);
    customerOf.set(name, c.id);
  };
  const interest = (name: string) => interestOf.get(name)!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyA, teamA1, a1 } = t.world;
    await seedUser(t.database.db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, t.clock.now());
    // 2026-11-22 10:00 Shanghai.
    await create('consultant', '张伟', '13900000001', 'A', ['学区']);
    await create('consultant', '张小红', '13900000002', 'B');
    await create('consultant', '王小明', '13900000003', 'C', ['学区', '改善']);
    await create('consultant', '李娜', '13900000004', 'B');
    await create('consultant', '刘洋', '13900000005', 'A');
    await create('consultant2', '周杰', '13900000006', 'A');
  });
  afterAll(() => t.close());

  const stored = async (name: string) => (await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, interest(name).id)))[0];
  const follow = async (name: string, body: Record<string, unknown>) => t.call('POST', `/api/v1/interests/${interest(name).id}/interactions`, { cookie: await as('consultant'), body: { type: 'visit', content: '到访看样板间', ...body } });
  const patch = async (name: string, body: Record<string, unknown>) => t.call('PATCH', `/api/v1/interests/${interest(name).id}`, { cookie: await as('consultant'), body });
  const names = async (query: string, username = 'consultant') => {
    const res = await t.call('GET', `/api/v1/customers?limit=100&${query}`, { cookie: await as(username) });
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return (res.json() as Page).items.map((p) => p.customer.name).sort();
  };

  it('moves the last contact and the next follow-up: by grade, or as given', async () => {
    setClock('2026-11-23T02:00:00Z'); // 11-23 10:00 Shanghai
    const byGrade = await follow('张伟', { reaction: 'positive', nextAction: '约二次到访' });
    expect(byGrade.statusCode, byGrade.body).toBe(201);
    expect(byGrade.json()).toMatchObject({ interestId: interest('张伟').id, type: 'visit', occurredAt: '2026-11-23T02:00:00.000Z', nextDueAt: '2026-11-25T16:00:00.000Z', createdBy: { id: t.world.users.consultant.id } });
    expect(await stored('张伟')).toMatchObject({ lastContactAt: new Date('2026-11-23T02:00:00Z'), nextFollowUpAt: new Date('2026-11-25T16:00:00Z') });

    const given = await follow('张小红', { type: 'call_out', content: '电话邀约', nextDueAt: '2026-11-24T01:00:00Z' });
    expect(given.statusCode, given.body).toBe(201);
    expect(await stored('张小红')).toMatchObject({ lastContactAt: new Date('2026-11-23T02:00:00Z'), nextFollowUpAt: new Date('2026-11-24T01:00:00Z') });

    // A follow-up recorded afterwards counts from the day it happened.
    const late = await follow('刘洋', { type: 'wechat', content: '微信发送户型图', occurredAt: '2026-11-22T12:00:00Z' });
    expect(late.statusCode, late.body).toBe(201);
    expect(await stored('刘洋')).toMatchObject({ lastContactAt: new Date('2026-11-22T12:00:00Z'), nextFollowUpAt: new Date('2026-11-24T16:00:00Z') });

    const future = await follow('刘洋', { occurredAt: '2026-11-23T03:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect((future.json() as Problem).errors?.[0].field).toBe('occurredAt');
    expect(await t.database.db.select().from(interactions).where(eq(interactions.interestId, interest('刘洋').id))).toHaveLength(1);
  });

  it('records stage and grade changes as events, recomputes the due date and refuses stale versions', async () => {
    t.clock.advance(MINUTE);
    const lostWithoutReason = await patch('张伟', { stage: 'lost', version: 1 });
    expect(lostWithoutReason.statusCode).toBe(400);
    expect((lostWithoutReason.json() as Problem).errors).toEqual([{ field: 'lostReason', message: '标记流失须填写原因' }]);
    expect((await stored('张伟')).stage).toBe('potential');

    const staged = await patch('张伟', { stage: 'intending', version: 1 });
    expect(staged.statusCode, staged.body).toBe(200);
    expect(staged.json()).toMatchObject({ stage: 'intending', grade: 'A', version: 2, nextFollowUpAt: '2026-11-25T16:00:00.000Z' });
    t.clock.advance(MINUTE);
    const graded = await patch('张伟', { grade: 'C', version: 2 });
    expect(graded.statusCode, graded.body).toBe(200);
    // C: monthly from the last contact (11-23) → 00:00 Shanghai on 12-23.
    expect(graded.json()).toMatchObject({ grade: 'C', version: 3, nextFollowUpAt: '2026-12-22T16:00:00.000Z' });
    const stale = await patch('张伟', { stage: 'subscribed', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    expect(await stored('张伟')).toMatchObject({ stage: 'intending', grade: 'C', version: 3 });
    const events = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interest('张伟').id));
    expect(events.map((e) => `${e.type}:${e.fromValue}→${e.toValue}`).sort()).toEqual(['created:null→potential', 'grade:A→C', 'owner:null→consultant', 'stage:potential→intending']);

    const lost = await patch('李娜', { stage: 'lost', lostReason: '预算不足', version: 1 });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({ stage: 'lost', lostReason: '预算不足', nextFollowUpAt: null });
    const [stageEvent] = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interest('李娜').id)).then((rows) => rows.filter((e) => e.type === 'stage'));
    expect(stageEvent).toMatchObject({ fromValue: 'potential', toValue: 'lost', reason: '预算不足' });
  });

  it('shows follow-ups and stage, grade and owner events on the timeline, newest first', async () => {
    const res = await t.call('GET', `/api/v1/customers/${customerOf.get('张伟')}/timeline`, { cookie: await as('consultant') });
    expect(res.statusCode, res.body).toBe(200);
    const items: Entry[] = res.json().items;
    expect(items.map((i) => i.kind).slice(0, 3)).toEqual(['grade', 'stage', 'interaction']);
    expect(items.map((i) => i.kind).slice(3).sort()).toEqual(['created', 'owner']);
    expect(items[0]).toMatchObject({ from: 'A', to: 'C' });
    expect(items[1]).toMatchObject({ from: 'potential', to: 'intending' });
    expect(items[2]).toMatchObject({ interactionType: 'visit', content: '到访看样板间（下一步：约二次到访）', to: 'positive' });
    expect(items.find((i) => i.kind === 'owner')).toMatchObject({ from: null, to: 'consultant' });
    const times = items.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    // The manager sees the same history.
    expect((await t.call('GET', `/api/v1/customers/${customerOf.get('张伟')}/timeline`, { cookie: await as('salesmgr') })).json().items).toHaveLength(items.length);
  });

  it('searches by name fragment, pinyin, initials, mobile tail and whole mobile, and filters', async () => {
    expect(await names('q=小')).toEqual(['张小红', '王小明'].sort());
    expect(await names('q=zhangwei')).toEqual(['张伟']);
    expect(await names('q=zw')).toEqual(['张伟']);
    expect(await names('q=ZW')).toEqual(['张伟']);
    expect(await names('q=zhang')).toEqual(['张伟', '张小红'].sort());
    expect(await names('q=0003')).toEqual(['王小明']);
    expect(await names('q=13900000004')).toEqual(['李娜']);
    expect(await names('q=0006')).toEqual([]); // consultant2's, not mine
    expect(await names('q=0006', 'salesmgr')).toEqual(['周杰']);
    expect(await names('q=13900000006', 'salesmgr')).toEqual(['周杰']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);

    expect(await names('stage=intending')).toEqual(['张伟']);
    expect(await names('stage=lost')).toEqual(['李娜']);
    expect(await names('grade=A')).toEqual(['刘洋']);
    expect(await names('grade=A,B')).toEqual(['刘洋', '张小红', '李娜'].sort());
    expect(await names(`tag=${encodeURIComponent('学区')}`)).toEqual(['张伟', '王小明'].sort());
    expect(await names(`tag=${encodeURIComponent('改善')}&grade=C`)).toEqual(['王小明']);
    expect(await names('stage=potential&grade=B')).toEqual(['张小红']);
  });

  it('sorts by next follow-up and walks every row with limit=2, ties and no-date rows included', async () => {
    // Three A prospects with the same due date, and a second closed one without a due date.
    await create('consultant', '吴一', '13900000011', 'A');
    await create('consultant', '吴二', '13900000012', 'A');
    await create('consultant', '吴三', '13900000013', 'A');
    expect((await patch('王小明', { stage: 'lost', lostReason: '已购竞品', version: 1 })).statusCode).toBe(200);
    const full: Page = (await t.call('GET', '/api/v1/customers?limit=100', { cookie: await as('consultant') })).json();
    expect(full.items.map((p) => p.customer.name)).toEqual(['张小红', '刘洋', '吴一', '吴二', '吴三', '张伟', '王小明', '李娜']);
    expect(full.items.map((p) => p.nextFollowUpAt)).toEqual(['2026-11-24T01:00:00.000Z', '2026-11-24T16:00:00.000Z', ...Array(3).fill('2026-11-25T16:00:00.000Z'), '2026-12-22T16:00:00.000Z', null, null]);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.call('GET', `/api/v1/customers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { cookie: await as('consultant') });
      expect(res.statusCode, res.body).toBe(200);
      const page: Page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(walked).toEqual(full.items.map((p) => p.id));
    expect(pages).toBe(4);
  });

  it('puts due-today and overdue prospects on the consultant board as the clock moves', async () => {
    const board = async (username = 'consultant'): Promise<Board> => {
      const res = await t.call('GET', '/api/v1/prospect-boards/mine', { cookie: await as(username) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const named = (column: Column) => column.items.map((p) => p.customer.name);
    setClock('2026-11-25T02:00:00Z'); // 11-25 10:00 Shanghai
    let b = await board();
    expect(named(b.today)).toEqual(['刘洋']);
    expect(named(b.overdue)).toEqual(['张小红']);
    setClock('2026-11-26T02:00:00Z'); // 11-26 10:00 Shanghai
    b = await board();
    expect(named(b.today)).toEqual(['吴一', '吴二', '吴三']);
    expect(named(b.overdue)).toEqual(['张小红', '刘洋']);
    // Assigned in the last three days and never contacted.
    expect(named(b.newlyAssigned).sort()).toEqual(['吴一', '吴二', '吴三'].sort());
    expect([b.today.total, b.overdue.total, b.newlyAssigned.total]).toEqual([3, 2, 3]);
    expect(named((await board('consultant2')).overdue)).toEqual(['周杰']);

    // Totals are the column's, not the page's; the rest of a column pages on by cursor.
    const first = await t.call('GET', '/api/v1/prospect-boards/mine?limit=2', { cookie: await as('consultant') });
    const small: Board = first.json();
    expect(named(small.today)).toEqual(['吴一', '吴二']);
    expect(small.today.total).toBe(3);
    expect(small.today.nextCursor).not.toBeNull();
    const rest = await t.call('GET', `/api/v1/prospect-boards/mine/today?limit=2&cursor=${encodeURIComponent(small.today.nextCursor!)}`, { cookie: await as('consultant') });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ total: 3, nextCursor: null });
    expect(named(rest.json() as Column)).toEqual(['吴三']);
    expect((await t.call('GET', '/api/v1/prospect-boards/mine/today?cursor=bm90LWEtY3Vyc29y', { cookie: await as('consultant') })).json().code).toBe('VALIDATION_FAILED');
    expect((await t.call('GET', '/api/v1/prospect-boards/mine/someday', { cookie: await as('consultant') })).statusCode).toBe(400);
  });

  it('counts overdue prospects per consultant on the manager board', async () => {
    const res = await t.call('GET', '/api/v1/prospect-boards/team', { cookie: await as('salesmgr') });
    expect(res.statusCode, res.body).toBe(200);
    const rows: TeamRow[] = res.json().rows;
    expect(rows.map((r) => [r.owner.name, r.total, r.today, r.overdue])).toEqual([
      ['consultant', 6, 3, 2],
      ['顾问二', 1, 0, 1],
    ]);
    const filtered = await t.call('GET', `/api/v1/prospect-boards/team?projectId=${t.world.a2.id}`, { cookie: await as('salesmgr') });
    expect(filtered.json().rows).toEqual([]);
    expect((await t.call('GET', '/api/v1/prospect-boards/team', { cookie: await as('consultant') })).statusCode).toBe(403);
  });
});
