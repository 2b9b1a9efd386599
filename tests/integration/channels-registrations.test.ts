import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../src/common/contracts/channels.ts';
import { brokerRegistrations } from '../../src/server/modules/channels/tables.ts';
import { expireRegistrations } from '../../src/server/modules/channels/registrations.ts';
import { projectInterests } from '../../src/server/modules/customers/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { DAY, HOUR } from '../../src/server/platform/clock.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; reason?: string; registrationId?: string; errors?: { field: string }[] };

// 报备 and 判客: first valid registration wins, protection windows, the office's visit
// confirmation, deals earning commission, expiry, appeals, and what a broker may see.
describe.each(dbKinds())('broker registrations on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const register = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/registrations', { cookie: await as(username), body: { projectId: t.world.a1.id, ...body } });
  let first: Registration;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedUser(t.database.db, { username: 'broker2', displayName: '第二经纪人', password: TEST_PASSWORD, role: 'channel_broker', companyId: t.world.companyA.id, projectIds: [t.world.a1.id] }, t.clock.now());
  });
  afterAll(() => t.close());

  it('registers a prospect with the full mobile and shows it masked to the broker', async () => {
    const projects = await t.call('GET', '/api/v1/broker/projects', { cookie: await as('broker') });
    expect(projects.json().items).toEqual([expect.objectContaining({ projectId: t.world.a1.id, mobileMode: 'full', visitDays: 7, dealDays: 30, commissionRule: 'contract', isDefault: true })]);
    const res = await register('broker', { customerName: '许诺', mobile: '13912345678', agency: '安居中介' });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
    expect(first).toMatchObject({ status: 'registered', mobile: '139****5678', customerName: '许诺', agency: '安居中介' });
    // Registered 2026-11-22 10:00 Shanghai: the visit window runs to the end of 29 November.
    expect(first.visitDueAt).toBe('2026-11-29T16:00:00.000Z');
  });

  it('refuses the same customer for another broker, keeping the refusal for an appeal', async () => {
    const res = await register('broker2', { customerName: '许先生', mobile: '13912345678' });
    expect(res.statusCode).toBe(409);
    const p: Problem = res.json();
    expect(p).toMatchObject({ code: 'REGISTRATION_REFUSED', reason: 'protected_by_other' });
    const [kept] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, p.registrationId!));
    expect(kept).toMatchObject({ status: 'rejected', brokerId: expect.any(String) });
    const again = await register('broker', { customerName: '许诺', mobile: '13912345678' });
    expect((again.json() as Problem).reason).toBe('already_registered');
  });

  it('refuses a customer the project already has (a walk-in), and a partial mobile where the full one is required', async () => {
    const walkIn = await t.call('POST', '/api/v1/customers', { cookie: await as('consultant'), body: { name: '自然来访', mobile: '13811112222', grade: 'B', projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(walkIn.statusCode).toBe(201);
    const res = await register('broker', { customerName: '自然来访', mobile: '13811112222' });
    expect((res.json() as Problem).reason).toBe('owned_by_project');
    const partial = await register('broker', { customerName: '半号', mobilePrefix: '137', mobileSuffix: '0000' });
    expect(partial.statusCode).toBe(400);
    expect((partial.json() as Problem).errors?.[0].field).toBe('mobile');
  });

  it('judges partial mobiles by their first three and last four digits where the project allows them', async () => {
    const put = await t.call('PUT', `/api/v1/projects/${t.world.a1.id}/channel-settings`, { cookie: await as('salesmgr'), body: { mobileMode: 'partial', visitDays: 3, dealDays: 10, commissionRule: 'down_payment' } });
    expect(put.statusCode, put.body).toBe(200);
    const owned = await register('broker2', { customerName: '自然来访', mobilePrefix: '138', mobileSuffix: '2222' });
    expect((owned.json() as Problem).reason).toBe('owned_by_project');
    const ok = await register('broker2', { customerName: '金女士', mobilePrefix: '136', mobileSuffix: '8888' });
    expect(ok.statusCode, ok.body).toBe(201);
    const clash = await register('broker', { customerName: '金', mobile: '13600008888' });
    expect((clash.json() as Problem).reason).toBe('protected_by_other');
  });

  it('lets only the office confirm a visit, with a full mobile that agrees with the registration', async () => {
    expect((await t.call('POST', `/api/v1/registrations/${first.id}/visit`, { cookie: await as('broker'), body: { version: first.version, mobile: '13912345678' } })).statusCode).toBe(403);
    const wrong = await t.call('POST', `/api/v1/registrations/${first.id}/visit`, { cookie: await as('consultant'), body: { version: first.version, mobile: '13912340000' } });
    expect(wrong.statusCode).toBe(400);
    t.clock.advance(2 * DAY);
    cookies.clear();
    const res = await t.call('POST', `/api/v1/registrations/${first.id}/visit`, { cookie: await as('consultant'), body: { version: first.version, mobile: '13912345678' } });
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
    expect(first).toMatchObject({ status: 'visited', mobile: '13912345678' });
    const [reg] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, first.id));
    const [interest] = await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, reg.interestId!));
    expect(interest).toMatchObject({ channel: 'broker', projectId: t.world.a1.id, ownerId: t.world.users.consultant.id });
    // The deal window was set when the visit was confirmed (the project's rules then: 10 days).
    expect(first.dealDueAt).toBe('2026-12-04T16:00:00.000Z');
  });

  it('earns commission by the project rule when the deal comes inside the window', async () => {
    const [reg] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, first.id));
    const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).limit(1);
    const pledge = await t.call('POST', '/api/v1/deals', { cookie: await as('consultant'), body: { interestId: reg.interestId, unitId: unit.id, stage: 'pledge', pledgeAmount: 10_000 } });
    expect(pledge.statusCode, pledge.body).toBe(201);
    expect((await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, first.id)))[0]).toMatchObject({ status: 'visited', commissionEligible: false });
    const sub = await t.call('POST', `/api/v1/deals/${pledge.json().id}/advance`, { cookie: await as('consultant'), body: { stage: 'subscription', version: pledge.json().version, deposit: 300_000, paymentMethod: 'full', contractDueDate: '2026-12-20' } });
    expect(sub.statusCode, sub.body).toBe(200);
    // down_payment rule: the subscription's down payment earns it.
    const [after] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, first.id));
    expect(after).toMatchObject({ status: 'dealt', commissionEligible: true, dealId: pledge.json().id });
    const mine = await t.call('GET', '/api/v1/broker/registrations', { cookie: await as('broker') });
    const shown = (mine.json().items as Registration[]).find((r) => r.id === first.id);
    expect(shown).toMatchObject({ status: 'dealt', commissionEligible: true, mobile: '139****5678' });
  });

  it('expires a registration whose window passed; the broker appeals and the manager upholds it', async () => {
    const [jin] = await t.database.db.select().from(brokerRegistrations).where(and(eq(brokerRegistrations.customerName, '金女士'), eq(brokerRegistrations.status, 'registered')));
    expect(jin.visitDueAt.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    t.clock.set(new Date(jin.visitDueAt.getTime() - HOUR));
    expect(await expireRegistrations(t.database.db, t.clock.now())).toBe(0);
    t.clock.set(jin.visitDueAt);
    cookies.clear();
    expect(await expireRegistrations(t.database.db, t.clock.now())).toBe(1);
    // Once expired, another broker may register the customer.
    const now = await register('broker', { customerName: '金女士', mobilePrefix: '136', mobileSuffix: '8888' });
    expect(now.statusCode).toBe(201);
    const appeal = await t.call('POST', `/api/v1/registrations/${jin.id}/appeals`, { cookie: await as('broker2'), body: { reason: '客户出差，已约定下周到访' } });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect((await t.call('POST', `/api/v1/registrations/${jin.id}/appeals`, { cookie: await as('broker2'), body: { reason: '再申诉' } })).statusCode).toBe(409);
    // Someone else's registration cannot be appealed by this broker.
    expect((await t.call('POST', `/api/v1/registrations/${first.id}/appeals`, { cookie: await as('broker2'), body: { reason: 'x' } })).statusCode).toBe(404);
    const pending = await t.call('GET', '/api/v1/registration-appeals?status=pending', { cookie: await as('salesmgr') });
    expect(pending.json().items.map((a: { id: string }) => a.id)).toEqual([appeal.json().id]);
    expect((await t.call('GET', '/api/v1/registration-appeals', { cookie: await as('consultant') })).statusCode).toBe(403);
    // Upholding it would overrule broker's later registration of 金女士: the manager must say why.
    const noReason = await t.call('POST', `/api/v1/registration-appeals/${appeal.json().id}/decide`, { cookie: await as('salesmgr'), body: { approve: true, note: '' } });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as Problem).errors?.map((e) => e.field)).toEqual(['note']);
    const decided = await t.call('POST', `/api/v1/registration-appeals/${appeal.json().id}/decide`, { cookie: await as('salesmgr'), body: { approve: false, note: '客户已由他人重新报备' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'rejected', registration: { status: 'expired' } });
    const mine = await t.call('GET', '/api/v1/broker/appeals', { cookie: await as('broker2') });
    expect(mine.json().items).toEqual([expect.objectContaining({ status: 'rejected', decisionNote: '客户已由他人重新报备' })]);
    expect((await t.call('GET', '/api/v1/broker/appeals', { cookie: await as('broker') })).json().items).toEqual([]);
  });

  it('upholds an appeal with a fresh window when nobody else claims the customer', async () => {
    const refused = await register('broker2', { customerName: '冯先生', mobile: '13900009999' });
    expect(refused.statusCode).toBe(201);
    const id = (refused.json() as Registration).id;
    t.clock.advance(4 * DAY);
    cookies.clear();
    await expireRegistrations(t.database.db, t.clock.now());
    const appeal = await t.call('POST', `/api/v1/registrations/${id}/appeals`, { cookie: await as('broker2'), body: { reason: '客户住院，延后到访' } });
    const decided = await t.call('POST', `/api/v1/registration-appeals/${appeal.json().id}/decide`, { cookie: await as('salesmgr'), body: { approve: true, note: '情况属实' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', registration: { status: 'registered' } });
    expect(new Date(decided.json().registration.visitDueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
  });

  it('gives a customer recorded as a walk-in during a broker\'s protection to the broker', async () => {
    const reg = await register('broker', { customerName: '林小姐', mobile: '13955550000' });
    expect(reg.statusCode).toBe(201);
    const walkIn = await t.call('POST', '/api/v1/customers', { cookie: await as('consultant'), body: { name: '林小姐', mobile: '13955550000', grade: 'A', projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(walkIn.statusCode).toBe(201);
    const confirmed = await t.call('POST', `/api/v1/registrations/${reg.json().id}/visit`, { cookie: await as('consultant'), body: { version: reg.json().version, mobile: '13955550000' } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [stored] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, reg.json().id));
    expect(stored.interestId).toBe(walkIn.json().interests[0].id);
    expect((await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, stored.interestId!)))[0].channel).toBe('broker');
  });

  it('shows a broker only their own registrations', async () => {
    const mine = await t.call('GET', '/api/v1/broker/registrations?limit=200', { cookie: await as('broker2') });
    const items = mine.json().items as Registration[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.broker.name === '第二经纪人')).toBe(true);
    expect(items.every((r) => /^\d{3}\*{4}\d{4}$/.test(r.mobile))).toBe(true);
    expect((await t.call('GET', '/api/v1/registrations', { cookie: await as('broker2') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/deals', { cookie: await as('broker2') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/customers', { cookie: await as('broker2') })).statusCode).toBe(403);
    // Executives read every registration (group scope) but may not confirm visits.
    const all = await t.call('GET', '/api/v1/registrations?limit=200', { cookie: await as('exec') });
    expect(all.json().items.length).toBeGreaterThan(items.length);
    expect((await t.call('POST', `/api/v1/registrations/${first.id}/visit`, { cookie: await as('exec'), body: { version: 1, mobile: '13912345678' } })).statusCode).toBe(403);
    // Property staff of company B have no channel rights at all.
    expect((await t.call('GET', '/api/v1/registrations', { cookie: await as('property') })).statusCode).toBe(403);
  });
});
