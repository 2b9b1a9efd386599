import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/common/contracts/sales.ts';
import type { Registration } from '../../src/common/contracts/channels.ts';
import { CANCELLED_AFTER_WINDOW } from '../../src/server/modules/channels/rules.ts';
import { brokerRegistrations } from '../../src/server/modules/channels/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Commission eligibility across the deal window (a subscription inside it, the contract after it)
// and what 退订/退房 does to the broker's registration: commission taken back, the registration
// back to visited while its window is open or expired after it, audited.
describe.each(dbKinds())('broker commission and cancellations on %s', (kind) => {
  let t: TestApp;
  let unitIds: string[] = [];
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const moveClock = (iso: string) => {
    t.clock.set(new Date(iso));
    cookies.clear();
  };
  const regRow = async (id: string) => (await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, id)))[0];
  const auditOf = (entityId: string) => t.database.db.select().from(auditLogs).where(eq(auditLogs.entityId, entityId)).orderBy(auditLogs.id);
  const brought = async (name: string, mobile: string) => {
    const reg = await t.call('POST', '/api/v1/registrations', { cookie: await as('broker'), body: { projectId: t.world.a1.id, customerName: name, mobile } });
    expect(reg.statusCode, reg.body).toBe(201);
    const visit = await t.call('POST', `/api/v1/registrations/${reg.json().id}/visit`, { cookie: await as('consultant'), body: { version: reg.json().version, mobile } });
    expect(visit.statusCode, visit.body).toBe(200);
    return (await regRow(reg.json().id))!;
  };
  const post = async (path: string, body: object) => {
    const res = await t.call('POST', `/api/v1${path}`, { cookie: await as('consultant'), body });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as Deal;
  };
  const subscription = { stage: 'subscription', deposit: 200_000, paymentMethod: 'mortgage', contractDueDate: '2027-01-15' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    unitIds = (await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).orderBy(units.floor, units.number)).map((u) => u.id);
  });
  afterAll(() => t.close());

  let dealId = '';
  let regId = '';

  it('on contract: a subscription inside the window and the contract after it earns commission', async () => {
    // Visited 22 Nov 10:00 Shanghai; the project's deal window (30 days) ends 00:00 on 23 Dec Shanghai.
    const reg = await brought('祁先生', '13933330001');
    regId = reg.id;
    expect(reg.dealDueAt).toEqual(new Date('2026-12-22T16:00:00Z'));
    const sub = await post('/deals', { interestId: reg.interestId, unitId: unitIds[0], ...subscription });
    dealId = sub.id;
    expect(await regRow(regId)).toMatchObject({ status: 'dealt', commissionEligible: false, dealId });
    // The contract at 00:00 after the window's last day.
    moveClock('2026-12-22T16:00:00Z');
    const contract = await post(`/deals/${dealId}/advance`, { stage: 'contract', version: sub.version, price: 3_000_000, signedOn: '2026-12-23' });
    expect(contract.stage).toBe('contract');
    // Dealt when subscribed (inside the window); that first deal is what the window judged.
    expect(await regRow(regId)).toMatchObject({ status: 'dealt', commissionEligible: true, dealId, dealtAt: new Date('2026-11-22T02:00:00Z') });
  });

  it('退房 after the window: commission taken back, the registration expired with the reason, audited', async () => {
    moveClock('2027-01-10T02:00:00Z');
    const deal = (await t.call('GET', `/api/v1/deals/${dealId}`, { cookie: await as('consultant') })).json() as Deal;
    await post(`/deals/${dealId}/cancel`, { version: deal.version, reason: '客户资金问题' });
    expect(await regRow(regId)).toMatchObject({ status: 'expired', commissionEligible: false, dealId: null, dealtAt: null, endReason: CANCELLED_AFTER_WINDOW, endedAt: t.clock.now() });
    const audit = (await auditOf(regId)).at(-1)!;
    expect(audit).toMatchObject({ action: 'update', entityType: 'broker_registration', entityLabel: '祁先生 成交退订/退房：退房：客户资金问题', actorId: t.world.users.consultant.id });
    expect(audit.changes).toMatchObject({ status: { before: 'dealt', after: 'expired' }, commissionEligible: { before: true, after: false }, dealId: { before: dealId, after: null } });
    // The broker sees it, with the reason, and may appeal.
    const mine = (await t.call('GET', '/api/v1/broker/registrations', { cookie: await as('broker') })).json().items as Registration[];
    expect(mine.find((r) => r.id === regId)).toMatchObject({ status: 'expired', commissionEligible: false, endReason: CANCELLED_AFTER_WINDOW });
  });

  it('退订 inside the window: back to visited without commission; a new deal inside the window earns it again', async () => {
    const put = await t.call('PUT', `/api/v1/projects/${t.world.a1.id}/channel-settings`, { cookie: await as('salesmgr'), body: { mobileMode: 'full', visitDays: 7, dealDays: 30, commissionRule: 'down_payment' } });
    expect(put.statusCode, put.body).toBe(200);
    const reg = await brought('戚女士', '13933330002');
    const sub = await post('/deals', { interestId: reg.interestId, unitId: unitIds[1], ...subscription });
    expect(await regRow(reg.id)).toMatchObject({ status: 'dealt', commissionEligible: true, dealId: sub.id });
    moveClock('2027-01-20T02:00:00Z');
    await post(`/deals/${sub.id}/cancel`, { version: sub.version, reason: '换房' });
    const back = await regRow(reg.id);
    expect(back).toMatchObject({ status: 'visited', commissionEligible: false, dealId: null, dealtAt: null, endReason: '', endedAt: null, dealDueAt: reg.dealDueAt });
    expect((await auditOf(reg.id)).at(-1)!.changes).toMatchObject({ status: { before: 'dealt', after: 'visited' }, commissionEligible: { before: true, after: false } });
    const again = await post('/deals', { interestId: reg.interestId, unitId: unitIds[2], ...subscription });
    expect(await regRow(reg.id)).toMatchObject({ status: 'dealt', commissionEligible: true, dealId: again.id, dealtAt: t.clock.now() });
  });

  it('a cancelled pledge leaves the registration alone', async () => {
    const reg = await brought('钱先生', '13933330003');
    const pledge = await post('/deals', { interestId: reg.interestId, unitId: unitIds[3], stage: 'pledge', pledgeAmount: 20_000 });
    await post(`/deals/${pledge.id}/cancel`, { version: pledge.version, reason: '暂不购买' });
    expect(await regRow(reg.id)).toMatchObject({ status: 'visited', version: reg.version });
    expect((await auditOf(reg.id)).length).toBe(2);
  });
});
