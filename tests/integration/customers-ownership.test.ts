import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Interest, Prospect } from '../../src/common/contracts/customers.ts';
import { reclaimOverdueProspects } from '../../src/server/modules/customers/ownership.ts';
import { interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Page = { items: Prospect[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };

// Ownership over time: the reclaim job, the public pool with its daily claim limit, and
// reassignment (one, many, or all of a departing consultant's) with the history kept.
describe.each(dbKinds())('prospect ownership on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await t.login(username));
    return cookies.get(username)!;
  };
  const setClock = (at: string) => {
    t.clock.set(at);
    cookies.clear(); // sessions last 12 hours
  };
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name)!;
  let consultant2: { id: string };
  let consultant3: { id: string };
  let a2cons: { id: string };
  let mobile = 13700000000;
  const create = async (name: string, grade: string) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await as('consultant'), body: { name, mobile: String(++mobile), grade, projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(res.statusCode, res.body).toBe(201);
    ids.set(name, (res.json() as Customer).interests[0].id);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyA, teamA1, a1, a2 } = t.world;
    const db = t.database.db;
    const now = t.clock.now();
    consultant2 = await seedUser(db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, now);
    consultant3 = await seedUser(db, { username: 'consultant3', displayName: '顾问三', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, now);
    a2cons = await seedUser(db, { username: 'a2cons', displayName: '滨江顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, projectIds: [a2.id] }, now);
    // 2026-11-22 10:00 Shanghai: day 0.
    await create('张三', 'A');
    await create('李四', 'B');
    await create('王五', 'A');
    await create('赵六', 'C');
    expect((await t.call('PATCH', `/api/v1/interests/${id('王五')}`, { cookie: await as('consultant'), body: { stage: 'subscribed', version: 1 } })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const row = async (name: string) => (await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, id(name))))[0];
  const eventsOf = (name: string) => t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, id(name))).orderBy(asc(interestEvents.at), asc(interestEvents.id));
  const listed = async (username: string) => ((await t.call('GET', '/api/v1/customers?limit=100', { cookie: await as(username) })).json() as Page).items.map((p) => p.customer.name).sort();
  const reassign = async (body: Record<string, unknown>, username = 'salesmgr') => t.call('POST', '/api/v1/interests/reassign', { cookie: await as(username), body: { reason: '离职交接', ...body } });

  it('returns a prospect to the pool at 00:00 of day 16 without follow-up, not before, not a subscribed one', async () => {
    setClock('2026-11-27T02:00:00Z');
    expect((await t.call('POST', `/api/v1/interests/${id('赵六')}/interactions`, { cookie: await as('consultant'), body: { type: 'call_out', content: '电话回访' } })).statusCode).toBe(201);

    setClock('2026-12-07T15:59:00Z'); // day 15, 23:59 Shanghai
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(0);
    expect(await row('张三')).toMatchObject({ ownerId: t.world.users.consultant.id, inPool: false });

    setClock('2026-12-07T16:00:00Z'); // day 16, 00:00 Shanghai
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(2);
    for (const name of ['张三', '李四']) {
      expect(await row(name), name).toMatchObject({ inPool: true, ownerId: null, ownerTeamId: null, nextFollowUpAt: null, poolReason: '15 天未跟进，自动回收', version: 2 });
      const pooled = (await eventsOf(name)).filter((e) => e.type === 'pooled');
      expect(pooled).toHaveLength(1);
      expect(pooled[0]).toMatchObject({ fromValue: 'consultant', toValue: null, actorId: null, actorName: '系统', at: new Date('2026-12-07T16:00:00Z') });
    }
    expect(await row('王五')).toMatchObject({ stage: 'subscribed', inPool: false, ownerId: t.world.users.consultant.id });
    expect(await row('赵六')).toMatchObject({ inPool: false, ownerId: t.world.users.consultant.id });
    expect(await reclaimOverdueProspects(t.database.db, t.clock.now())).toBe(0);
    expect(await listed('consultant')).toEqual(['王五', '赵六'].sort());
  });

  it('lets consultants claim from the pool up to the project\'s daily limit', async () => {
    setClock('2026-12-08T02:00:00Z'); // 12-08 10:00 Shanghai
    const pool = await t.call('GET', `/api/v1/customer-pool?projectId=${t.world.a1.id}`, { cookie: await as('consultant2') });
    expect(pool.statusCode, pool.body).toBe(200);
    const items = (pool.json() as Page).items;
    expect(items.map((p) => p.customer.name).sort()).toEqual(['张三', '李四'].sort());
    expect(items.every((p) => p.inPool && p.owner === null && p.customer.mobileMasked)).toBe(true);
    expect((await t.call('GET', '/api/v1/customer-pool', { cookie: await as('a2cons') })).json().items).toEqual([]);

    const claimed = await t.call('POST', `/api/v1/interests/${id('张三')}/claim`, { cookie: await as('consultant2') });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json() as Interest).toMatchObject({ owner: { id: consultant2.id, name: '顾问二' }, inPool: false, poolReason: '', nextFollowUpAt: '2026-12-10T16:00:00.000Z' });
    expect(await row('张三')).toMatchObject({ ownerId: consultant2.id, ownerTeamId: t.world.teamA1.id, inPool: false });
    expect((await eventsOf('张三')).filter((e) => e.type === 'claimed')).toEqual([expect.objectContaining({ toValue: '顾问二', actorId: consultant2.id })]);
    expect((await t.call('POST', `/api/v1/interests/${id('张三')}/claim`, { cookie: await as('consultant') })).json().code).toBe('NOT_IN_POOL');

    const settings = { followUpDaysA: 3, followUpDaysB: 7, followUpDaysC: 30, reclaimDays: 15, poolClaimLimit: 1 };
    expect((await t.call('PUT', `/api/v1/projects/${t.world.a1.id}/sales-settings`, { cookie: await as('consultant'), body: settings })).statusCode).toBe(403);
    const put = await t.call('PUT', `/api/v1/projects/${t.world.a1.id}/sales-settings`, { cookie: await as('salesmgr'), body: settings });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.call('GET', `/api/v1/projects/${t.world.a1.id}/sales-settings`, { cookie: await as('consultant') })).json()).toMatchObject({ poolClaimLimit: 1 });

    const limited = await t.call('POST', `/api/v1/interests/${id('李四')}/claim`, { cookie: await as('consultant2') });
    expect(limited.statusCode).toBe(409);
    expect((limited.json() as Problem).code).toBe('POOL_CLAIM_LIMIT');
    expect(await row('李四')).toMatchObject({ inPool: true, ownerId: null });
    // The limit is per consultant: another may still claim today.
    const other = await t.call('POST', `/api/v1/interests/${id('李四')}/claim`, { cookie: await as('consultant') });
    expect(other.statusCode, other.body).toBe(200);
    expect(await row('李四')).toMatchObject({ ownerId: t.world.users.consultant.id, inPool: false });
  });

  it('reassigns one, many and all of a departing consultant\'s prospects, keeping every owner', async () => {
    await create('周一', 'B');
    await create('周二', 'B');
    await create('周三', 'C');
    const one = await reassign({ interestIds: [id('周一')], toOwnerId: consultant2.id, reason: '客户要求更换顾问' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ moved: 1 });
    const many = await reassign({ interestIds: [id('周二'), id('周三')], toOwnerId: consultant3.id, reason: '平衡工作量' });
    expect(many.json()).toEqual({ moved: 2 });
    // Everything consultant still holds: 王五 (subscribed), 赵六, 李四 (claimed).
    const all = await reassign({ fromOwnerId: t.world.users.consultant.id, toOwnerId: consultant3.id });
    expect(all.json()).toEqual({ moved: 3 });
    const departing = await reassign({ fromOwnerId: consultant2.id, toOwnerId: consultant3.id });
    expect(departing.json()).toEqual({ moved: 2 });

    expect(await listed('consultant')).toEqual([]);
    expect(await listed('consultant2')).toEqual([]);
    const everyone = ['张三', '李四', '王五', '赵六', '周一', '周二', '周三'];
    expect(await listed('consultant3')).toEqual([...everyone].sort());
    const mine: Page = (await t.call('GET', '/api/v1/customers?limit=100', { cookie: await as('consultant3') })).json();
    expect(mine.items.every((p) => !p.customer.mobileMasked && p.owner?.id === consultant3.id)).toBe(true);
    const board = await t.call('GET', '/api/v1/prospect-boards/mine', { cookie: await as('consultant3') });
    // Every handed-over prospect is new to its successor — 赵六 too, although the departing
    // consultant had called them before the hand-over.
    const newly = board.json().newlyAssigned as { items: Prospect[]; total: number };
    expect(newly.items.map((p) => p.customer.name).sort()).toEqual(['周一', '周二', '周三', '张三', '李四', '王五', '赵六'].sort());
    expect(newly.total).toBe(7);
    const team = (await t.call('GET', '/api/v1/prospect-boards/team', { cookie: await as('salesmgr') })).json().rows as { owner: { id: string }; newlyAssigned: number }[];
    expect(team.find((r) => r.owner.id === consultant3.id)?.newlyAssigned).toBe(7);
    // Once the successor calls, the prospect is no longer new.
    expect((await t.call('POST', `/api/v1/interests/${id('赵六')}/interactions`, { cookie: await as('consultant3'), body: { type: 'call_out', content: '交接后首次回访' } })).statusCode).toBe(201);
    const after = (await t.call('GET', '/api/v1/prospect-boards/mine', { cookie: await as('consultant3') })).json().newlyAssigned as { items: Prospect[]; total: number };
    expect(after.items.map((p) => p.customer.name)).not.toContain('赵六');
    expect(after.total).toBe(6);
    const stored = await t.database.db.select().from(projectInterests).where(inArray(projectInterests.id, everyone.map(id)));
    expect(stored.every((r) => r.ownerId === consultant3.id && r.ownerTeamId === t.world.teamA1.id)).toBe(true);

    const chain = async (name: string) => (await eventsOf(name)).filter((e) => e.type !== 'created').map((e) => `${e.type}:${e.fromValue ?? '-'}→${e.toValue ?? '-'}`);
    expect(await chain('周一')).toEqual(['owner:-→consultant', 'owner:consultant→顾问二', 'owner:顾问二→顾问三']);
    expect(await chain('张三')).toEqual(['owner:-→consultant', 'pooled:consultant→-', 'claimed:-→顾问二', 'owner:顾问二→顾问三']);
    const [last] = (await eventsOf('周一')).slice(-1);
    expect(last).toMatchObject({ reason: '离职交接', actorId: t.world.users.salesmgr.id });

    const audits = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'project_interest'), eq(auditLogs.entityId, id('周一'))));
    const moves = audits.filter((a) => a.changes?.ownerId);
    expect(moves.map((a) => a.changes?.ownerId)).toEqual([
      { before: t.world.users.consultant.id, after: consultant2.id },
      { before: consultant2.id, after: consultant3.id },
    ]);
    expect(moves[0].entityLabel).toContain('客户要求更换顾问');
    expect(moves[0]).toMatchObject({ action: 'update', actorId: t.world.users.salesmgr.id, companyId: t.world.companyA.id });
  });

  it('refuses a new owner not on the project, a consultant, and a reassignment without a reason', async () => {
    const eventsBefore = (await t.database.db.select().from(interestEvents)).length;
    const notOnProject = await reassign({ fromOwnerId: consultant3.id, toOwnerId: a2cons.id });
    expect(notOnProject.statusCode).toBe(400);
    expect((notOnProject.json() as Problem).errors?.[0].field).toBe('toOwnerId');
    const byConsultant = await reassign({ interestIds: [id('周一')], toOwnerId: consultant2.id }, 'consultant3');
    expect(byConsultant.statusCode).toBe(403);
    const noReason = await t.call('POST', '/api/v1/interests/reassign', { cookie: await as('salesmgr'), body: { interestIds: [id('周一')], toOwnerId: consultant2.id } });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as Problem).errors?.[0].field).toBe('reason');
    const nothing = await reassign({ toOwnerId: consultant2.id });
    expect(nothing.statusCode).toBe(400);
    expect((nothing.json() as Problem).errors?.[0].field).toBe('interestIds');
    expect(await row('周一')).toMatchObject({ ownerId: consultant3.id });
    expect(await t.database.db.select().from(interestEvents)).toHaveLength(eventsBefore);
  });
});
