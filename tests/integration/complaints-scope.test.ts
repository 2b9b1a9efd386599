import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail, ComplaintListItem } from '../../src/common/contracts/complaints.ts';
import type { GroupComplaint } from '../../src/common/contracts/group-complaints.ts';
import type { Notification } from '../../src/common/contracts/notifications.ts';
import type { PublicStatus } from '../../src/common/contracts/public-complaints.ts';
import { complaints } from '../../src/server/modules/complaints/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { MINUTE } from '../../src/server/platform/clock.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { complaintApi, type ComplaintApi, type Problem } from '../fixtures/complaints.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

const MOBILES = { a1: '13812345601', a2: '13812345602', b1: '13812345603', cons: '13812345604' };
const masked = (m: string) => `${m.slice(0, 3)}****${m.slice(7)}`;

// Who sees which complaints, and what of them: data scope per role, 404 for what is out of scope,
// the masked contact mobile and its audited reveal, the notification centre, and the public side
// (rate limit, what the status page leaves out).
describe.each(dbKinds())('complaint scope and masking on %s', (kind) => {
  let t: TestApp;
  let api: ComplaintApi;
  const seeded = { a1: '', a2: '', b1: '', cons: '' };
  const listIds = async (username: string) => {
    const res = await api.get(username, '/api/v1/complaints');
    expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
    return (res.json().items as ComplaintListItem[]).map((c) => c.id).sort();
  };
  const ids = (...keys: Array<keyof typeof seeded>) => keys.map((k) => seeded[k]).sort();

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = complaintApi(t);
    const { a1, a2, b1 } = t.world;
    seeded.a1 = (await api.file({ projectId: a1.id, contactMobile: MOBILES.a1, title: '西溪项目漏水' })).id;
    seeded.a2 = (await api.file({ projectId: a2.id, contactMobile: MOBILES.a2, title: '滨江项目噪音' })).id;
    seeded.b1 = (await api.file({ projectId: b1.id, contactMobile: MOBILES.b1, title: '锦城项目停车' }, 'groupcr')).id;
    seeded.cons = (await api.file({ projectId: a1.id, contactMobile: MOBILES.cons, title: '置业顾问登记的投诉', specialty: 'sales' }, 'consultant')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists for each role exactly the complaints of its scope', async () => {
    expect(await listIds('groupcr')).toEqual(ids('a1', 'a2', 'b1', 'cons'));
    expect(await listIds('exec')).toEqual(ids('a1', 'a2', 'b1', 'cons'));
    expect(await listIds('crm')).toEqual(ids('a1', 'a2', 'cons'));
    // Team scope reaches the team's assigned projects: a1.
    expect(await listIds('salesmgr')).toEqual(ids('a1', 'cons'));
    // Own scope: only what they recorded or handle.
    expect(await listIds('consultant')).toEqual(ids('cons'));
    expect(await listIds('engineer')).toEqual(ids('a1', 'cons'));
    expect(await listIds('property')).toEqual(ids('b1'));
    for (const username of ['marketing', 'broker', 'admin']) {
      const res = await api.get(username, '/api/v1/complaints');
      expect(res.statusCode, username).toBe(403);
    }
    // A filter cannot widen the scope.
    const wider = await api.get('crm', `/api/v1/complaints?companyId=${t.world.companyB.id}`);
    expect(wider.json().items).toEqual([]);
  });

  it("counts what each role's list holds, with the same filters, and refuses bad ones", async () => {
    const count = async (username: string, query = '') => {
      const res = await api.get(username, `/api/v1/complaints/count${query}`);
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      return res.json().total as number;
    };
    expect(await count('groupcr')).toBe(4);
    expect(await count('crm')).toBe(3);
    expect(await count('consultant')).toBe(1);
    expect(await count('property')).toBe(1);
    expect(await count('crm', '?specialty=sales')).toBe(1);
    expect(await count('crm', `?companyId=${t.world.companyB.id}`)).toBe(0);
    expect(await count('groupcr', '?mine=true&status=open')).toBe(1); // the b1 complaint they recorded
    expect(await count('groupcr', '?overdue=true')).toBe(0);
    t.clock.advance(5 * 3600_000); // past the 4-hour acknowledgement deadline of staff-recorded complaints
    expect(await count('groupcr', '?overdue=true')).toBe(4);
    t.clock.advance(-5 * 3600_000);
    expect((await api.get('marketing', '/api/v1/complaints/count')).statusCode).toBe(403);
    const bad = await api.get('crm', '/api/v1/complaints/count?status=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('lets the executive read but not record', async () => {
    const res = await api.post('exec', '/api/v1/complaints', { projectId: t.world.a1.id, contactName: '业主', contactMobile: '13812345699', channel: 'hotline', specialty: 'service', title: '投诉', description: '内容' });
    expect(res.statusCode).toBe(403);
    expect(await t.database.db.select().from(complaints).where(eq(complaints.contactMobile, '13812345699'))).toHaveLength(0);
  });

  it('answers 404, not 403, for a complaint out of scope', async () => {
    const cases: Array<[string, keyof typeof seeded]> = [['property', 'a1'], ['consultant', 'a1'], ['crm', 'b1'], ['salesmgr', 'a2'], ['engineer', 'a2'], ['engineer', 'b1']];
    for (const [username, key] of cases) {
      const res = await api.get(username, `/api/v1/complaints/${seeded[key]}`);
      expect(res.statusCode, `${username} → ${key}`).toBe(404);
      expect((res.json() as Problem).code).toBe('COMPLAINT_NOT_FOUND');
    }
    // An unknown id looks the same.
    const unknown = await api.get('crm', '/api/v1/complaints/01a00000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as Problem).code).toBe('COMPLAINT_NOT_FOUND');
    // Nor can a step be taken on it.
    const step = await api.post('property', `/api/v1/complaints/${seeded.a1}/notes`, { content: '越权备注' });
    expect(step.statusCode).toBe(404);
  });

  it('masks the contact mobile for everyone but the handler and the first responder', async () => {
    const view = async (username: string, key: keyof typeof seeded) => {
      const d = await api.detail(seeded[key], username);
      const listed = (await api.get(username, '/api/v1/complaints')).json().items.find((c: ComplaintListItem) => c.id === seeded[key]);
      return { detail: d.contactMobile, list: listed?.contactMobile, masked: d.mobileMasked };
    };
    const full = (m: string) => ({ detail: m, list: m, masked: false });
    const hidden = (m: string) => ({ detail: masked(m), list: masked(m), masked: true });
    expect(masked(MOBILES.a1)).toMatch(/^138\*{4}\d{4}$/);
    expect(await view('crm', 'a1')).toEqual(full(MOBILES.a1));
    for (const username of ['groupcr', 'exec', 'salesmgr', 'engineer']) expect(await view(username, 'a1'), username).toEqual(hidden(MOBILES.a1));
    expect(await view('consultant', 'cons')).toEqual(full(MOBILES.cons));
    expect(await view('crm', 'cons')).toEqual(hidden(MOBILES.cons));
    expect(await view('groupcr', 'b1')).toEqual(full(MOBILES.b1));
    expect(await view('property', 'b1')).toEqual(hidden(MOBILES.b1));

    // Handing over: the new handler sees it, the first responder still does, the rest do not.
    const d = await api.detail(seeded.a1);
    await api.step(seeded.a1, 'assign', { version: d.version, handlerId: t.world.users.engineer.id });
    expect(await view('engineer', 'a1')).toEqual(full(MOBILES.a1));
    expect(await view('crm', 'a1')).toEqual(full(MOBILES.a1));
    expect(await view('salesmgr', 'a1')).toEqual(hidden(MOBILES.a1));
  });

  it('reveals the full mobile with a reason, audited, only to those allowed', async () => {
    const url = `/api/v1/complaints/${seeded.cons}/reveal`;
    const reveals = () => t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'reveal'), eq(auditLogs.entityId, seeded.cons)));
    expect((await api.post('crm', url, { reason: '' })).statusCode).toBe(400);
    const res = await api.post('crm', url, { reason: '回电核实投诉细节' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ value: MOBILES.cons });
    const audit = await reveals();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: t.world.users.crm.id, entityType: 'complaint', companyId: t.world.companyA.id });
    expect(audit[0].changes?.reason).toEqual({ before: null, after: '回电核实投诉细节' });
    expect(JSON.stringify(audit[0])).not.toContain(MOBILES.cons);

    expect((await api.post('engineer', url, { reason: '想看看' })).statusCode).toBe(403);
    // Allowed to reveal, but not this one: out of scope is not found.
    const out = await api.post('salesmgr', `/api/v1/complaints/${seeded.b1}/reveal`, { reason: '核实' });
    expect(out.statusCode).toBe(404);
    expect(await reveals()).toHaveLength(1);
  });

  it('refuses a handler who could not see the complaint', async () => {
    const d = await api.detail(seeded.a2);
    const res = await api.post('crm', `/api/v1/complaints/${seeded.a2}/assign`, { version: d.version, handlerId: t.world.users.property.id });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['handlerId']);
    // The engineer works on project a1 only.
    const eng = await api.post('crm', `/api/v1/complaints/${seeded.a2}/assign`, { version: d.version, handlerId: t.world.users.engineer.id });
    expect(eng.statusCode).toBe(400);
    expect((eng.json() as Problem).errors?.map((e) => e.field)).toEqual(['handlerId']);
    expect((await api.detail(seeded.a2)).handler?.id).toBe(t.world.users.crm.id);
  });

  it('refuses a consultant of project a1 as handler of company B\'s complaint', async () => {
    const d = await api.detail(seeded.b1, 'groupcr');
    const res = await api.post('groupcr', `/api/v1/complaints/${seeded.b1}/assign`, { version: d.version, handlerId: t.world.users.consultant.id });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['handlerId']);
    expect(await listIds('consultant')).toEqual(ids('cons'));
  });

  it('shows an own-scope user no complaint through a group complaint that they could not open', async () => {
    const res = await api.post('crm', '/api/v1/group-complaints', { projectId: t.world.a1.id, title: '西溪群诉', type: 'loose', complaintIds: [seeded.a1, seeded.cons] });
    expect(res.statusCode, res.body).toBe(201);
    const g: GroupComplaint = res.json();
    const mine = await api.get('consultant', `/api/v1/group-complaints/${g.id}`);
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as GroupComplaint).complaints.map((c) => c.id)).toEqual([seeded.cons]);
    expect((await api.get('property', `/api/v1/group-complaints/${g.id}`)).statusCode).toBe(404);
  });

  it('shows each user only their own notifications', async () => {
    const db = t.database.db;
    const unread = async (userId: string) => (await db.select().from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))).map((n) => n.id).sort();
    const { engineer, crm } = t.world.users;
    const engineerNotes = await unread(engineer.id);
    const crmNotes = await unread(crm.id);
    // The assignment above told the engineer; the major complaint below tells crm (escalation).
    expect(engineerNotes.length).toBeGreaterThan(0);
    await api.file({ projectId: t.world.a1.id, contactMobile: '13812345610', lawsuitFiled: true }, 'salesmgr');
    const crmNow = await unread(crm.id);
    expect(crmNow.length).toBeGreaterThan(crmNotes.length);

    const list = await api.get('engineer', '/api/v1/notifications');
    expect(list.statusCode).toBe(200);
    expect((list.json().items as Notification[]).map((n) => n.id).sort()).toEqual(engineerNotes);
    expect((await api.get('engineer', '/api/v1/notifications/unread-count')).json()).toEqual({ count: engineerNotes.length });

    const first = engineerNotes[0];
    expect((await api.post('engineer', `/api/v1/notifications/${first}/read`, {})).statusCode).toBe(200);
    expect((await api.get('engineer', '/api/v1/notifications/unread-count')).json()).toEqual({ count: engineerNotes.length - 1 });
    expect((await api.get('engineer', '/api/v1/notifications?unread=true')).json().items.map((n: Notification) => n.id)).not.toContain(first);

    // Someone else's notification is not there for them.
    const theirs = await api.post('engineer', `/api/v1/notifications/${crmNow[0]}/read`, {});
    expect(theirs.statusCode).toBe(404);
    expect(await unread(crm.id)).toEqual(crmNow);

    expect((await api.post('engineer', '/api/v1/notifications/read-all', {})).statusCode).toBe(200);
    expect((await api.get('engineer', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect(await unread(crm.id)).toEqual(crmNow);
    expect((await api.get('crm', '/api/v1/notifications/unread-count')).json()).toEqual({ count: crmNow.length });
  });

  it('limits public filings to five per address in ten minutes', async () => {
    const fileFrom = (remoteAddress: string, n: number) =>
      t.app.inject({
        method: 'POST', url: '/api/v1/public/complaints', remoteAddress,
        payload: { projectId: t.world.a1.id, contactName: '网友', contactMobile: `1391111${String(n).padStart(4, '0')}`, description: '小区门禁经常失灵，出入不便。' },
      });
    const stored = async (n: number) => t.database.db.select().from(complaints).where(eq(complaints.contactMobile, `1391111${String(n).padStart(4, '0')}`));
    // The window is fixed and aligned to ten minutes of the clock: start at a boundary.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / (10 * MINUTE)) * 10 * MINUTE));
    for (let n = 1; n <= 5; n++) expect((await fileFrom('203.0.113.7', n)).statusCode, `filing ${n}`).toBe(201);
    const sixth = await fileFrom('203.0.113.7', 6);
    expect(sixth.statusCode).toBe(429);
    expect((sixth.json() as Problem).code).toBe('RATE_LIMITED');
    expect(await stored(6)).toHaveLength(0);
    // Another address is not held back.
    expect((await fileFrom('203.0.113.8', 7)).statusCode).toBe(201);
    t.clock.advance(9 * MINUTE);
    expect((await fileFrom('203.0.113.7', 8)).statusCode).toBe(429);
    t.clock.advance(1 * MINUTE);
    expect((await fileFrom('203.0.113.7', 9)).statusCode).toBe(201);
    expect(await stored(9)).toHaveLength(1);
  });

  it('never shows internal notes or the handler on the public status page', async () => {
    const filed = await t.app.inject({
      method: 'POST', url: '/api/v1/public/complaints', remoteAddress: '198.51.100.1',
      payload: { projectId: t.world.a1.id, buildingId: t.world.buildingA1.id, contactName: '吴先生', contactMobile: '13922223333', specialty: 'engineering', description: '卫生间天花板渗水，已持续一周。' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { trackingCode } = filed.json();
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.trackingCode, trackingCode));
    await api.step(row.id, 'assign', { version: row.version, handlerId: t.world.users.engineer.id, note: '交工程部张工处理' });
    await api.step(row.id, 'notes', { content: '内部备注：业主情绪激动，注意沟通' }, 'engineer');
    await api.step(row.id, 'replies', { content: '内部答复草稿，勿外发', public: false }, 'engineer');
    const replied = await api.step(row.id, 'replies', { content: '您好，已安排维修人员上门查看。', public: true }, 'engineer');
    const d: ComplaintDetail = await api.step(row.id, 'transitions', { version: replied.version, to: 'investigating' }, 'engineer');
    expect(d.events.some((e) => e.kind === 'note')).toBe(true);

    const res = await t.call('GET', `/api/v1/public/complaints/${trackingCode}`);
    expect(res.statusCode).toBe(200);
    const s: PublicStatus = res.json();
    expect(s).toMatchObject({ status: 'investigating', contactMobile: '139****3333' });
    expect(s.updates.map((u) => u.content)).toContain('您好，已安排维修人员上门查看。');
    const text = res.body;
    for (const hidden of ['业主情绪激动', '内部答复草稿', '交工程部张工处理', 'engineer', 'crm', t.world.users.engineer.id, '13922223333']) expect(text, hidden).not.toContain(hidden);
  });
});
