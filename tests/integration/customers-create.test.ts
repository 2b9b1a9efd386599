import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Interest } from '../../src/common/contracts/customers.ts';
import { customers, interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type FieldError = { field: string; message: string };
type Existing = { customerId: string; name: string; mobile: string; interests: { projectId: string | null; projectName: string | null; ownerName: string | null; stage: string | null; masked: boolean; visible: boolean }[] };
type Problem = { code: string; detail: string; errors?: FieldError[]; existing?: Existing };

// Recording a customer: derived search keys, the first project interest and its follow-up date,
// events and a privacy-safe audit entry; validation; 判重 by mobile, also under concurrency.
describe.each(dbKinds())('creating customers on %s', (kind) => {
  let t: TestApp;
  let consultant2: { id: string };
  let a2cons: { id: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyA, teamA1, a1, a2 } = t.world;
    const now = t.clock.now();
    consultant2 = await seedUser(t.database.db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, now);
    a2cons = await seedUser(t.database.db, { username: 'a2cons', displayName: '滨江顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, projectIds: [a2.id] }, now);
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({ name: '张伟', mobile: '13812345678', projectId: t.world.a1.id, sourceChannel: 'walk_in', grade: 'A', ...over });
  const create = async (username: string, over: Record<string, unknown> = {}) => t.call('POST', '/api/v1/customers', { cookie: await t.as(username), body: body(over) });
  const byMobile = (mobile: string) => t.database.db.select().from(customers).where(eq(customers.mobile, mobile));

  it('creates a customer with search keys, an owned A-grade interest due in three days, events and a masked audit', async () => {
    const res = await create('consultant', { idNumber: '11010519491231002X', tags: ['学区'] });
    expect(res.statusCode, res.body).toBe(201);
    const c: Customer = res.json();
    // The owner sees the full mobile.
    expect(c).toMatchObject({ name: '张伟', mobile: '13812345678', mobileMasked: false, idNumber: '11010519491231002X', tags: ['学区'], erased: false, version: 1 });
    expect(c.interests).toHaveLength(1);
    expect(c.interests[0]).toMatchObject({ project: { id: t.world.a1.id, name: '西溪项目' }, owner: { id: t.world.users.consultant.id, name: 'consultant' }, grade: 'A', stage: 'potential', inPool: false });
    // Created 2026-11-22 10:00 Shanghai → due 00:00 Shanghai on 11-25.
    expect(c.interests[0].nextFollowUpAt).toBe('2026-11-24T16:00:00.000Z');

    const [row] = await t.database.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ namePinyin: 'zhangwei', nameInitials: 'zw', mobile: '13812345678', mobileTail: '5678', createdBy: t.world.users.consultant.id, erasedAt: null });
    const interests = await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, c.id));
    expect(interests).toHaveLength(1);
    expect(interests[0]).toMatchObject({ projectId: t.world.a1.id, companyId: t.world.companyA.id, ownerId: t.world.users.consultant.id, ownerTeamId: t.world.teamA1.id, grade: 'A', stage: 'potential', inPool: false });
    expect(interests[0].nextFollowUpAt?.toISOString()).toBe('2026-11-24T16:00:00.000Z');

    const events = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interests[0].id)).orderBy(asc(interestEvents.id));
    expect(events.map((e) => e.type).sort()).toEqual(['created', 'owner']);
    expect(events.find((e) => e.type === 'owner')).toMatchObject({ fromValue: null, toValue: 'consultant', actorId: t.world.users.consultant.id });
    expect(events.find((e) => e.type === 'created')).toMatchObject({ toValue: 'potential' });

    const audits = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'customer'), eq(auditLogs.entityId, c.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', companyId: t.world.companyA.id, actorId: t.world.users.consultant.id });
    expect(audits[0].changes).toMatchObject({ name: { before: null, after: '张伟' }, mobile: { before: null, after: '138****5678' } });
    const everything = JSON.stringify(await t.database.db.select().from(auditLogs));
    expect(everything).not.toContain('13812345678');
    expect(everything).not.toContain('11010519491231002X');
  });

  it('refuses a bad mobile or ID number with Chinese field errors and stores nothing', async () => {
    const badMobile = await create('consultant', { mobile: '12812345678' });
    expect(badMobile.statusCode).toBe(400);
    const p1: Problem = badMobile.json();
    expect(p1.code).toBe('VALIDATION_FAILED');
    expect(p1.errors).toEqual([{ field: 'mobile', message: '请输入正确的 11 位手机号' }]);
    expect(await byMobile('12812345678')).toHaveLength(0);

    const badId = await create('consultant', { mobile: '13900001111', idNumber: '110105194912310021' });
    expect(badId.statusCode).toBe(400);
    const p2: Problem = badId.json();
    expect(p2.code).toBe('VALIDATION_FAILED');
    expect(p2.errors).toEqual([{ field: 'idNumber', message: '身份证号码格式或校验位不正确' }]);
    expect(await byMobile('13900001111')).toHaveLength(0);
  });

  it('lets exactly one of two simultaneous creates with the same mobile win (判重)', async () => {
    const mobile = '13700002222';
    const [c1, c2] = await Promise.all([t.as('consultant'), t.as('consultant2')]);
    const results = await Promise.all([
      t.call('POST', '/api/v1/customers', { cookie: c1, body: body({ name: '李娜', mobile }) }),
      t.call('POST', '/api/v1/customers', { cookie: c2, body: body({ name: '李娜', mobile }) }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes, results.map((r) => r.body).join('\n')).toEqual([201, 409]);
    const winnerIndex = results.findIndex((r) => r.statusCode === 201);
    const winnerName = winnerIndex === 0 ? 'consultant' : '顾问二';
    const loser: Problem = results[1 - winnerIndex].json();
    expect(loser.code).toBe('CUSTOMER_EXISTS');
    expect(loser.detail).toContain('西溪项目');
    const stored = await byMobile(mobile);
    expect(stored).toHaveLength(1);
    // The loser does not own the customer: the mobile is masked, owner and project named.
    // Same project, another consultant's prospect: named, but not openable by the loser.
    expect(loser.existing).toEqual({ customerId: stored[0].id, name: '李娜', mobile: '137****2222', interests: [{ projectId: t.world.a1.id, projectName: '西溪项目', ownerName: winnerName, stage: 'potential', masked: false, visible: false }] });
    expect(await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, stored[0].id))).toHaveLength(1);
  });

  it('tells a non-owner the existing customer with a masked mobile, the owner in full', async () => {
    const other = await create('consultant2', { name: '张伟二' });
    expect(other.statusCode).toBe(409);
    const p: Problem = other.json();
    expect(p.code).toBe('CUSTOMER_EXISTS');
    expect(p.existing).toMatchObject({ name: '张伟', mobile: '138****5678', interests: [{ projectName: '西溪项目', ownerName: 'consultant' }] });
    expect(p.existing?.interests).toEqual([expect.objectContaining({ visible: false, masked: false })]);
    // The consultant cannot open another consultant's customer: the record answers 404.
    expect((await t.call('GET', `/api/v1/customers/${p.existing?.customerId}`, { cookie: await t.as('consultant2') })).statusCode).toBe(404);
    const own = await create('consultant');
    expect(own.statusCode).toBe(409);
    expect((own.json() as Problem).existing).toMatchObject({ mobile: '13812345678', interests: [{ projectName: '西溪项目', visible: true, masked: false }] });
    // Their manager (team scope) may open it, masked.
    const manager = await create('salesmgr', { name: '张伟三' });
    expect((manager.json() as Problem).existing).toMatchObject({ name: '张伟', mobile: '138****5678', interests: [{ projectName: '西溪项目', ownerName: 'consultant', visible: true }] });
    expect(await byMobile('13812345678')).toHaveLength(1);
  });

  it('tells a consultant of another project only that the customer is registered elsewhere, masked', async () => {
    const dup = await create('a2cons', { projectId: t.world.a2.id, mobile: '13700002222', name: '李' });
    expect(dup.statusCode).toBe(409);
    const p: Problem = dup.json();
    expect(p.code).toBe('CUSTOMER_EXISTS');
    expect(p.existing).toEqual({ customerId: expect.any(String), name: '李*', mobile: '137****2222', interests: [{ projectId: null, projectName: null, ownerName: null, stage: null, masked: true, visible: false }] });
    expect(p.detail).toBe('该手机号已登记：李*，另有 1 个您范围外的项目');
    // No project, owner or customer name anywhere in the answer.
    for (const secret of ['西溪项目', '李娜', 'consultant', '顾问二', t.world.a1.id]) expect(dup.body).not.toContain(secret);
  });

  it('registers an existing customer in another project once', async () => {
    const dup = await create('a2cons', { projectId: t.world.a2.id });
    expect(dup.statusCode).toBe(409);
    const existing = (dup.json() as Problem).existing!;
    expect(existing).toMatchObject({ name: '张*', mobile: '138****5678', interests: [{ masked: true, visible: false }] });
    const cookie = await t.as('a2cons');
    const res = await t.call('POST', `/api/v1/customers/${existing.customerId}/interests`, { cookie, body: { projectId: t.world.a2.id, channel: 'hotline', grade: 'B' } });
    expect(res.statusCode, res.body).toBe(201);
    const interest: Interest = res.json();
    expect(interest).toMatchObject({ customerId: existing.customerId, project: { id: t.world.a2.id, name: '滨江项目' }, owner: { id: a2cons.id, name: '滨江顾问' }, grade: 'B', channel: 'hotline', stage: 'potential' });
    // B: weekly → 00:00 Shanghai on 11-29.
    expect(interest.nextFollowUpAt).toBe('2026-11-28T16:00:00.000Z');
    const events = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interest.id));
    expect(events.map((e) => e.type).sort()).toEqual(['created', 'owner']);
    expect(await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'project_interest'), eq(auditLogs.entityId, interest.id)))).toHaveLength(1);

    const again = await t.call('POST', `/api/v1/customers/${existing.customerId}/interests`, { cookie, body: { projectId: t.world.a2.id, channel: 'hotline' } });
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).code).toBe('INTEREST_EXISTS');
    expect(await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, existing.customerId))).toHaveLength(2);
    // Both owners now see the full mobile on the customer.
    const detail = await t.call('GET', `/api/v1/customers/${existing.customerId}`, { cookie });
    expect((detail.json() as Customer).mobile).toBe('13812345678');
  });

  it('lets a sales manager assign a new prospect to a consultant, not a consultant to someone else', async () => {
    const refused = await create('consultant', { mobile: '13600003333', ownerId: consultant2.id });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as Problem).code).toBe('FORBIDDEN');
    expect(await byMobile('13600003333')).toHaveLength(0);

    const assigned = await create('salesmgr', { name: '王芳', mobile: '13600003333', ownerId: consultant2.id, grade: 'C' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const c: Customer = assigned.json();
    expect(c.mobileMasked).toBe(true);
    expect(c.interests[0]).toMatchObject({ owner: { id: consultant2.id, name: '顾问二' }, grade: 'C', nextFollowUpAt: '2026-12-21T16:00:00.000Z' });
    const [owner] = await t.database.db.select().from(interestEvents).where(and(eq(interestEvents.customerId, c.id), eq(interestEvents.type, 'owner')));
    expect(owner).toMatchObject({ toValue: '顾问二', actorId: t.world.users.salesmgr.id });

    // The owner must work on the project.
    const wrongProject = await create('salesmgr', { mobile: '13600004444', ownerId: a2cons.id });
    expect(wrongProject.statusCode).toBe(400);
    expect((wrongProject.json() as Problem).errors?.[0].field).toBe('ownerId');
    expect(await byMobile('13600004444')).toHaveLength(0);
  });
});
