import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../src/common/contracts/complaints.ts';
import { complaintEvents, complaints } from '../../src/server/modules/complaints/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { DAY } from '../../src/server/platform/clock.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { complaintApi, type ComplaintApi, type Problem } from '../fixtures/complaints.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

type Entry = { kind: string; content: string; to: string | null };

// 问题归集 when a complaint is filed straight into an issue; the one-month window of the
// same-issue rule; channels that are facts; public filings and customer files.
describe.each(dbKinds())('complaint issues, channels and public links on %s', (kind) => {
  let t: TestApp;
  let api: ComplaintApi;
  let seq = 0;
  const nextMobile = () => `1397777${String(++seq).padStart(4, '0')}`;
  const file = (facts: Record<string, unknown> = {}) => api.file({ projectId: t.world.a1.id, contactMobile: nextMobile(), specialty: 'design', ...facts });
  const stored = async (id: string) => (await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0];
  const severityEvents = (id: string) => t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, id), eq(complaintEvents.kind, 'severity')));

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The clock moves by days here: log in afresh for every call rather than reuse a session.
    api = complaintApi({ ...t, as: (username: string) => t.login(username) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('re-judges the issue\'s other complaints when one is filed straight into it', async () => {
    const a = await file({ title: '会所游泳池迟迟未开放（甲）' });
    const linked = await api.step(a.id, 'issue', { newIssueTitle: '会所游泳池未开放' });
    const issueId = linked.issue!.id;
    const b = await file({ title: '会所游泳池迟迟未开放（乙）' });
    await api.step(b.id, 'issue', { issueId });
    expect((await stored(a.id)).severity).toBe('general');

    // C is recorded from the suggestions panel with the issue chosen: A and B become hot too.
    const c = await file({ title: '会所游泳池宣传与实际不符（丙）', issueId });
    expect(c).toMatchObject({ severity: 'hot', severityReasons: ['same_issue_3'], issue: { id: issueId } });
    for (const p of [a, b]) {
      const row = await stored(p.id);
      expect(row, p.title).toMatchObject({ severity: 'hot', severityReasons: ['same_issue_3'], escalationLevel: 'company' });
      const events = await severityEvents(p.id);
      expect(events.map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(['general→hot']);
      expect(events[0].content).toContain(c.no);
      expect(events[0].content).toContain('一个月内 3 位以上不同投诉人');
      const escalated = await t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, p.id), eq(complaintEvents.kind, 'escalated')));
      expect(escalated.map((e) => e.toValue)).toEqual(['company']);
      const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, p.id), eq(auditLogs.action, 'update')));
      expect(audit.map((x) => x.changes?.severity)).toContainEqual({ before: 'general', after: 'hot' });
      const told = await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'escalation'), eq(notifications.link, `/complaints/${p.id}`)));
      expect(told.map((n) => n.userId)).toEqual([t.world.users.crm.id]);
    }
  });

  it('counts only complainants whose filings fall within one month: days 0, 25 and 50 stay general', async () => {
    const start = t.clock.now();
    const filed: ComplaintDetail[] = [];
    let issueId: string | null = null;
    for (const day of [0, 25, 50]) {
      t.clock.set(new Date(start.getTime() + day * DAY));
      const d = await file({ title: `地下车库积水（第 ${day} 天）`, issueId });
      filed.push(d);
      issueId ??= (await api.step(d.id, 'issue', { newIssueTitle: `地下车库积水 ${kind}` })).issue!.id;
    }
    const rows = await t.database.db.select().from(complaints).where(inArray(complaints.id, filed.map((d) => d.id)));
    expect(rows.map((r) => r.severityReasons.includes('same_issue_3'))).toEqual([false, false, false]);

    // The scheduled job judges by the same rule (day 57: only the week clause can apply).
    const { runComplaintSla } = await import('../../src/server/modules/complaints/sla-job.ts');
    t.clock.set(new Date(start.getTime() + 57 * DAY));
    await runComplaintSla(t.database.db, t.clock.now());
    const after = await t.database.db.select().from(complaints).where(inArray(complaints.id, filed.map((d) => d.id)));
    expect(after.every((r) => !r.severityReasons.includes('same_issue_3'))).toBe(true);
  });

  it('makes days 0, 15 and 29 hot, and the job keeps them so', async () => {
    const start = t.clock.now();
    const filed: ComplaintDetail[] = [];
    let issueId: string | null = null;
    for (const day of [0, 15, 29]) {
      t.clock.set(new Date(start.getTime() + day * DAY));
      const d = await file({ title: `电梯频繁故障（第 ${day} 天）`, issueId });
      filed.push(d);
      issueId ??= (await api.step(d.id, 'issue', { newIssueTitle: `电梯频繁故障 ${kind}` })).issue!.id;
    }
    const rows = await t.database.db.select().from(complaints).where(inArray(complaints.id, filed.map((d) => d.id)));
    expect(rows.map((r) => ({ severity: r.severity, same: r.severityReasons.includes('same_issue_3') }))).toEqual(Array(3).fill({ severity: 'hot', same: true }));
    const { runComplaintSla } = await import('../../src/server/modules/complaints/sla-job.ts');
    // Day 30: past a week for all but the last, short of the month that would make the first major.
    t.clock.advance(1 * DAY);
    await runComplaintSla(t.database.db, t.clock.now());
    const after = await t.database.db.select().from(complaints).where(inArray(complaints.id, filed.map((d) => d.id)));
    expect(after.map((r) => r.severityReasons.includes('same_issue_3'))).toEqual([true, true, true]);
  });

  it('takes a complaint received through the lawsuit or media channel as lawsuit filed or media exposed', async () => {
    const sued = await file({ channel: 'lawsuit', title: '业主起诉：车位面积缩水' });
    expect(sued).toMatchObject({ lawsuitFiled: true, mediaExposed: false, severity: 'major', severityReasons: ['lawsuit_filed'], escalationLevel: 'group' });
    const press = await file({ channel: 'media', title: '晚报报道：小区绿化缩水' });
    expect(press).toMatchObject({ mediaExposed: true, lawsuitFiled: false, severity: 'major', severityReasons: ['media_exposed'] });
    expect(await stored(press.id)).toMatchObject({ mediaExposed: true, severity: 'major' });
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'major'), eq(notifications.link, `/complaints/${sued.id}`)));
    expect(told.map((n) => n.userId)).toEqual([t.world.users.groupcr.id]);
    // The recorder may say otherwise (a lawyer's letter, no suit yet), and correct it later.
    const letter = await file({ channel: 'lawsuit', lawsuitFiled: false, lawsuitOrMediaRisk: true, title: '律师函：要求赔偿' });
    expect(letter).toMatchObject({ lawsuitFiled: false, severity: 'hot', severityReasons: ['lawsuit_or_media_risk'] });
    const fixed = await api.call('crm', 'PATCH', `/api/v1/complaints/${press.id}`, { version: press.version, mediaExposed: false, reason: '只是记者来电询问' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ mediaExposed: false, severity: 'general' });
  });

  it('keeps a public filing off an existing customer\'s timeline until staff link it', async () => {
    t.clock.advance(60 * DAY);
    const consultant = await t.login('consultant');
    const created = await t.call('POST', '/api/v1/customers', { cookie: consultant, body: { name: '何静', mobile: '13866665555', grade: 'B', projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(created.statusCode, created.body).toBe(201);
    const customerId: string = created.json().id;
    const pub = await t.call('POST', '/api/v1/public/complaints', {
      body: { projectId: t.world.a1.id, contactName: '何女士', contactMobile: '13866665555', specialty: 'property', description: '小区垃圾清运不及时，气味很大。' },
    });
    expect(pub.statusCode, pub.body).toBe(201);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.trackingCode, pub.json().trackingCode));
    expect(row).toMatchObject({ customerId: null, suggestedCustomerId: customerId });
    const timeline = async () => ((await t.call('GET', `/api/v1/customers/${customerId}/timeline`, { cookie: consultant })).json().items as Entry[]).filter((e) => e.kind === 'complaint');
    expect(await timeline()).toEqual([]);

    const d = await api.detail(row.id);
    expect(d).toMatchObject({ customerId: null, suggestedCustomerId: customerId });
    // A stale version and an outsider are refused; nothing changes.
    const stale = await api.post('crm', `/api/v1/complaints/${row.id}/customer`, { version: d.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    expect((await api.post('property', `/api/v1/complaints/${row.id}/customer`, { version: d.version })).statusCode).toBe(404);
    expect((await stored(row.id)).customerId).toBeNull();

    const linked = await api.step(row.id, 'customer', { version: d.version });
    expect(linked).toMatchObject({ customerId, suggestedCustomerId: null });
    expect(linked.events.some((e) => e.kind === 'updated' && e.content.includes('关联客户档案'))).toBe(true);
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, row.id), eq(auditLogs.action, 'update')));
    const entry = audit.find((a) => a.changes?.customerId);
    expect(entry?.changes?.customerId).toEqual({ before: null, after: customerId });
    expect(entry?.actorId).toBe(t.world.users.crm.id);
    expect((await timeline()).map((e) => e.to)).toEqual([row.id]);
    // Once linked there is nothing more to link.
    const again = await api.post('crm', `/api/v1/complaints/${row.id}/customer`, { version: linked.version });
    expect(again.statusCode).toBe(409);

    // A public filing with an unknown mobile has nothing to suggest.
    const unknown = await t.call('POST', '/api/v1/public/complaints', {
      body: { projectId: t.world.a1.id, contactName: '路人', contactMobile: '13866669999', description: '门口道闸经常抬不起来。' },
    });
    const [other] = await t.database.db.select().from(complaints).where(eq(complaints.trackingCode, unknown.json().trackingCode));
    expect(other).toMatchObject({ customerId: null, suggestedCustomerId: null });
    const nothing = await api.post('crm', `/api/v1/complaints/${other.id}/customer`, { version: other.version });
    expect(nothing.statusCode).toBe(409);
    expect((nothing.json() as Problem).code).toBe('INVALID_TRANSITION');
  });
});
