import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Prospect } from '../../src/common/contracts/customers.ts';
import { customerConsents, customers, interactions, interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { MINUTE } from '../../src/server/platform/clock.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; errors?: { field: string; message: string }[] };
type Entry = { kind: string; content: string; from: string | null; to: string | null };
type PersonalData = {
  exportedAt: string;
  customer: Record<string, unknown>;
  projectInterests: { id: string; projectId: string; stage: string }[];
  interactions: { content: string; nextAction: string }[];
  history: { type: string }[];
  consents: { purpose: string; channel: string }[];
  deals: { id: string; projectName: string; buildingName: string; unitNumber: string; stage: string; status: string; price: number | null; deposit: number | null; cancelReason: string }[];
  ownedUnits: { unitNumber: string; dealId: string; since: string; endedAt: string | null; current: boolean }[];
};

// A customer's rights over their personal data: a complete export, and erasure that anonymises
// the person while the sales statistics (stages, counts) stay.
describe.each(dbKinds())('personal data requests on %s', (kind) => {
  let t: TestApp;
  const mobile = '15912345678';
  const idNumber = '11010519491231002X';
  let customerId = '';
  let interestId = '';
  let b1CustomerId = '';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyB, b1, a1 } = t.world;
    await seedUser(t.database.db, { username: 'b1cons', displayName: '锦城顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyB.id, projectIds: [b1.id] }, t.clock.now());
    const cookie = await t.as('consultant');
    const created = await t.call('POST', '/api/v1/customers', {
      cookie,
      body: {
        name: '陈静', mobile, idNumber, projectId: a1.id, sourceChannel: 'owner_referral', grade: 'A', buyerType: 'second_purchase', familySegment: 'children_first',
        occupation: '教师', residenceArea: '西湖区文三路', workArea: '滨江区', familyStructure: '三口之家', decisionMaker: '丈夫王刚', competingProjects: '隔壁楼盘',
        referrerName: '业主刘先生', tags: ['学区', '改善'], needLayout: '三室', consent: { purposes: ['marketing', 'data_processing'], channel: 'onsite' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c: Customer = created.json();
    customerId = c.id;
    interestId = c.interests[0].id;
    t.clock.advance(MINUTE);
    const follow = await t.call('POST', `/api/v1/interests/${interestId}/interactions`, { cookie, body: { type: 'visit', content: '陈女士说孩子明年上小学，丈夫在滨江上班', nextAction: '周六带看 3 号楼' } });
    expect(follow.statusCode, follow.body).toBe(201);
    t.clock.advance(MINUTE);
    expect((await t.call('PATCH', `/api/v1/interests/${interestId}`, { cookie, body: { stage: 'intending', version: 1 } })).statusCode).toBe(200);
    const other = await t.call('POST', '/api/v1/customers', { cookie: await t.as('b1cons'), body: { name: '成都客户', mobile: '15900009999', projectId: b1.id, sourceChannel: 'walk_in' } });
    b1CustomerId = (other.json() as Customer).id;
  });
  afterAll(() => t.close());

  const exportAudits = () => t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'export'), eq(auditLogs.entityId, customerId)));

  it('exports everything held on the customer and audits the export', async () => {
    const res = await t.call('GET', `/api/v1/customers/${customerId}/personal-data`, { cookie: await t.as('crm') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="customer-${customerId}.json"`);
    const data: PersonalData = res.json();
    expect(data.customer).toMatchObject({ id: customerId, name: '陈静', mobile, idNumber, occupation: '教师', residenceArea: '西湖区文三路', referrerName: '业主刘先生', tags: ['学区', '改善'] });
    expect(data.customer).not.toHaveProperty('namePinyin');
    expect(data.projectInterests).toEqual([expect.objectContaining({ id: interestId, projectId: t.world.a1.id, stage: 'intending' })]);
    expect(data.interactions).toEqual([expect.objectContaining({ content: '陈女士说孩子明年上小学，丈夫在滨江上班', nextAction: '周六带看 3 号楼' })]);
    expect(data.history.map((e) => e.type).sort()).toEqual(['created', 'owner', 'stage']);
    expect(data.consents.map((c) => c.purpose).sort()).toEqual(['data_processing', 'marketing']);

    const audits = await exportAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'customer', actorId: t.world.users.crm.id });
    expect(JSON.stringify(audits[0])).not.toContain(mobile);
  });

  it('exports the customer\'s deals and the units they own, ended ownerships marked as such', async () => {
    // A buyer of the sales manager's (the consultant's own lists stay as the later steps expect).
    const cookie = await t.as('salesmgr');
    const created = await t.call('POST', '/api/v1/customers', { cookie, body: { name: '林峰', mobile: '15911112222', projectId: t.world.a1.id, sourceChannel: 'walk_in', grade: 'A' } });
    expect(created.statusCode, created.body).toBe(201);
    const buyer: Customer = created.json();
    const unitRows = await t.database.db.select({ id: units.id, number: units.number }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).orderBy(units.floor, units.number).limit(2);
    const contract = { stage: 'contract', interestId: buyer.interests[0].id, price: 3_150_000, signedOn: '2026-11-20' };
    const kept = await t.call('POST', '/api/v1/deals', { cookie, body: { ...contract, unitId: unitRows[0].id } });
    expect(kept.statusCode, kept.body).toBe(201);
    t.clock.advance(MINUTE);
    const returned = await t.call('POST', '/api/v1/deals', { cookie, body: { ...contract, unitId: unitRows[1].id, price: 2_800_000 } });
    expect(returned.statusCode, returned.body).toBe(201);
    t.clock.advance(MINUTE);
    expect((await t.call('POST', `/api/v1/deals/${returned.json().id}/cancel`, { cookie, body: { version: returned.json().version, reason: '换房' } })).statusCode).toBe(200);

    const res = await t.call('GET', `/api/v1/customers/${buyer.id}/personal-data`, { cookie: await t.as('crm') });
    expect(res.statusCode, res.body).toBe(200);
    const data: PersonalData = res.json();
    expect(data.deals).toEqual([
      expect.objectContaining({ id: returned.json().id, projectName: '西溪项目', buildingName: '1 号楼', unitNumber: unitRows[1].number, stage: 'contract', status: 'cancelled', price: 2_800_000, cancelReason: '换房' }),
      expect.objectContaining({ id: kept.json().id, unitNumber: unitRows[0].number, stage: 'contract', status: 'active', price: 3_150_000 }),
    ]);
    expect(data.ownedUnits.map((o) => [o.unitNumber, o.dealId, o.current, o.endedAt === null])).toEqual([
      [unitRows[1].number, returned.json().id, false, false],
      [unitRows[0].number, kept.json().id, true, true],
    ]);
  });

  it('refuses the export and erasure to roles without customers.rights and outside the scope', async () => {
    for (const username of ['consultant', 'salesmgr', 'marketing', 'exec']) {
      const cookie = await t.as(username);
      expect((await t.call('GET', `/api/v1/customers/${customerId}/personal-data`, { cookie })).statusCode, username).toBe(403);
      expect((await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie, body: { reason: '客户申请' } })).statusCode, username).toBe(403);
    }
    expect((await t.call('GET', `/api/v1/customers/${b1CustomerId}/personal-data`, { cookie: await t.as('crm') })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/customers/${b1CustomerId}/erase`, { cookie: await t.as('crm'), body: { reason: '客户申请' } })).statusCode).toBe(404);
    const noReason = await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie: await t.as('groupcr'), body: {} });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as Problem).errors?.[0].field).toBe('reason');
    expect(await exportAudits()).toHaveLength(1);
    const [stored] = await t.database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(stored).toMatchObject({ name: '陈静', mobile, erasedAt: null });
  });

  it('erases the person on request, keeping stages, history and counts', async () => {
    const eventsBefore = await t.database.db.select().from(interestEvents).where(eq(interestEvents.customerId, customerId));
    t.clock.advance(MINUTE);
    const res = await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie: await t.as('groupcr'), body: { reason: '客户书面申请删除个人信息' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const [c] = await t.database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(c).toMatchObject({
      name: '已删除客户', namePinyin: '', nameInitials: '', mobile: `erased:${customerId}`, mobileTail: '', idNumber: null, occupation: '', residenceArea: '', workArea: '',
      familyStructure: '', decisionMaker: '', competingProjects: '', referrerName: '', tags: [], erasedAt: t.clock.now(),
      // Statistics stay.
      sourceChannel: 'owner_referral', buyerType: 'second_purchase', familySegment: 'children_first',
    });
    const stored = JSON.stringify(c);
    for (const personal of ['陈静', mobile, idNumber, '文三路', '王刚', '刘先生']) expect(stored).not.toContain(personal);

    const acts = await t.database.db.select().from(interactions).where(eq(interactions.customerId, customerId));
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ content: '（内容已按客户要求删除）', nextAction: '', type: 'visit' });
    const [interest] = await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, customerId));
    expect(interest).toMatchObject({ id: interestId, stage: 'intending', grade: 'A', ownerId: t.world.users.consultant.id });
    expect(await t.database.db.select().from(interestEvents).where(eq(interestEvents.customerId, customerId))).toEqual(eventsBefore);
    expect(await t.database.db.select().from(customerConsents).where(eq(customerConsents.customerId, customerId))).toHaveLength(2);

    const [audit] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'delete'), eq(auditLogs.entityId, customerId)));
    expect(audit).toMatchObject({ entityType: 'customer', actorId: t.world.users.groupcr.id });
    expect(audit.entityLabel).toContain('客户书面申请删除个人信息');

    // What the owner sees now.
    const cookie = await t.as('consultant');
    const detail: Customer = (await t.call('GET', `/api/v1/customers/${customerId}`, { cookie })).json();
    expect(detail).toMatchObject({ name: '已删除客户', mobile: '已删除', mobileMasked: true, idNumber: null, erased: true });
    const timeline: Entry[] = (await t.call('GET', `/api/v1/customers/${customerId}/timeline`, { cookie })).json().items;
    expect(timeline.map((e) => e.kind).sort()).toEqual(['created', 'interaction', 'owner', 'stage']);
    expect(timeline.find((e) => e.kind === 'interaction')?.content).toBe('（内容已按客户要求删除）');
    expect(timeline.find((e) => e.kind === 'stage')).toMatchObject({ from: 'potential', to: 'intending' });
    const list: Prospect[] = (await t.call('GET', '/api/v1/customers?limit=100', { cookie })).json().items;
    expect(list.map((p) => p.customer)).toEqual([expect.objectContaining({ id: customerId, name: '已删除客户', mobile: '已删除' })]);
    for (const q of ['陈静', 'chenjing', 'cj', '5678', mobile]) {
      expect((await t.call('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`, { cookie })).json().items, q).toEqual([]);
    }

    const again = await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie: await t.as('groupcr'), body: { reason: '重复申请' } });
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).code).toBe('CUSTOMER_ERASED');
    expect((await t.call('POST', `/api/v1/customers/${customerId}/reveal`, { cookie: await t.as('salesmgr'), body: { field: 'mobile', reason: '核实' } })).statusCode).toBe(409);
  });

  it('lets the same mobile be registered again as a new customer', async () => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await t.as('consultant'), body: { name: '陈静', mobile, projectId: t.world.a1.id, sourceChannel: 'walk_in', grade: 'B' } });
    expect(res.statusCode, res.body).toBe(201);
    const fresh: Customer = res.json();
    expect(fresh.id).not.toBe(customerId);
    expect(fresh).toMatchObject({ name: '陈静', mobile, erased: false, tags: [], interests: [expect.objectContaining({ stage: 'potential', grade: 'B' })] });
    const rows = await t.database.db.select().from(customers).where(eq(customers.mobile, mobile));
    expect(rows.map((r) => r.id)).toEqual([fresh.id]);
    // The history of the erased person does not follow the mobile.
    const timeline: Entry[] = (await t.call('GET', `/api/v1/customers/${fresh.id}/timeline`, { cookie: await t.as('consultant') })).json().items;
    expect(timeline.map((e) => e.kind).sort()).toEqual(['created', 'owner']);
    const found: Prospect[] = (await t.call('GET', '/api/v1/customers?q=5678', { cookie: await t.as('consultant') })).json().items;
    expect(found.map((p) => p.customer.id)).toEqual([fresh.id]);
  });
});
