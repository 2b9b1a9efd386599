import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addShanghaiMonths } from '../../src/common/time.ts';
import { refreshOpenAlerts } from '../../src/server/modules/complaints/alerts.ts';
import { runComplaintSla, warnSlaDue } from '../../src/server/modules/complaints/sla-job.ts';
import { complaintAlerts, complaintEvents, complaints } from '../../src/server/modules/complaints/tables.ts';
import { DAY, HOUR, MINUTE } from '../../src/server/platform/clock.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { complaintApi, type ComplaintApi, type Problem } from '../fixtures/complaints.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// The scheduled complaint jobs, driven by the injectable clock: SLA warnings, escalation of a late
// acknowledgement, a complaint turning major as time passes, the hourly clearing of expired
// early warnings; and the rate limit of public tracking-code lookups.
describe.each(dbKinds())('scheduled complaint jobs on %s', (kind) => {
  let t: TestApp;
  let api: ComplaintApi;
  let seq = 0;
  const nextMobile = () => `1396666${String(++seq).padStart(4, '0')}`;
  const file = (facts: Record<string, unknown> = {}) => api.file({ projectId: t.world.a1.id, contactMobile: nextMobile(), ...facts });
  const stored = async (id: string) => (await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0];
  const noticesOf = (id: string, kindOf: string) =>
    t.database.db.select().from(notifications).where(and(eq(notifications.kind, kindOf), eq(notifications.link, `/complaints/${id}`)));
  const SYSTEM = { principal: null, ip: null, name: '系统' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The clock moves by hours and days: a fresh session for every call.
    api = complaintApi({ ...t, as: (username: string) => t.login(username) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('warns the handler an hour before the acknowledgement is due, once, then escalates it when late', async () => {
    const start = t.clock.now();
    const d = await file({ title: '物业前台无人接待', specialty: 'property' });
    expect(d.ackDueAt).toBe(new Date(start.getTime() + 4 * HOUR).toISOString());

    t.clock.set(new Date(start.getTime() + 3 * HOUR - MINUTE));
    expect(await warnSlaDue(t.database.db, t.clock.now())).toBe(0);
    expect(await noticesOf(d.id, 'sla')).toEqual([]);

    t.clock.set(new Date(start.getTime() + 3 * HOUR));
    const first = await runComplaintSla(t.database.db, t.clock.now());
    expect(first).toMatchObject({ warned: 1, escalated: 0 });
    const warned = await noticesOf(d.id, 'sla');
    expect(warned.map((n) => ({ to: n.userId, title: n.title }))).toEqual([{ to: t.world.users.crm.id, title: `投诉即将超时未响应：${d.no}` }]);
    expect(warned[0].body).toContain('截止');
    expect((await stored(d.id)).ackWarnedAt?.toISOString()).toBe(t.clock.now().toISOString());
    // Warned once only.
    t.clock.advance(30 * MINUTE);
    expect((await runComplaintSla(t.database.db, t.clock.now())).warned).toBe(0);
    expect(await noticesOf(d.id, 'sla')).toHaveLength(1);
    expect((await stored(d.id)).escalationLevel).toBe('project');

    // Four hours without an answer: up to the company, with an event and the managers told.
    t.clock.set(new Date(start.getTime() + 4 * HOUR));
    const late = await runComplaintSla(t.database.db, t.clock.now());
    expect(late.escalated).toBe(1);
    const row = await stored(d.id);
    expect(row).toMatchObject({ escalationLevel: 'company', version: d.version + 1 });
    const events = await t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, d.id), eq(complaintEvents.kind, 'escalated')));
    expect(events.map((e) => ({ from: e.fromValue, to: e.toValue, content: e.content, actor: e.actorName }))).toEqual([{ from: 'project', to: 'company', content: '超时未响应', actor: '系统' }]);
    const told = await noticesOf(d.id, 'escalation');
    expect(told.map((n) => ({ to: n.userId, title: n.title }))).toEqual([{ to: t.world.users.crm.id, title: `投诉升级至城市公司：${d.no}` }]);
    // Nothing more to raise until the resolution clock runs out.
    expect((await runComplaintSla(t.database.db, t.clock.now())).escalated).toBe(0);
  });

  it('turns an unresolved complaint major one calendar month after filing and tells the group centre at once', async () => {
    const d = await file({ title: '主卧窗户漏风', specialty: 'engineering' });
    const oneMonth = addShanghaiMonths(new Date(d.filedAt), 1);
    t.clock.set(new Date(oneMonth.getTime() - MINUTE));
    await runComplaintSla(t.database.db, t.clock.now());
    expect((await stored(d.id)).severity).toBe('hot');
    expect(await noticesOf(d.id, 'major')).toEqual([]);

    t.clock.set(oneMonth);
    const run = await runComplaintSla(t.database.db, t.clock.now());
    expect(run.changed).toBeGreaterThanOrEqual(1);
    expect(await stored(d.id)).toMatchObject({ severity: 'major', severityReasons: ['unresolved_month'], escalationLevel: 'group' });
    const sev = await t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, d.id), eq(complaintEvents.kind, 'severity')));
    expect(sev.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(['general→hot', 'hot→major']);
    expect(sev[1].content).toContain('定时评估');
    const major = await noticesOf(d.id, 'major');
    expect(major.map((n) => n.userId)).toEqual([t.world.users.groupcr.id]);
    expect(major[0].createdAt.toISOString()).toBe(oneMonth.toISOString());
    // Told once: running again changes nothing.
    expect((await runComplaintSla(t.database.db, t.clock.now())).changed).toBe(0);
    expect(await noticesOf(d.id, 'major')).toHaveLength(1);
  });

  it('does not turn major when the delay is the customer\'s doing', async () => {
    const d = await file({ title: '装修申请迟迟未办', specialty: 'property' });
    const patched = await api.call('crm', 'PATCH', `/api/v1/complaints/${d.id}`, { version: d.version, companyFault: false, reason: '业主未提交材料' });
    expect(patched.statusCode, patched.body).toBe(200);
    t.clock.set(addShanghaiMonths(new Date(d.filedAt), 2));
    await runComplaintSla(t.database.db, t.clock.now());
    expect((await stored(d.id)).severity).toBe('general');
    expect(await noticesOf(d.id, 'major')).toEqual([]);
  });

  it('clears an early warning by the hourly job once its 30-day window has passed', async () => {
    const place = { buildingId: t.world.buildingA1.id, specialty: 'design' };
    const filed = [];
    for (const title of ['1 号楼入户门太窄', '1 号楼户型与样板间不符', '1 号楼阳台进深不足']) filed.push(await file({ ...place, title }));
    const [open] = await t.database.db.select().from(complaintAlerts).where(and(eq(complaintAlerts.open, true), eq(complaintAlerts.specialty, 'design')));
    expect(open).toMatchObject({ kind: 'building_specialty', customerCount: 3 });

    const since = new Date(filed[0].filedAt);
    t.clock.set(new Date(since.getTime() + 30 * DAY - MINUTE));
    await t.database.db.transaction((tx) => refreshOpenAlerts({ db: tx, now: t.clock.now(), actor: SYSTEM }));
    expect((await t.database.db.select().from(complaintAlerts).where(eq(complaintAlerts.id, open.id)))[0].open).toBe(true);

    t.clock.set(new Date(since.getTime() + 30 * DAY + HOUR));
    const checked = await t.database.db.transaction((tx) => refreshOpenAlerts({ db: tx, now: t.clock.now(), actor: SYSTEM }));
    expect(checked).toBeGreaterThanOrEqual(1);
    const [cleared] = await t.database.db.select().from(complaintAlerts).where(eq(complaintAlerts.id, open.id));
    expect(cleared).toMatchObject({ open: false, clearedAt: t.clock.now() });
    const res = await api.get('crm', '/api/v1/complaint-alerts?open=true');
    expect(res.json().items.map((a: { id: string }) => a.id)).not.toContain(open.id);
  });

  it('filters the warnings by scope, company and project on the server and pages them with a total', async () => {
    t.clock.advance(HOUR);
    for (const specialty of ['engineering', 'sales', 'service']) {
      for (const n of [1, 2, 3]) await file({ buildingId: t.world.buildingA1.id, specialty, title: `1 号楼问题 ${specialty} ${n}` });
    }
    type AlertPage = { items: Array<{ id: string; projectId: string; specialty: string }>; nextCursor: string | null; total: number };
    const page = async (username: string, query: string): Promise<AlertPage> => {
      const res = await api.get(username, `/api/v1/complaint-alerts?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const first = await page('crm', 'open=true&limit=2');
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await page('crm', `open=true&limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((a) => a.id)).size).toBe(3);
    expect(all.map((a) => a.specialty).sort()).toEqual(['engineering', 'sales', 'service']);
    // Newest first: the service warning was raised last.
    expect(first.items[0].specialty).toBe('service');

    expect((await page('crm', `open=true&projectId=${t.world.a1.id}`)).total).toBe(3);
    expect(await page('crm', `open=true&projectId=${t.world.a2.id}`)).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await page('groupcr', `open=true&companyId=${t.world.companyA.id}`)).total).toBe(3);
    expect((await page('groupcr', `open=true&companyId=${t.world.companyB.id}`)).total).toBe(0);
    // Out of scope stays out whatever is asked for.
    expect((await page('property', `open=true&companyId=${t.world.companyA.id}`)).total).toBe(0);
    expect((await page('property', `open=true&projectId=${t.world.a1.id}`)).items).toEqual([]);
    // A forged cursor is a client error.
    const forged = await api.get('crm', '/api/v1/complaint-alerts?open=true&cursor=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect((forged.json() as Problem).code).toBe('VALIDATION_FAILED');
  });

  it('limits public tracking-code lookups to 30 a minute per address, answering 429 problem+json', async () => {
    const pub = await t.app.inject({
      method: 'POST', url: '/api/v1/public/complaints', remoteAddress: '198.51.100.20',
      payload: { projectId: t.world.a1.id, contactName: '严先生', contactMobile: nextMobile(), description: '单元门禁卡无法使用。' },
    });
    expect(pub.statusCode, pub.body).toBe(201);
    const { trackingCode } = pub.json();
    const lookup = (remoteAddress: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${trackingCode}`, remoteAddress });
    // The window is fixed and aligned to the minute: start at a boundary.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / MINUTE) * MINUTE));
    for (let n = 1; n <= 30; n++) expect((await lookup('203.0.113.50')).statusCode, `lookup ${n}`).toBe(200);
    const over = await lookup('203.0.113.50');
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    const problem: Problem = over.json();
    expect(problem.code).toBe('RATE_LIMITED');
    expect(problem.detail).toMatch(/[\u4e00-\u9fa5]/);
    expect(over.body).not.toContain(trackingCode);
    // Another address is not held back; the next minute the first may look again.
    expect((await lookup('203.0.113.51')).statusCode).toBe(200);
    t.clock.advance(MINUTE);
    expect((await lookup('203.0.113.50')).statusCode).toBe(200);
  });
});
