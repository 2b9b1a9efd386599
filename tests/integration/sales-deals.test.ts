import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal, OwnedUnit, SalesBoard } from '../../src/common/contracts/sales.ts';
import { interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { deals, unitOwners } from '../../src/server/modules/sales/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { MINUTE } from '../../src/server/platform/clock.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; errors?: { field: string }[] };

// Units and deals: the sales-control board, pledge → subscription → contract, cancellation, a unit
// never sold twice, and who may see and do what.
describe.each(dbKinds())('units and deals on %s', (kind) => {
  let t: TestApp;
  let unitIds: string[] = [];
  const prospect = async (username: string, name: string, mobile: string, projectId = t.world.a1.id) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await t.as(username), body: { name, mobile, grade: 'A', projectId, sourceChannel: 'walk_in' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().interests[0].id as string;
  };
  const unitRow = async (id: string) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0];
  const interestRow = async (id: string) => (await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, id)))[0];
  const subscription = { stage: 'subscription', deposit: 50_000, paymentMethod: 'mortgage', contractDueDate: '2026-12-15' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    unitIds = (await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).orderBy(units.floor, units.number)).map((u) => u.id);
  });
  afterAll(() => t.close());

  let deal: Deal;
  let interestId = '';

  it('subscribes a unit for a consultant\'s prospect, moving the unit and the prospect together', async () => {
    interestId = await prospect('consultant', '郑爽', '13700000001');
    const res = await t.call('POST', '/api/v1/deals', { cookie: await t.as('consultant'), body: { interestId, unitId: unitIds[0], ...subscription } });
    expect(res.statusCode, res.body).toBe(201);
    deal = res.json();
    expect(deal).toMatchObject({ stage: 'subscription', status: 'active', deposit: 50_000, paymentMethod: 'mortgage', contractDueDate: '2026-12-15', customer: { name: '郑爽', mobile: '13700000001' } });
    expect((await unitRow(unitIds[0])).status).toBe('subscribed');
    expect((await interestRow(interestId)).stage).toBe('subscribed');
    const events = await t.database.db.select().from(interestEvents).where(and(eq(interestEvents.interestId, interestId), eq(interestEvents.type, 'stage')));
    expect(events.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(['potential→subscribed']);
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'deal'), eq(auditLogs.entityId, deal.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad terms and a unit of another project, writing nothing', async () => {
    const bad = await t.call('POST', '/api/v1/deals', { cookie: await t.as('consultant'), body: { interestId, unitId: unitIds[1], stage: 'subscription', deposit: -1, paymentMethod: 'cash', contractDueDate: '15/12/2026' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors?.map((e) => e.field).sort()).toEqual(['contractDueDate', 'deposit', 'paymentMethod']);
    const [otherUnit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingB1.id)).limit(1);
    const other = await t.call('POST', '/api/v1/deals', { cookie: await t.as('salesmgr'), body: { interestId, unitId: otherUnit.id, ...subscription } });
    expect(other.statusCode).toBe(400);
    expect((await t.database.db.select().from(deals)).length).toBe(1);
  });

  it('sells a unit once: of 50 simultaneous subscriptions exactly one succeeds', async () => {
    const interests: string[] = [];
    for (let i = 0; i < 50; i++) interests.push(await prospect('salesmgr', `抢购${i}`, `1360000${String(1000 + i)}`));
    const cookie = await t.as('salesmgr');
    const results = await Promise.all(interests.map((id) => t.call('POST', '/api/v1/deals', { cookie, body: { interestId: id, unitId: unitIds[2], ...subscription } })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(results.filter((r) => r.statusCode === 409).every((r) => (r.json() as Problem).code === 'UNIT_TAKEN')).toBe(true);
    expect(await t.database.db.select().from(deals).where(and(eq(deals.unitId, unitIds[2]), eq(deals.status, 'active')))).toHaveLength(1);
    // The losers' prospects did not move.
    const stages = await Promise.all(interests.map(async (id) => (await interestRow(id)).stage));
    expect(stages.filter((s) => s === 'subscribed')).toHaveLength(1);
  });

  it('signs the contract: the unit is contracted and the customer becomes its owner', async () => {
    const back = await t.call('POST', `/api/v1/deals/${deal.id}/advance`, { cookie: await t.as('consultant'), body: { ...subscription, version: deal.version } });
    expect(back.statusCode).toBe(409);
    const res = await t.call('POST', `/api/v1/deals/${deal.id}/advance`, { cookie: await t.as('consultant'), body: { stage: 'contract', version: deal.version, price: 3_280_000, signedOn: '2026-11-22' } });
    expect(res.statusCode, res.body).toBe(200);
    deal = res.json();
    expect(deal).toMatchObject({ stage: 'contract', price: 3_280_000, signedOn: '2026-11-22', deposit: 50_000 });
    expect(deal.contractedAt).not.toBeNull();
    expect((await unitRow(unitIds[0])).status).toBe('contracted');
    expect((await interestRow(interestId)).stage).toBe('contracted');
    const owners = await t.database.db.select().from(unitOwners).where(and(eq(unitOwners.unitId, unitIds[0]), isNull(unitOwners.endedAt)));
    expect(owners.map((o) => o.customerId)).toEqual([deal.customer.id]);
  });

  it('cancels with a reason: the unit is for sale again, the ownership ends, the unit sells anew', async () => {
    const noReason = await t.call('POST', `/api/v1/deals/${deal.id}/cancel`, { cookie: await t.as('consultant'), body: { version: deal.version, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const res = await t.call('POST', `/api/v1/deals/${deal.id}/cancel`, { cookie: await t.as('consultant'), body: { version: deal.version, reason: '贷款未获批' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '贷款未获批' });
    expect((await unitRow(unitIds[0])).status).toBe('available');
    expect((await interestRow(interestId)).stage).toBe('intending');
    expect(await t.database.db.select().from(unitOwners).where(and(eq(unitOwners.unitId, unitIds[0]), isNull(unitOwners.endedAt)))).toHaveLength(0);
    const again = await t.call('POST', `/api/v1/deals/${deal.id}/cancel`, { cookie: await t.as('consultant'), body: { version: res.json().version, reason: '重复' } });
    expect(again.statusCode).toBe(409);
    const next = await prospect('consultant', '周杰', '13700000002');
    const resold = await t.call('POST', '/api/v1/deals', { cookie: await t.as('consultant'), body: { interestId: next, unitId: unitIds[0], stage: 'pledge', pledgeAmount: 20_000 } });
    expect(resold.statusCode, resold.body).toBe(201);
    expect((await unitRow(unitIds[0])).status).toBe('reserved');
  });

  it('shows the board by building and floor, filtered in place, names only where the prospect is visible', async () => {
    const res = await t.call('GET', `/api/v1/projects/${t.world.a1.id}/sales-board?priceMax=1`, { cookie: await t.as('consultant') });
    expect(res.statusCode, res.body).toBe(200);
    const board: SalesBoard = res.json();
    const cells = board.buildings.flatMap((b) => b.floors.flatMap((f) => f.units));
    expect(cells).toHaveLength(unitIds.length);
    expect(board.counts).toMatchObject({ reserved: 1, subscribed: 1 });
    expect(cells.every((c) => !c.match)).toBe(true);
    const floors = board.buildings[0].floors.map((f) => f.floor);
    expect(floors).toEqual([...floors].sort((a, b) => b - a));
    const byId = new Map(cells.map((c) => [c.id, c]));
    expect(byId.get(unitIds[0])?.customerName).toBe('周杰');
    // The 50-way winner belongs to the sales manager's prospect: not the consultant's to see.
    expect(byId.get(unitIds[2])?.customerName).toBeNull();
    const manager: SalesBoard = (await t.call('GET', `/api/v1/projects/${t.world.a1.id}/sales-board`, { cookie: await t.as('salesmgr') })).json();
    expect(manager.buildings.flatMap((b) => b.floors.flatMap((f) => f.units)).find((c) => c.id === unitIds[2])?.customerName).toMatch(/^抢购\d+$/);
  });

  it('keeps each role to its scope', async () => {
    // Another consultant's deal is not there for this consultant; nor is another company's board.
    const [winner] = await t.database.db.select().from(deals).where(and(eq(deals.unitId, unitIds[2]), eq(deals.status, 'active')));
    expect((await t.call('GET', `/api/v1/deals/${winner.id}`, { cookie: await t.as('consultant') })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/deals/${winner.id}/cancel`, { cookie: await t.as('consultant'), body: { version: winner.version, reason: '试试' } })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/projects/${t.world.b1.id}/sales-board`, { cookie: await t.as('consultant') })).statusCode).toBe(404);
    const mine = await t.call('GET', '/api/v1/deals', { cookie: await t.as('consultant') });
    expect(mine.json().items).toHaveLength(2);
    expect(mine.json().items.every((d: Deal) => d.consultant?.id === t.world.users.consultant.id)).toBe(true);
    // Read-only roles and roles without sales see or do nothing more.
    expect((await t.call('GET', '/api/v1/deals', { cookie: await t.as('exec') })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/deals', { cookie: await t.as('exec'), body: { interestId, unitId: unitIds[3], ...subscription } })).statusCode).toBe(403);
    for (const u of ['property', 'engineer', 'broker', 'admin']) expect((await t.call('GET', '/api/v1/deals', { cookie: await t.as(u) })).statusCode, u).toBe(403);
    // Masking: the manager sees the consultant's buyer's mobile masked.
    const list = await t.call('GET', `/api/v1/deals?unitId=${unitIds[0]}`, { cookie: await t.as('salesmgr') });
    expect(list.json().items.map((d: Deal) => d.customer.mobile)).toEqual(['137****0002', '137****0001']);
  });

  it('finds deals by buyer name, unit number and consultant, and refuses a bad consultant id', async () => {
    const cookie = await t.as('salesmgr');
    const all = (await t.call('GET', '/api/v1/deals?limit=100', { cookie })).json().items as Deal[];
    expect(all.length).toBeGreaterThan(2);
    const some = all[0];
    const byName = (await t.call('GET', `/api/v1/deals?q=${encodeURIComponent(some.customer.name.slice(1))}`, { cookie })).json().items as Deal[];
    expect(byName.map((d) => d.id)).toEqual(all.filter((d) => d.customer.name.includes(some.customer.name.slice(1)) || d.unit.number === some.customer.name.slice(1)).map((d) => d.id));
    const byUnit = (await t.call('GET', `/api/v1/deals?q=${encodeURIComponent(some.unit.number)}`, { cookie })).json().items as Deal[];
    expect(byUnit.length).toBeGreaterThan(0);
    expect(byUnit.every((d) => d.unit.number === some.unit.number || d.customer.name.includes(some.unit.number))).toBe(true);
    const byConsultant = (await t.call('GET', `/api/v1/deals?consultantId=${t.world.users.consultant.id}`, { cookie })).json().items as Deal[];
    expect(byConsultant.map((d) => d.id)).toEqual(all.filter((d) => d.consultant?.id === t.world.users.consultant.id).map((d) => d.id));
    expect(byConsultant.length).toBeLessThan(all.length);
    const bad = await t.call('GET', '/api/v1/deals?consultantId=nope', { cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('lists a customer\'s deals and the units they own (业主) within the caller\'s scope; a 退房 ends the ownership', async () => {
    const { companyA, companyB, a2, b1 } = t.world;
    await seedUser(t.database.db, { username: 'a2cons', displayName: '滨江顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, projectIds: [a2.id] }, t.clock.now());
    await seedUser(t.database.db, { username: 'b1cons', displayName: '锦城顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyB.id, projectIds: [b1.id] }, t.clock.now());
    const cookie = await t.as('consultant');
    const buyerInterest = await prospect('consultant', '吴敏', '13700000011');
    const customerId = (await interestRow(buyerInterest)).customerId;
    const owned = async (username: string) => t.call('GET', `/api/v1/customers/${customerId}/units`, { cookie: await t.as(username) });
    const dealsOf = async (username: string) => (await t.call('GET', `/api/v1/deals?customerId=${customerId}`, { cookie: await t.as(username) })).json().items as Deal[];

    const sub = await t.call('POST', '/api/v1/deals', { cookie, body: { interestId: buyerInterest, unitId: unitIds[5], ...subscription } });
    expect(sub.statusCode, sub.body).toBe(201);
    let d: Deal = sub.json();
    expect((await owned('consultant')).json()).toEqual({ items: [] });
    t.clock.advance(MINUTE);
    const signed = await t.call('POST', `/api/v1/deals/${d.id}/advance`, { cookie, body: { stage: 'contract', version: d.version, price: 2_960_000, signedOn: '2026-11-23' } });
    expect(signed.statusCode, signed.body).toBe(200);
    d = signed.json();

    // The owner and the team's manager see the ownership and the deal; the filter keeps to the customer.
    for (const username of ['consultant', 'salesmgr']) {
      const res = await owned(username);
      expect(res.statusCode, res.body).toBe(200);
      const items: OwnedUnit[] = res.json().items;
      expect(items).toEqual([{
        id: expect.any(String), projectId: t.world.a1.id, projectName: '西溪项目', buildingName: '1 号楼', unit: expect.objectContaining({ id: unitIds[5] }),
        since: t.clock.now().toISOString(), dealId: d.id, price: 2_960_000, signedOn: '2026-11-23',
      }]);
      expect((await dealsOf(username)).map((x) => [x.id, x.stage, x.status, x.customer.id])).toEqual([[d.id, 'contract', 'active', customerId]]);
    }

    // A consultant of another project sees the customer once registered there, but neither the
    // a1 deal nor the a1 ownership; another company's consultant sees nothing of them at all.
    const there = await t.call('POST', `/api/v1/customers/${customerId}/interests`, { cookie: await t.as('a2cons'), body: { projectId: a2.id, channel: 'walk_in' } });
    expect(there.statusCode, there.body).toBe(201);
    expect((await owned('a2cons')).json()).toEqual({ items: [] });
    expect(await dealsOf('a2cons')).toEqual([]);
    expect((await t.call('GET', `/api/v1/deals/${d.id}`, { cookie: await t.as('a2cons') })).statusCode).toBe(404);
    const outside = await owned('b1cons');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('NOT_FOUND');
    expect(await dealsOf('b1cons')).toEqual([]);
    expect((await owned('property')).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/customers/nope/units', { cookie })).statusCode).toBe(400);

    // 退房: the deal stays in the list as cancelled with its reason, the unit is no longer theirs.
    const back = await t.call('POST', `/api/v1/deals/${d.id}/cancel`, { cookie, body: { version: d.version, reason: '家庭变故' } });
    expect(back.statusCode, back.body).toBe(200);
    expect((await owned('consultant')).json()).toEqual({ items: [] });
    expect((await dealsOf('consultant')).map((x) => [x.id, x.status, x.cancelReason])).toEqual([[d.id, 'cancelled', '家庭变故']]);
    const [ended] = await t.database.db.select().from(unitOwners).where(eq(unitOwners.dealId, d.id));
    expect(ended.endedAt).toEqual(t.clock.now());
  });

  // Last: it moves the clock's view of time 40 days on and reclaims other prospects.
  it('keeps a prospect holding a unit out of the public pool however long without follow-up', async () => {
    const { reclaimOverdueProspects } = await import('../../src/server/modules/customers/ownership.ts');
    const zhou = (await t.database.db.select().from(projectInterests).where(eq(projectInterests.stage, 'intending'))).find((i) => i.pledgedAt !== null && i.ownerId === t.world.users.consultant.id);
    expect(zhou).toBeDefined();
    await reclaimOverdueProspects(t.database.db, new Date(t.clock.now().getTime() + 40 * 86_400_000));
    expect((await interestRow(zhou!.id))).toMatchObject({ inPool: false, ownerId: t.world.users.consultant.id });
    // …while one whose deal was cancelled went back to the pool as usual.
    expect((await interestRow(interestId)).inPool).toBe(true);
  });
});
