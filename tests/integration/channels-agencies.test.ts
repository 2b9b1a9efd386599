import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, AgencyDetail } from '../../src/common/contracts/agencies.ts';
import type { Registration } from '../../src/common/contracts/channels.ts';
import { brokerRegistrations } from '../../src/server/modules/channels/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; errors?: { field: string; message: string }[] };
const BODY = { name: '杭城安家置业西湖店', contactName: '郑经理', contactMobile: '13605710001', note: '西湖区门店' };

// 渠道机构: records with a version, unique names per company, brokers who belong to one agency,
// registrations under the agency's name, suspension refusing new registrations, and who may see what.
describe.each(dbKinds())('channel agencies on %s', (kind) => {
  let t: TestApp;
  let agency: AgencyDetail;
  let second: AgencyDetail;
  let brokerB = '';
  const call = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => t.call(method, url, { cookie: await t.as(username), body });
  const register = (customerName: string, mobile: string, agencyText = '') => call('broker', 'POST', '/api/v1/registrations', { projectId: t.world.a1.id, customerName, mobile, agency: agencyText });
  const registrationCount = async () => Number((await t.database.db.select({ n: count() }).from(brokerRegistrations))[0].n);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const u = (username: string, role: 'sales_manager' | 'channel_broker', companyId: string, projectIds: string[]) =>
      seedUser(t.database.db, { username, displayName: username, password: TEST_PASSWORD, role, companyId, projectIds }, t.clock.now());
    await u('mgrb', 'sales_manager', t.world.companyB.id, [t.world.b1.id]);
    brokerB = (await u('brokerb', 'channel_broker', t.world.companyB.id, [t.world.b1.id])).id;
  });
  afterAll(() => t.close());

  it('creates an agency for the caller\'s company and audits it', async () => {
    const res = await call('marketing', 'POST', '/api/v1/channel-agencies', BODY);
    expect(res.statusCode, res.body).toBe(201);
    agency = res.json();
    expect(agency).toMatchObject({ ...BODY, companyId: t.world.companyA.id, companyName: '杭州公司', status: 'active', version: 1, brokers: [], from: '2026-11-01', to: '2026-11-30' });
    expect(agency.stats).toEqual({ brokers: 0, registrations: 0, visits: 0, deals: 0, commissionEligible: 0 });
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'channel_agency'), eq(auditLogs.entityId, agency.id)));
    expect(entry).toMatchObject({ action: 'create', entityLabel: BODY.name, companyId: t.world.companyA.id });
    second = (await call('salesmgr', 'POST', '/api/v1/channel-agencies', { ...BODY, name: '钱塘房产经纪', contactMobile: '13605710002' })).json();
    expect(second.status).toBe('active');
  });

  it('answers invalid input with 400 and Chinese field errors, never a 500', async () => {
    const res = await call('marketing', 'POST', '/api/v1/channel-agencies', { name: ' ', contactMobile: '12345' });
    expect(res.statusCode).toBe(400);
    const p: Problem = res.json();
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors?.map((e) => e.field).sort()).toEqual(['contactMobile', 'contactName', 'name']);
    expect(p.errors?.find((e) => e.field === 'contactMobile')?.message).toBe('请输入正确的 11 位手机号');
    const tooLong = await call('marketing', 'PATCH', `/api/v1/channel-agencies/${agency.id}`, { version: agency.version, note: '长'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect((await call('marketing', 'POST', '/api/v1/channel-agencies', { ...BODY, name: '某公司', companyId: t.world.companyB.id })).statusCode).toBe(400);
    expect((await call('marketing', 'GET', '/api/v1/channel-agencies?status=closed')).statusCode).toBe(400);
    expect((await call('marketing', 'GET', '/api/v1/channel-agencies?cursor=bad')).statusCode).toBe(400);
    expect((await call('marketing', 'GET', '/api/v1/channel-agencies?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
  });

  it('keeps names unique per company and refuses a stale version', async () => {
    const dup = await call('marketing', 'POST', '/api/v1/channel-agencies', { ...BODY, contactMobile: '13605710003' });
    expect(dup.statusCode).toBe(409);
    expect((dup.json() as Problem).code).toBe('AGENCY_NAME_TAKEN');
    // Another company may cooperate with an agency of the same name.
    expect((await call('mgrb', 'POST', '/api/v1/channel-agencies', BODY)).statusCode).toBe(201);

    const res = await call('marketing', 'PATCH', `/api/v1/channel-agencies/${agency.id}`, { version: 1, contactName: '郑丽', note: '' });
    expect(res.statusCode, res.body).toBe(200);
    agency = res.json();
    expect(agency).toMatchObject({ name: BODY.name, contactName: '郑丽', note: '', version: 2 });
    const stale = await call('salesmgr', 'PATCH', `/api/v1/channel-agencies/${agency.id}`, { version: 1, contactName: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    const clash = await call('marketing', 'PATCH', `/api/v1/channel-agencies/${agency.id}`, { version: 2, name: '钱塘房产经纪' });
    expect((clash.json() as Problem).code).toBe('AGENCY_NAME_TAKEN');
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, agency.id), eq(auditLogs.action, 'update')));
    expect(entry.changes).toEqual({ contactName: { before: '郑经理', after: '郑丽' }, note: { before: '西湖区门店', after: '' } });
  });

  it('lets only channel managers write, and keeps each company\'s agencies to itself', async () => {
    for (const user of ['broker', 'consultant', 'exec']) {
      expect((await call(user, 'POST', '/api/v1/channel-agencies', BODY)).statusCode, user).toBe(403);
      expect((await call(user, 'POST', `/api/v1/channel-agencies/${agency.id}/suspend`, { version: agency.version })).statusCode, user).toBe(403);
    }
    expect((await call('broker', 'GET', '/api/v1/channel-agencies')).statusCode).toBe(403);
    for (const [method, url, body] of [
      ['GET', `/api/v1/channel-agencies/${agency.id}`, undefined],
      ['PATCH', `/api/v1/channel-agencies/${agency.id}`, { version: agency.version, name: '改名' }],
      ['POST', `/api/v1/channel-agencies/${agency.id}/suspend`, { version: agency.version }],
      ['POST', `/api/v1/channel-agencies/${agency.id}/brokers`, { brokerId: brokerB }],
    ] as const) {
      const res = await call('mgrb', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect((res.json() as Problem).code).toBe('AGENCY_NOT_FOUND');
    }
    const theirs = (await call('mgrb', 'GET', '/api/v1/channel-agencies')).json().items as Agency[];
    expect(theirs.map((a) => a.companyId)).toEqual([t.world.companyB.id]);
  });

  it('lists with search, status filter and pages; readers see the contact masked', async () => {
    const all = (await call('salesmgr', 'GET', '/api/v1/channel-agencies')).json();
    expect(all.items.map((a: Agency) => a.name).sort()).toEqual(['杭城安家置业西湖店', '钱塘房产经纪'].sort());
    expect(all).toMatchObject({ from: '2026-11-01', to: '2026-11-30', nextCursor: null });
    const found = (await call('salesmgr', 'GET', `/api/v1/channel-agencies?q=${encodeURIComponent('钱塘')}`)).json().items as Agency[];
    expect(found.map((a) => a.id)).toEqual([second.id]);
    const first = (await call('salesmgr', 'GET', '/api/v1/channel-agencies?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const next = (await call('salesmgr', 'GET', `/api/v1/channel-agencies?limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((a: Agency) => a.id)).not.toContain(first.items[0].id);
    expect(next.nextCursor).toBeNull();
    const read = (await call('consultant', 'GET', `/api/v1/channel-agencies/${agency.id}`)).json() as AgencyDetail;
    expect(read.contactMobile).toBe('136****0001');
    // Executives (group) read every company's agencies.
    expect((await call('exec', 'GET', '/api/v1/channel-agencies')).json().items).toHaveLength(3);
  });

  it('adds only the company\'s brokers, each to one agency at most', async () => {
    const candidates = (await call('salesmgr', 'GET', `/api/v1/channel-agencies/${agency.id}/broker-candidates`)).json().items;
    expect(candidates).toEqual([{ id: t.world.users.broker.id, name: 'broker', username: 'broker', agency: null }]);
    const other = await call('salesmgr', 'POST', `/api/v1/channel-agencies/${agency.id}/brokers`, { brokerId: brokerB });
    expect(other.statusCode).toBe(400);
    expect((other.json() as Problem).errors?.[0].field).toBe('brokerId');
    expect((await call('salesmgr', 'POST', `/api/v1/channel-agencies/${agency.id}/brokers`, { brokerId: t.world.users.consultant.id })).statusCode).toBe(400);
    const added = await call('salesmgr', 'POST', `/api/v1/channel-agencies/${agency.id}/brokers`, { brokerId: t.world.users.broker.id });
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as AgencyDetail).brokers).toEqual([expect.objectContaining({ id: t.world.users.broker.id, name: 'broker' })]);
    const twice = await call('salesmgr', 'POST', `/api/v1/channel-agencies/${second.id}/brokers`, { brokerId: t.world.users.broker.id });
    expect(twice.statusCode).toBe(409);
    expect((twice.json() as Problem).code).toBe('BROKER_IN_AGENCY');
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, agency.id), eq(auditLogs.entityLabel, `${BODY.name} 加入经纪人 broker`)));
    expect(entry).toBeDefined();
  });

  it('registers under the agency\'s name, whatever the broker types', async () => {
    expect((await call('broker', 'GET', '/api/v1/broker/agency')).json()).toEqual({ agency: { id: agency.id, name: BODY.name, status: 'active' } });
    const res = await register('许诺', '13912345678', '乱填的机构');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ agency: BODY.name, agencyId: agency.id });
    const [stored] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, (res.json() as Registration).id));
    expect(stored).toMatchObject({ agency: BODY.name, agencyId: agency.id });
    const mine = (await call('broker', 'GET', '/api/v1/broker/registrations')).json().items as Registration[];
    expect(mine[0].agency).toBe(BODY.name);
  });

  it('refuses registrations while the agency is suspended, storing nothing, and allows them again on resume', async () => {
    const suspended = await call('salesmgr', 'POST', `/api/v1/channel-agencies/${agency.id}/suspend`, { version: agency.version });
    expect(suspended.statusCode, suspended.body).toBe(200);
    agency = suspended.json();
    expect(agency.status).toBe('suspended');
    expect((await call('salesmgr', 'POST', `/api/v1/channel-agencies/${agency.id}/suspend`, { version: agency.version })).statusCode).toBe(409);
    expect((await call('broker', 'GET', '/api/v1/broker/agency')).json().agency.status).toBe('suspended');

    const before = await registrationCount();
    const refused = await register('冯先生', '13900009999');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'AGENCY_SUSPENDED', detail: '所属机构已暂停合作，暂不能报备', agencyName: BODY.name });
    expect(await registrationCount()).toBe(before);

    const resumed = await call('marketing', 'POST', `/api/v1/channel-agencies/${agency.id}/resume`, { version: agency.version });
    expect(resumed.statusCode, resumed.body).toBe(200);
    agency = resumed.json();
    expect(agency.status).toBe('active');
    expect((await register('冯先生', '13900009999')).statusCode).toBe(201);
    const actions = await t.database.db.select({ label: auditLogs.entityLabel }).from(auditLogs).where(eq(auditLogs.entityId, agency.id)).orderBy(asc(auditLogs.at), asc(auditLogs.id));
    expect(actions.map((a) => a.label)).toEqual(expect.arrayContaining([`${BODY.name} 暂停合作`, `${BODY.name} 恢复合作`]));
  });

  it('counts the agency\'s brokers and registrations for the chosen period', async () => {
    const [listed] = ((await call('salesmgr', 'GET', `/api/v1/channel-agencies?q=${encodeURIComponent('安家')}`)).json().items as Agency[]);
    expect(listed.stats).toEqual({ brokers: 1, registrations: 2, visits: 0, deals: 0, commissionEligible: 0 });
    const december = (await call('salesmgr', 'GET', `/api/v1/channel-agencies/${agency.id}?from=2026-12-01&to=2026-12-31`)).json() as AgencyDetail;
    expect(december).toMatchObject({ from: '2026-12-01', to: '2026-12-31', stats: { brokers: 1, registrations: 0 } });
  });

  it('a broker removed from the agency registers independently again; earlier registrations keep the agency', async () => {
    expect((await call('salesmgr', 'DELETE', `/api/v1/channel-agencies/${agency.id}/brokers/${brokerB}`)).statusCode).toBe(404);
    const removed = await call('salesmgr', 'DELETE', `/api/v1/channel-agencies/${agency.id}/brokers/${t.world.users.broker.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as AgencyDetail).brokers).toEqual([]);
    expect((await call('broker', 'GET', '/api/v1/broker/agency')).json()).toEqual({ agency: null });
    const res = await register('林小姐', '13955550000', '自由经纪');
    expect(res.json()).toMatchObject({ agency: '自由经纪', agencyId: null });
    const kept = await t.database.db.select({ n: count() }).from(brokerRegistrations).where(eq(brokerRegistrations.agencyId, agency.id));
    expect(Number(kept[0].n)).toBe(2);
  });
});
