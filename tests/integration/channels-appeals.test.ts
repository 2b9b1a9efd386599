import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal, Registration } from '../../src/common/contracts/channels.ts';
import { voidedReason } from '../../src/server/modules/channels/appeal-rules.ts';
import { expireRegistrations } from '../../src/server/modules/channels/registrations.ts';
import { windowEnd } from '../../src/server/modules/channels/rules.ts';
import { brokerRegistrations, registrationAppeals } from '../../src/server/modules/channels/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; detail: string; reason?: string; registrationId?: string; errors?: { field: string; message: string }[] };

// 判客 under simultaneous registrations, and appeal decisions: a manager may overrule another
// broker's claim (voided with the reason, audited) and give the appellant a fresh window; what
// cannot be granted is refused with the reason; only managers (channels.decide) decide.
describe.each(dbKinds())('registration appeals on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const register = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/registrations', { cookie: await as(username), body: { projectId: t.world.a1.id, ...body } });
  const regRow = async (id: string) => (await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, id)))[0];
  const auditOf = (entityId: string) => t.database.db.select().from(auditLogs).where(eq(auditLogs.entityId, entityId)).orderBy(auditLogs.id);
  const decide = async (username: string, appealId: string, body: { approve: boolean; note: string }) =>
    t.call('POST', `/api/v1/registration-appeals/${appealId}/decide`, { cookie: await as(username), body });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedUser(t.database.db, { username: 'broker2', displayName: '第二经纪人', password: TEST_PASSWORD, role: 'channel_broker', companyId: t.world.companyA.id, projectIds: [t.world.a1.id] }, t.clock.now());
  });
  afterAll(() => t.close());

  it('two brokers registering one mobile at the same moment: exactly one is accepted, the other refused with the reason', async () => {
    const [a, b] = await Promise.all([register('broker', { customerName: '同时甲', mobile: '13922220001' }), register('broker2', { customerName: '同时乙', mobile: '13922220001' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = (a.statusCode === 409 ? a : b).json() as Problem;
    expect(refused).toMatchObject({ code: 'REGISTRATION_REFUSED', reason: 'protected_by_other', detail: '该客户在其他经纪人的报备保护期内' });
    const rows = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.mobileFull, '13922220001'));
    expect(rows.map((r) => r.status).sort()).toEqual(['registered', 'rejected']);
    const rejected = rows.find((r) => r.status === 'rejected')!;
    expect(rejected).toMatchObject({ id: refused.registrationId, endReason: '该客户在其他经纪人的报备保护期内' });
    const winner = rows.find((r) => r.status === 'registered')!;
    expect(winner.id).toBe(((a.statusCode === 201 ? a : b).json() as Registration).id);
  });

  let appellantId = '';
  let competitorId = '';
  let appeal: Appeal;
  const NOTE = '客户确认首次由第二经纪人带看';

  it('a manager overrules another broker\'s running claim: voided with the reason, the appellant protected anew, all audited', async () => {
    const first = await register('broker2', { customerName: '韦女士', mobile: '13922220002' });
    expect(first.statusCode, first.body).toBe(201);
    appellantId = (first.json() as Registration).id;
    // The visit window (registered 22 Nov, 7 days) ends at 00:00 on 30 Nov Shanghai.
    t.clock.set(new Date('2026-11-29T16:00:00Z'));
    cookies.clear();
    expect(await expireRegistrations(t.database.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect((await regRow(appellantId)).status).toBe('expired');

    const second = await register('broker', { customerName: '韦女士', mobile: '13922220002' });
    expect(second.statusCode, second.body).toBe(201);
    competitorId = (second.json() as Registration).id;
    const visit = await t.call('POST', `/api/v1/registrations/${competitorId}/visit`, { cookie: await as('consultant'), body: { version: (second.json() as Registration).version, mobile: '13922220002' } });
    expect(visit.statusCode, visit.body).toBe(200);
    const prospectId = (await regRow(competitorId)).interestId;

    const filed = await t.call('POST', `/api/v1/registrations/${appellantId}/appeals`, { cookie: await as('broker2'), body: { reason: '客户 11 月 28 日已随我到访，案场漏登' } });
    expect(filed.statusCode, filed.body).toBe(201);
    appeal = filed.json();

    // Marketing reads appeals but does not decide them.
    expect((await t.call('GET', '/api/v1/registration-appeals', { cookie: await as('marketing') })).statusCode).toBe(200);
    expect((await decide('marketing', appeal.id, { approve: true, note: NOTE })).statusCode).toBe(403);
    // Overruling needs the manager's reason; nothing changes without it.
    const bare = await decide('salesmgr', appeal.id, { approve: true, note: '' });
    expect(bare.statusCode).toBe(400);
    expect((bare.json() as Problem).errors).toEqual([{ field: 'note', message: '支持该申诉将作废其他经纪人的报备，请填写裁决理由' }]);
    expect((await regRow(competitorId)).status).toBe('visited');
    expect((await t.database.db.select().from(registrationAppeals).where(eq(registrationAppeals.id, appeal.id)))[0].status).toBe('pending');

    const res = await decide('salesmgr', appeal.id, { approve: true, note: NOTE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionNote: NOTE, registration: { id: appellantId, status: 'registered', endReason: '' } });

    const appellant = await regRow(appellantId);
    expect(appellant).toMatchObject({ status: 'registered', endedAt: null, endReason: '' });
    expect(appellant.visitDueAt).toEqual(windowEnd(t.clock.now(), 7));
    const competitor = await regRow(competitorId);
    expect(competitor).toMatchObject({ status: 'rejected', endReason: voidedReason(NOTE), endedAt: t.clock.now() });

    const competitorAudit = await auditOf(competitorId);
    expect(competitorAudit.at(-1)).toMatchObject({ action: 'update', entityType: 'broker_registration', changes: { status: { before: 'visited', after: 'rejected' }, endReason: { before: '', after: voidedReason(NOTE) } } });
    expect(competitorAudit.at(-1)!.actorId).toBe(t.world.users.salesmgr.id);
    expect((await auditOf(appellantId)).at(-1)).toMatchObject({ entityType: 'broker_registration', changes: { status: { before: 'expired', after: 'registered' } } });
    expect((await auditOf(appeal.id)).map((e) => e.changes)).toEqual([
      expect.objectContaining({ reason: expect.anything() }),
      { status: { before: 'pending', after: 'approved' }, decisionNote: { before: '', after: NOTE } },
    ]);

    // The overruled broker sees the registration invalid, with the manager's reason.
    const theirs = (await t.call('GET', '/api/v1/broker/registrations?limit=100', { cookie: await as('broker') })).json().items as Registration[];
    expect(theirs.find((r) => r.id === competitorId)).toMatchObject({ status: 'rejected', endReason: voidedReason(NOTE), mobile: '139****0002' });
    // The appellant sees the outcome of the appeal.
    const mine = (await t.call('GET', '/api/v1/broker/appeals', { cookie: await as('broker2') })).json().items as Appeal[];
    expect(mine).toEqual([expect.objectContaining({ id: appeal.id, status: 'approved', decisionNote: NOTE, registration: expect.objectContaining({ status: 'registered' }) })]);

    // At the visit the appellant takes over the prospect the voided registration had brought.
    const again = await t.call('POST', `/api/v1/registrations/${appellantId}/visit`, { cookie: await as('consultant'), body: { version: appellant.version, mobile: '13922220002' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(await regRow(appellantId)).toMatchObject({ status: 'visited', interestId: prospectId });
  });

  it('refuses what cannot be granted — the customer already signed — with the reason, changing nothing', async () => {
    const walkIn = await t.call('POST', '/api/v1/customers', { cookie: await as('consultant'), body: { name: '签约客', mobile: '13922220003', grade: 'A', projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    const refused = await register('broker2', { customerName: '签约客', mobile: '13922220003' });
    expect((refused.json() as Problem).reason).toBe('owned_by_project');
    const registrationId = (refused.json() as Problem).registrationId!;
    const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).limit(1);
    const signed = await t.call('POST', '/api/v1/deals', { cookie: await as('consultant'), body: { interestId: walkIn.json().interests[0].id, unitId: unit.id, stage: 'contract', price: 2_000_000, signedOn: '2026-11-30' } });
    expect(signed.statusCode, signed.body).toBe(201);
    const filed = await t.call('POST', `/api/v1/registrations/${registrationId}/appeals`, { cookie: await as('broker2'), body: { reason: '客户是我先带来的' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const res = await decide('salesmgr', filed.json().id, { approve: true, note: '核实' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', detail: '不能支持该申诉：该客户已在本项目签约' });
    expect(await regRow(registrationId)).toMatchObject({ status: 'rejected' });
    const [stored] = await t.database.db.select().from(registrationAppeals).where(eq(registrationAppeals.id, filed.json().id));
    expect(stored).toMatchObject({ status: 'pending', decidedAt: null });
    expect(await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, filed.json().id), inArray(auditLogs.action, ['update'])))).toEqual([]);
    // Rejecting it is still possible.
    const rejected = await decide('salesmgr', filed.json().id, { approve: false, note: '客户已签约' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', registration: { status: 'rejected' } });
  });
});
