import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../src/common/contracts/complaints.ts';
import type { PublicStatus } from '../../src/common/contracts/public-complaints.ts';
import { complaintCallbacks, complaintEvents, complaints } from '../../src/server/modules/complaints/tables.ts';
import { customers } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { HOUR } from '../../src/server/platform/clock.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

type Problem = { code: string; detail?: string; errors?: { field: string; message: string }[] };

// An owner files on the public page; staff take it through the eight steps; the owner sees it
// closed. Shares one world; the clock moves forward through the tests.
describe.each(dbKinds())('complaint intake and the eight steps on %s', (kind) => {
  let t: TestApp;
  let tracking = '';
  let id = '';
  let version = 0;
  const detail = async (username = 'crm') => {
    const res = await t.call('GET', `/api/v1/complaints/${id}`, { cookie: await t.as(username) });
    expect(res.statusCode, res.body).toBe(200);
    const d: ComplaintDetail = res.json();
    version = d.version;
    return d;
  };
  const post = async (path: string, body: unknown, username = 'crm') => t.call('POST', `/api/v1/complaints/${id}/${path}`, { cookie: await t.as(username), body });

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists projects and units for the public form without a login', async () => {
    const res = await t.call('GET', '/api/v1/public/projects');
    expect(res.statusCode).toBe(200);
    const a1 = res.json().items.find((p: { id: string }) => p.id === t.world.a1.id);
    expect(a1.buildings.map((b: { name: string }) => b.name)).toEqual(['1 号楼']);
    const units = await t.call('GET', `/api/v1/public/buildings/${t.world.buildingA1.id}/units`);
    expect(units.json().items.length).toBeGreaterThan(0);
  });

  it('refuses bad public input with field errors and writes nothing', async () => {
    const res = await t.call('POST', '/api/v1/public/complaints', { body: { projectId: t.world.a1.id, contactName: '', contactMobile: '12345', description: '短' } });
    expect(res.statusCode).toBe(400);
    const p: Problem = res.json();
    expect(p.errors?.map((e) => e.field).sort()).toEqual(['contactMobile', 'contactName', 'description']);
    const fake = await t.call('POST', '/api/v1/public/complaints', {
      body: { projectId: t.world.a1.id, contactName: '王女士', contactMobile: '13900001111', description: '地下车库渗水严重，车位长期积水。', photos: [{ fileName: 'a.png', contentType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') }] },
    });
    expect(fake.statusCode).toBe(400);
    expect((fake.json() as Problem).errors?.[0].field).toBe('attachments.0');
    expect(await t.database.db.select().from(complaints)).toHaveLength(0);
  });

  it('files a complaint on the public page and returns a tracking code', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]).toString('base64');
    const res = await t.call('POST', '/api/v1/public/complaints', {
      body: {
        projectId: t.world.a1.id, buildingId: t.world.buildingA1.id, contactName: '王女士', contactMobile: '13900001111', specialty: 'engineering',
        description: '地下车库渗水严重，车位长期积水。', remedyWanted: '尽快维修并补偿', photos: [{ fileName: '积水.png', contentType: 'image/png', dataBase64: png }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json();
    expect(filed.trackingCode).toMatch(/^[A-Z2-9]{16}$/);
    expect(filed.no).toMatch(/^TS20261122\d{5}$/);
    tracking = filed.trackingCode;
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.trackingCode, tracking));
    id = row.id;
    expect(row).toMatchObject({ source: 'public', channel: 'web', status: 'received', severity: 'general', handlerId: null, firstResponderId: null });
    // Web complaints are answered within 24 hours.
    expect(row.ackDueAt.getTime() - row.filedAt.getTime()).toBe(24 * HOUR);
    // No customer file is created from anonymous input.
    expect(await t.database.db.select().from(customers).where(eq(customers.mobile, '13900001111'))).toHaveLength(0);
    // The company's customer-relations manager hears of it.
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, t.world.users.crm.id));
    expect(notes.map((n) => n.kind)).toContain('public');
  });

  it('shows the status by tracking code and nothing for a forged or guessed one', async () => {
    const res = await t.call('GET', `/api/v1/public/complaints/${tracking}`);
    expect(res.statusCode).toBe(200);
    const s: PublicStatus = res.json();
    expect(s).toMatchObject({ status: 'received', contactMobile: '139****1111', projectName: '西溪项目' });
    expect(JSON.stringify(s)).not.toContain(t.world.users.crm.id);
    const forged = tracking.slice(0, 15) + (tracking[15] === 'A' ? 'B' : 'A');
    expect((await t.call('GET', `/api/v1/public/complaints/${forged}`)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/public/complaints/${tracking.toLowerCase()}`)).statusCode).toBe(400);
    expect((await t.call('GET', `/api/v1/public/complaints/' OR 1=1 --`)).statusCode).toBe(400);
    // Anonymous callers reach nothing else.
    expect((await t.call('GET', `/api/v1/complaints/${id}`)).statusCode).toBe(401);
    expect((await t.call('POST', `/api/v1/complaints/${id}/close`, { body: { version: 1 } })).statusCode).toBe(401);
  });

  it('shows staff the complaint with the mobile masked until they handle it', async () => {
    const list = await t.call('GET', '/api/v1/complaints?status=open', { cookie: await t.as('crm') });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    const d = await detail();
    expect(d.contactMobile).toBe('139****1111');
    expect(d.attachments).toHaveLength(1);
    const img = await t.call('GET', `/api/v1/complaints/${id}/attachments/${d.attachments[0].id}`, { cookie: await t.as('crm') });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    // Company B's property staff do not see company A's complaint at all.
    expect((await t.call('GET', `/api/v1/complaints/${id}`, { cookie: await t.as('property') })).statusCode).toBe(404);
  });

  it('refuses to skip steps or close before the call-back', async () => {
    const skip = await post('transitions', { version, to: 'in_progress' });
    expect(skip.statusCode).toBe(409);
    expect((skip.json() as Problem).code).toBe('INVALID_TRANSITION');
    const close = await post('close', { version });
    expect(close.statusCode).toBe(409);
    expect((await detail()).status).toBe('received');
  });

  it('assigns to an engineer, who is notified and then sees the contact mobile', async () => {
    const wrong = await post('assign', { version, handlerId: t.world.users.marketing.id });
    expect(wrong.statusCode).toBe(400);
    const res = await post('assign', { version, handlerId: t.world.users.engineer.id, note: '请工程部核查渗水点' });
    expect(res.statusCode, res.body).toBe(200);
    const d: ComplaintDetail = res.json();
    expect(d).toMatchObject({ status: 'assigned', handler: { id: t.world.users.engineer.id }, firstResponder: { id: t.world.users.engineer.id } });
    expect(d.acknowledgedAt).not.toBeNull();
    const mine = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, t.world.users.engineer.id), eq(notifications.kind, 'assignment')));
    expect(mine).toHaveLength(1);
    const asEngineer = await t.call('GET', `/api/v1/complaints/${id}`, { cookie: await t.as('engineer') });
    expect(asEngineer.json().contactMobile).toBe('13900001111');
    version = d.version;
  });

  it('refuses a stale version and a step by someone who is not the handler', async () => {
    const stale = await post('transitions', { version: version - 1, to: 'investigating' }, 'engineer');
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    const other = await post('transitions', { version, to: 'investigating' }, 'salesmgr');
    expect(other.statusCode).toBe(403);
  });

  it('moves through investigation, solution and work to the call-back', async () => {
    for (const step of [
      { to: 'investigating', note: '已到现场' },
      { to: 'solution_proposed', solution: '更换车库顶板防水层并清理积水' },
      { to: 'in_progress' },
      { to: 'awaiting_callback', note: '维修完成' },
    ]) {
      const res = await post('transitions', { version, ...step }, 'engineer');
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const noSolution = await t.call('GET', `/api/v1/complaints/${id}`, { cookie: await t.as('engineer') });
    expect(noSolution.json()).toMatchObject({ status: 'awaiting_callback', solution: '更换车库顶板防水层并清理积水' });
    expect(noSolution.json().resolvedAt).not.toBeNull();
    const reply = await post('replies', { content: '您好，维修已完成，稍后回访。', public: true }, 'engineer');
    expect(reply.statusCode).toBe(200);
    // An answer to an already acknowledged complaint changes nothing on the record itself.
    expect(reply.json().version).toBe(version);
  });

  it('refuses closure without a call-back, then closes after one', async () => {
    const refused = await post('close', { version }, 'engineer');
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as Problem).code).toBe('CALLBACK_REQUIRED');
    const bad = await post('callbacks', { satisfaction: 6, solved: true });
    expect(bad.statusCode).toBe(400);
    const cb = await post('callbacks', { satisfaction: 5, solved: true, content: '业主表示满意' });
    expect(cb.statusCode, cb.body).toBe(200);
    version = cb.json().version;
    const closed = await post('close', { version, note: '已办结' }, 'engineer');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false });
    version = closed.json().version;
    expect(await t.database.db.select().from(complaintCallbacks).where(eq(complaintCallbacks.complaintId, id))).toHaveLength(1);
  });

  it('keeps the audit trail and the public timeline of every step', async () => {
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'complaint'), eq(auditLogs.entityId, id)));
    const statuses = audit.flatMap((a) => (a.changes as Record<string, { after: unknown }> | null)?.status?.after ?? []);
    expect(statuses).toEqual(['assigned', 'investigating', 'solution_proposed', 'in_progress', 'awaiting_callback', 'closed']);
    expect(audit[0]).toMatchObject({ action: 'create', actorName: '业主自助（王女士）' });
    const events = await t.database.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id));
    expect(events.filter((e) => e.kind === 'callback')).toHaveLength(1);
    const status = await t.call('GET', `/api/v1/public/complaints/${tracking}`);
    const s: PublicStatus = status.json();
    expect(s.status).toBe('closed');
    expect(s.closedAt).not.toBeNull();
    expect(s.updates.map((u) => u.content)).toContain('您好，维修已完成，稍后回访。');
    // Internal notes and the call-back verdict stay internal.
    expect(JSON.stringify(s)).not.toContain('业主表示满意');
  });

  it('reopens as a second complaint: important, back to investigation', async () => {
    const res = await post('reopen', { version, reason: '下雨后再次渗水' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'investigating', severity: 'important', severityReasons: ['reopened'], reopenCount: 1, resolvedAt: null });
    version = res.json().version;
  });

  it('escalates to the company when the resolution clock runs out, then to the group at twice the limit', async () => {
    const { runComplaintSla } = await import('../../src/server/modules/complaints/sla-job.ts');
    // important: 72 hours from filing.
    t.clock.advance(71 * HOUR);
    await runComplaintSla(t.database.db, t.clock.now());
    expect((await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0].escalationLevel).toBe('project');
    t.clock.advance(1 * HOUR);
    const first = await runComplaintSla(t.database.db, t.clock.now());
    expect(first.escalated).toBe(1);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row.escalationLevel).toBe('company');
    const crmNotes = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, t.world.users.crm.id), eq(notifications.kind, 'escalation')));
    expect(crmNotes).toHaveLength(1);
    // Running again changes nothing.
    expect((await runComplaintSla(t.database.db, t.clock.now())).escalated).toBe(0);
    t.clock.advance(72 * HOUR);
    await runComplaintSla(t.database.db, t.clock.now());
    const [later] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(later.escalationLevel).toBe('group');
    const groupNotes = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, t.world.users.groupcr.id), eq(notifications.kind, 'escalation')));
    expect(groupNotes).toHaveLength(1);
    // Six days after filing it is still important; the seventh makes it hot.
    expect(later.severity).toBe('important');
    t.clock.set(new Date(later.filedAt.getTime() + 7 * 24 * HOUR));
    await runComplaintSla(t.database.db, t.clock.now());
    const [hot] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(hot.severity).toBe('hot');
    expect(hot.severityReasons).toEqual(['unresolved_week']);
    const sev = await t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, id), eq(complaintEvents.kind, 'severity')));
    expect(sev.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(['general→important', 'important→hot']);
  });
});
