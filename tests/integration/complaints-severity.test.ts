import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintCase, ComplaintDetail } from '../../src/common/contracts/complaints.ts';
import type { ComplaintAlert, GroupComplaint } from '../../src/common/contracts/group-complaints.ts';
import { CONTINGENCY_ITEMS } from '../../src/common/complaints.ts';
import { complaintEvents, complaints, groupComplaints } from '../../src/server/modules/complaints/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { HOUR } from '../../src/server/platform/clock.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { complaintApi, mobile, type ComplaintApi, type Problem } from '../fixtures/complaints.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Severity by the seeds' rules, as it is judged on filing and re-judged on every change; what a
// major complaint sets in motion; 问题归集 and the early warnings; group complaints.
// One world per database; complaints carry no building unless the test is about buildings, so
// the building/specialty warning sees only its own.
describe.each(dbKinds())('complaint severity, alerts and group complaints on %s', (kind) => {
  let t: TestApp;
  let api: ComplaintApi;
  let seq = 0;
  const nextMobile = () => mobile(++seq);
  const file = (facts: Record<string, unknown> = {}, username = 'crm') => api.file({ projectId: t.world.a1.id, contactMobile: nextMobile(), ...facts }, username);
  const stored = async (id: string) => (await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0];
  const severityEvents = (id: string) => t.database.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, id), eq(complaintEvents.kind, 'severity')));
  const alerts = async (username: string, open = true): Promise<ComplaintAlert[]> => {
    const res = await api.get(username, `/api/v1/complaint-alerts?open=${open}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = complaintApi(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('judges severity on filing by the seeds\' rules', async () => {
    const cases: Array<[Record<string, unknown>, string, string[], string]> = [
      [{ collective: true, complainantCount: 9 }, 'hot', ['collective_3'], 'company'],
      [{ collective: true, complainantCount: 10 }, 'major', ['collective_10'], 'group'],
      [{ mediaExposed: true }, 'major', ['media_exposed'], 'group'],
      [{ lawsuitFiled: true }, 'major', ['lawsuit_filed'], 'group'],
      [{ lawsuitOrMediaRisk: true }, 'hot', ['lawsuit_or_media_risk'], 'company'],
      [{ needsOutsideSupport: true }, 'important', ['outside_support'], 'project'],
      [{}, 'general', [], 'project'],
      // Many people, but not a collective complaint: the head count alone does not count.
      [{ collective: false, complainantCount: 12 }, 'general', [], 'project'],
    ];
    for (const [facts, severity, reasons, level] of cases) {
      const d = await file(facts);
      expect({ facts, severity: d.severity, reasons: d.severityReasons, level: d.escalationLevel }).toEqual({ facts, severity, reasons, level });
      const row = await stored(d.id);
      expect(row).toMatchObject({ severity, severityReasons: reasons });
      // The resolution clock follows the severity (default limits: 120/72/48/24 hours).
      const hours = { general: 120, important: 72, hot: 48, major: 24 }[severity]!;
      expect(row.resolutionDueAt.getTime() - row.filedAt.getTime()).toBe(hours * HOUR);
    }
  });

  it('drops a major complaint to what the other facts give when a rule stops applying, and says why', async () => {
    const d = await file({ mediaExposed: true, lawsuitOrMediaRisk: true, title: '媒体报道房屋漏水' });
    expect(d).toMatchObject({ severity: 'major', severityReasons: ['media_exposed'] });
    const res = await api.call('crm', 'PATCH', `/api/v1/complaints/${d.id}`, { version: d.version, mediaExposed: false, reason: '报道已撤稿' });
    expect(res.statusCode, res.body).toBe(200);
    const after: ComplaintDetail = res.json();
    expect(after).toMatchObject({ severity: 'hot', severityReasons: ['lawsuit_or_media_risk'], mediaExposed: false });
    const row = await stored(d.id);
    expect(row).toMatchObject({ severity: 'hot', severityReasons: ['lawsuit_or_media_risk'] });
    expect(row.resolutionDueAt.getTime() - row.filedAt.getTime()).toBe(48 * HOUR);
    const drop = (await severityEvents(d.id)).find((e) => e.fromValue === 'major' && e.toValue === 'hot');
    expect(drop, 'a severity event major→hot').toBeDefined();
    expect(drop!.content).toContain('不再满足「已被媒体曝光」');
    expect(drop!.content).toContain('现依据：可能引发诉讼或媒体曝光');
    expect(drop!.content).toContain('报道已撤稿');
    expect(after.events.some((e) => e.kind === 'severity' && e.toValue === 'hot')).toBe(true);
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'complaint'), eq(auditLogs.entityId, d.id), eq(auditLogs.action, 'update')));
    expect(audit.map((a) => a.changes?.severity)).toContainEqual({ before: 'major', after: 'hot' });
    expect(audit.find((a) => a.changes?.severity)?.actorId).toBe(t.world.users.crm.id);
  });

  it('sets a major complaint in motion: the group centre told, escalated, a contingency plan, a case before closing', async () => {
    const d = await file({ lawsuitFiled: true, title: '业主起诉交房延期', specialty: 'sales' });
    expect(d).toMatchObject({ severity: 'major', escalationLevel: 'group' });
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'major'), eq(notifications.link, `/complaints/${d.id}`)));
    expect(told.map((n) => n.userId)).toEqual([t.world.users.groupcr.id]);
    expect((await stored(d.id)).escalationLevel).toBe('group');

    // The eight headings of the contingency plan, in order, all to do.
    expect(d.contingency.map((i) => i.item)).toEqual([...CONTINGENCY_ITEMS]);
    // Not stored until someone works on an item.
    expect(d.contingency.every((i) => i.status === 'todo' && i.owner === null && i.id === null && i.version === 0)).toBe(true);
    const item = d.contingency[0];
    const url = `/api/v1/complaints/${d.id}/contingency/${item.item}`;
    const upd = await api.call('crm', 'PATCH', url, { version: item.version, ownerId: t.world.users.engineer.id, status: 'doing', note: '今日成立应急小组' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ item: item.item, owner: { id: t.world.users.engineer.id, name: 'engineer' }, status: 'doing', note: '今日成立应急小组', version: 1 });
    expect(upd.json().id).toEqual(expect.any(String));
    const stale = await api.call('crm', 'PATCH', url, { version: item.version, status: 'done' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    expect((await api.detail(d.id)).contingency[0].status).toBe('doing');
    // A general complaint has no contingency plan.
    const plain = await file({ title: '楼道灯不亮', specialty: 'property' });
    expect(plain.contingency).toEqual([]);
    const noPlan = await api.call('crm', 'PATCH', `/api/v1/complaints/${plain.id}/contingency/response_team`, { version: 0, status: 'doing' });
    expect(noPlan.statusCode).toBe(409);

    // Closure after the call-back is refused until the case is written.
    const ready = await api.workToCallback(d.id, { id: t.world.users.crm.id, username: 'crm' });
    expect(ready.status).toBe('awaiting_callback');
    const refused = await api.post('crm', `/api/v1/complaints/${d.id}/close`, { version: ready.version });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as Problem).code).toBe('CASE_REQUIRED');
    expect((await stored(d.id)).status).toBe('awaiting_callback');
    const body = { title: '交房延期诉讼案例', background: '业主因交房延期起诉', cause: '施工进度滞后', handling: '协商赔偿后撤诉', lessons: '延期风险须提前告知业主并书面确认' };
    const put = await api.call('crm', 'PUT', `/api/v1/complaints/${d.id}/case`, body);
    expect(put.statusCode, put.body).toBe(200);
    const saved: ComplaintCase = put.json();
    expect(saved).toMatchObject({ complaintId: d.id, severity: 'major', specialty: 'sales', lessons: body.lessons });
    const closed = await api.post('crm', `/api/v1/complaints/${d.id}/close`, { version: (await api.detail(d.id)).version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');

    const found = await api.get('engineer', `/api/v1/complaint-cases?q=${encodeURIComponent('书面确认')}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((c: ComplaintCase) => c.id)).toEqual([saved.id]);
    const none = await api.get('engineer', `/api/v1/complaint-cases?q=${encodeURIComponent('不存在的教训')}`);
    expect(none.json().items).toEqual([]);
  });

  let issueMembers: ComplaintDetail[] = [];
  let issueId = '';

  it('makes three different complainants of one issue hot and raises a same-issue warning', async () => {
    issueMembers = [];
    for (const who of ['甲', '乙', '丙']) issueMembers.push(await file({ contactName: `业主${who}`, specialty: 'design', title: `车库出入口设计不合理（${who}）` }));
    const [p1, p2, p3] = issueMembers;
    const first = await api.step(p1.id, 'issue', { newIssueTitle: '车库出入口设计' });
    expect(first.issue?.title).toBe('车库出入口设计');
    issueId = first.issue!.id;
    const second = await api.step(p2.id, 'issue', { issueId });
    expect(second).toMatchObject({ severity: 'general', issue: { id: issueId } });
    expect((await alerts('crm')).filter((a) => a.kind === 'same_issue')).toEqual([]);
    const third = await api.step(p3.id, 'issue', { issueId });
    expect(third).toMatchObject({ severity: 'hot', severityReasons: ['same_issue_3'] });
    for (const p of issueMembers) {
      expect(await stored(p.id), p.title).toMatchObject({ issueId, severity: 'hot', severityReasons: ['same_issue_3'] });
      expect((await severityEvents(p.id)).map((e) => `${e.fromValue}→${e.toValue}`)).toEqual(['general→hot']);
    }

    for (const username of ['crm', 'groupcr']) {
      const alert = (await alerts(username)).find((a) => a.kind === 'same_issue');
      expect(alert, username).toMatchObject({ issueTitle: '车库出入口设计', customerCount: 3, projectId: t.world.a1.id, open: true });
      expect([...alert!.complaintIds].sort()).toEqual(issueMembers.map((p) => p.id).sort());
    }
    expect((await alerts('property')).filter((a) => a.kind === 'same_issue')).toEqual([]);
    // The company's manager and the group centre were told once.
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'alert'));
    expect(told.map((n) => n.userId).sort()).toEqual([t.world.users.crm.id, t.world.users.groupcr.id].sort());
  });

  it('lists the project\'s issue with the number of complaints it holds', async () => {
    const res = await api.get('crm', `/api/v1/complaint-issues?projectId=${t.world.a1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(expect.objectContaining({ id: issueId, title: '车库出入口设计', complaintCount: 3 }));
  });

  it('counts two complaints by the same mobile as one complainant', async () => {
    const same = nextMobile();
    const q1 = await file({ contactName: '赵先生', contactMobile: same, specialty: 'design', title: '绿化率不达标' });
    const q2 = await file({ contactName: '赵太太', contactMobile: same, specialty: 'design', title: '绿化率与宣传不符' });
    const q3 = await file({ contactName: '钱女士', specialty: 'design', title: '小区绿化太少' });
    const linked = await api.step(q1.id, 'issue', { newIssueTitle: '绿化率' });
    await api.step(q2.id, 'issue', { issueId: linked.issue!.id });
    const last = await api.step(q3.id, 'issue', { issueId: linked.issue!.id });
    expect(last).toMatchObject({ severity: 'general', severityReasons: [] });
    const rows = await t.database.db.select().from(complaints).where(inArray(complaints.id, [q1.id, q2.id, q3.id]));
    expect(rows.map((r) => r.severity)).toEqual(['general', 'general', 'general']);
    expect((await alerts('crm')).filter((a) => a.kind === 'same_issue' && a.issueTitle === '绿化率')).toEqual([]);
  });

  it('counts a public filing and a staff filing by the same mobile as one complainant', async () => {
    // The owner first files on the public page (no customer file yet), then calls the hotline.
    const same = nextMobile();
    const pub = await t.call('POST', '/api/v1/public/complaints', {
      body: { projectId: t.world.a1.id, contactName: '冯先生', contactMobile: same, specialty: 'design', title: '楼间距太小', description: '楼间距与规划公示不一致，采光受影响。' },
    });
    expect(pub.statusCode, pub.body).toBe(201);
    const [p] = await t.database.db.select().from(complaints).where(eq(complaints.trackingCode, pub.json().trackingCode));
    const s1 = await file({ contactName: '冯先生', contactMobile: same, specialty: 'design', title: '楼间距太小，电话投诉' });
    const s2 = await file({ contactName: '陈女士', specialty: 'design', title: '楼间距不符合规划' });
    const linked = await api.step(p.id, 'issue', { newIssueTitle: '楼间距' });
    await api.step(s1.id, 'issue', { issueId: linked.issue!.id });
    await api.step(s2.id, 'issue', { issueId: linked.issue!.id });
    const rows = await t.database.db.select().from(complaints).where(inArray(complaints.id, [p.id, s1.id, s2.id]));
    expect(rows.map((r) => r.severity)).toEqual(['general', 'general', 'general']);
    expect((await alerts('crm')).filter((a) => a.kind === 'same_issue' && a.issueTitle === '楼间距')).toEqual([]);
  });

  it('drops the others back when one is unlinked, with events, and clears the warning', async () => {
    const [p1, p2, p3] = issueMembers;
    const out = await api.step(p3.id, 'issue', { issueId: null });
    expect(out).toMatchObject({ issue: null, severity: 'general', severityReasons: [] });
    for (const p of [p1, p2, p3]) {
      expect(await stored(p.id)).toMatchObject({ severity: 'general', severityReasons: [] });
      const back = (await severityEvents(p.id)).find((e) => e.fromValue === 'hot' && e.toValue === 'general');
      expect(back, p.title).toBeDefined();
      expect(back!.content).toContain('不再满足「一个月内 3 位以上不同投诉人的相同投诉」');
    }
    expect((await stored(p1.id)).issueId).toBe(issueId);
    expect((await alerts('crm')).filter((a) => a.kind === 'same_issue' && a.issueTitle === '车库出入口设计')).toEqual([]);
    const cleared = (await alerts('crm', false)).find((a) => a.kind === 'same_issue' && a.issueTitle === '车库出入口设计');
    expect(cleared).toMatchObject({ open: false });
    expect(cleared!.clearedAt).not.toBeNull();
  });

  let building: ComplaintDetail[] = [];

  it('warns of three customers in one building and specialty, and clears it when one closes', async () => {
    const place = { buildingId: t.world.buildingA1.id, specialty: 'engineering' };
    building = [];
    for (const title of ['1 号楼外墙渗水严重', '1 号楼电梯经常停运', '1 号楼楼道墙面开裂']) {
      expect((await alerts('crm')).filter((a) => a.kind === 'building_specialty')).toEqual([]);
      building.push(await file({ ...place, title, description: title }));
    }
    const alert = (await alerts('crm')).find((a) => a.kind === 'building_specialty');
    expect(alert).toMatchObject({ buildingName: '1 号楼', specialty: 'engineering', customerCount: 3, open: true });
    expect([...alert!.complaintIds].sort()).toEqual(building.map((b) => b.id).sort());
    expect((await alerts('groupcr')).some((a) => a.id === alert!.id)).toBe(true);
    expect((await alerts('property')).some((a) => a.id === alert!.id)).toBe(false);

    const ready = await api.workToCallback(building[2].id, { id: t.world.users.engineer.id, username: 'engineer' });
    // The warning stays while the complaint is open, even solved and awaiting closure.
    expect((await alerts('crm')).some((a) => a.id === alert!.id)).toBe(true);
    const closed = await api.step(building[2].id, 'close', { version: ready.version }, 'engineer');
    expect(closed.status).toBe('closed');
    expect((await alerts('crm')).some((a) => a.id === alert!.id)).toBe(false);
    const cleared = (await alerts('crm', false)).find((a) => a.id === alert!.id);
    expect(cleared).toMatchObject({ open: false, customerCount: 3 });
    expect(cleared!.clearedAt).not.toBeNull();
  });

  it('suggests an open complaint of the same building and specialty with a similar title', async () => {
    const q = new URLSearchParams({ projectId: t.world.a1.id, buildingId: t.world.buildingA1.id, specialty: 'engineering', text: '1 号楼外墙渗水，墙面发霉' });
    const res = await api.get('crm', `/api/v1/complaint-suggestions?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const items: Array<{ id: string; similarity: number }> = res.json().items;
    expect(items[0]?.id).toBe(building[0].id);
    expect(items[0].similarity).toBeGreaterThan(0);
    // Closed complaints and other specialties without a likeness are not suggested.
    const ids = items.map((i) => i.id);
    expect(ids).not.toContain(building[2].id);
    expect(ids).not.toContain(issueMembers[0].id);
    // Out of scope: company B's property staff get nothing of project a1.
    expect((await api.get('property', `/api/v1/complaint-suggestions?${q}`)).json().items).toEqual([]);
  });

  it('records a group complaint with its leader, members and complaints of one project', async () => {
    const [p1, p2] = issueMembers;
    const body = { projectId: t.world.a1.id, title: '车库出入口群诉', type: 'core', leaderName: '孙先生', members: ['孙先生', '李女士', '周先生'], strategy: '先做通带头人', complaintIds: [p1.id, p2.id] };
    const res = await api.post('crm', '/api/v1/group-complaints', body);
    expect(res.statusCode, res.body).toBe(201);
    const g: GroupComplaint = res.json();
    expect(g).toMatchObject({ projectId: t.world.a1.id, type: 'core', status: 'active', leaderName: '孙先生', members: body.members, memberCount: 3 });
    expect(g.complaints.map((c) => c.id).sort()).toEqual([p1.id, p2.id].sort());
    expect((await api.detail(p1.id)).groupComplaintId).toBe(g.id);
    expect((await api.detail(p2.id)).groupComplaintId).toBe(g.id);

    const groupsBefore = (await t.database.db.select().from(groupComplaints)).length;
    const other = await file({ projectId: t.world.a2.id, title: '滨江项目投诉' });
    const cross = await api.post('crm', '/api/v1/group-complaints', { ...body, title: '跨项目群诉', complaintIds: [p1.id, other.id] });
    expect(cross.statusCode).toBe(400);
    expect((cross.json() as Problem).errors?.map((e) => e.field)).toEqual(['complaintIds']);
    expect(await t.database.db.select().from(groupComplaints)).toHaveLength(groupsBefore);
    expect((await stored(p1.id)).groupComplaintId).toBe(g.id);
    expect((await stored(other.id)).groupComplaintId).toBeNull();

    expect((await api.post('engineer', '/api/v1/group-complaints', { ...body, title: '工程部群诉' })).statusCode).toBe(403);
    expect((await api.call('engineer', 'PATCH', `/api/v1/group-complaints/${g.id}`, { version: g.version, status: 'settled' })).statusCode).toBe(403);

    const ok = await api.call('crm', 'PATCH', `/api/v1/group-complaints/${g.id}`, { version: g.version, strategy: '带头人已同意协商' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ strategy: '带头人已同意协商', version: g.version + 1 });
    const stale = await api.call('crm', 'PATCH', `/api/v1/group-complaints/${g.id}`, { version: g.version, status: 'settled' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    expect((await api.get('crm', `/api/v1/group-complaints/${g.id}`)).json().status).toBe('active');
  });
});
