import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDashboard, ComplaintReport } from '../../src/common/contracts/complaint-reports.ts';
import type { Db } from '../../src/server/db/client.ts';
import { complaintAlerts, complaintCallbacks, complaints } from '../../src/server/modules/complaints/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { HOUR } from '../../src/server/platform/clock.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import type { World } from '../fixtures/world.ts';

type Seeded = {
  key: string;
  project: 'a1' | 'a2' | 'b1';
  filedAt: string;
  specialty: string;
  severity: 'general' | 'important' | 'hot' | 'major';
  status: string;
  resolvedAt?: string;
  closedAt?: string;
  // Call-backs as [satisfaction, at], in any order: the latest counts.
  callbacks?: [number, string][];
  withUnit?: boolean;
  handler?: 'crm';
};

const LIMIT_HOURS = { general: 120, important: 72, hot: 48, major: 24 };

// Company A: 西溪项目 (a1) and 滨江项目 (a2); company B: 锦城项目 (b1). Times are UTC; Shanghai is +8.
const DATA: Seeded[] = [
  { key: 'A1', project: 'a1', filedAt: '2026-01-10T02:00:00Z', specialty: 'engineering', severity: 'general', status: 'closed', resolvedAt: '2026-01-12T02:00:00Z', closedAt: '2026-01-13T02:00:00Z', callbacks: [[5, '2026-01-13T01:00:00Z']] },
  // Resolved late; first call-back unhappy, the latest satisfied.
  { key: 'A2', project: 'a1', filedAt: '2026-01-20T02:00:00Z', specialty: 'engineering', severity: 'important', status: 'closed', resolvedAt: '2026-01-30T02:00:00Z', closedAt: '2026-01-31T02:00:00Z', callbacks: [[4, '2026-01-31T01:00:00Z'], [2, '2026-01-30T03:00:00Z']] },
  { key: 'A3', project: 'a1', filedAt: '2026-03-05T02:00:00Z', specialty: 'design', severity: 'hot', status: 'awaiting_callback', resolvedAt: '2026-03-06T02:00:00Z' },
  // The latest call-back is a 3.
  { key: 'A4', project: 'a1', filedAt: '2026-06-15T02:00:00Z', specialty: 'sales', severity: 'major', status: 'closed', resolvedAt: '2026-06-15T10:00:00Z', closedAt: '2026-06-20T02:00:00Z', callbacks: [[5, '2026-06-16T02:00:00Z'], [3, '2026-06-18T02:00:00Z']] },
  // Monday 16 Nov 09:00 Shanghai (week 47), past its 24-hour limit.
  { key: 'A5', project: 'a1', filedAt: '2026-11-16T01:00:00Z', specialty: 'engineering', severity: 'major', status: 'investigating', withUnit: true, handler: 'crm' },
  // 2026-11-22T16:30Z is Monday 23 Nov 00:30 in Shanghai: week 48.
  { key: 'A6', project: 'a1', filedAt: '2026-11-22T16:30:00Z', specialty: 'property', severity: 'general', status: 'received' },
  // Sunday 15 Nov 23:59 Shanghai (week 46), closed in week 47.
  { key: 'A7', project: 'a1', filedAt: '2026-11-15T15:59:00Z', specialty: 'service', severity: 'hot', status: 'closed', resolvedAt: '2026-11-16T03:00:00Z', closedAt: '2026-11-18T02:00:00Z', callbacks: [[4, '2026-11-17T02:00:00Z']] },
  // 1 Jan 2026 00:30 Shanghai: January 2026, open and long overdue.
  { key: 'A8', project: 'a2', filedAt: '2025-12-31T16:30:00Z', specialty: 'engineering', severity: 'general', status: 'assigned' },
  // 31 Dec 2025 23:30 Shanghai: not in 2026.
  { key: 'A9', project: 'a2', filedAt: '2025-12-31T15:30:00Z', specialty: 'other', severity: 'general', status: 'closed', resolvedAt: '2026-01-02T02:00:00Z', closedAt: '2026-01-03T02:00:00Z' },
  { key: 'B1', project: 'b1', filedAt: '2026-02-10T02:00:00Z', specialty: 'engineering', severity: 'general', status: 'closed', resolvedAt: '2026-02-11T02:00:00Z', closedAt: '2026-02-12T02:00:00Z', callbacks: [[5, '2026-02-12T01:00:00Z']] },
  { key: 'B2', project: 'b1', filedAt: '2026-11-18T02:00:00Z', specialty: 'engineering', severity: 'hot', status: 'in_progress' },
];

async function seedComplaints(db: Db, w: World): Promise<Map<string, { id: string; no: string }>> {
  const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.buildingId, w.buildingA1.id), eq(units.number, '101')));
  const out = new Map<string, { id: string; no: string }>();
  for (const [i, d] of DATA.entries()) {
    const project = w[d.project];
    const filedAt = new Date(d.filedAt);
    const id = uuidv7();
    const no = `TS2026${String(i + 1).padStart(6, '0')}`;
    await db.insert(complaints).values({
      id, companyId: project.companyId, projectId: project.id,
      buildingId: d.withUnit ? w.buildingA1.id : null, unitId: d.withUnit ? unit.id : null,
      no, trackingCode: `TRACK${String(i).padStart(11, '0')}`, source: 'staff', channel: 'hotline', specialty: d.specialty,
      title: `投诉 ${d.key}`, description: '内容', contactName: `业主${d.key}`, contactMobile: `139000000${String(i + 1).padStart(2, '0')}`,
      severity: d.severity, status: d.status, handlerId: d.handler ? w.users.crm.id : null,
      filedAt, ackDueAt: new Date(filedAt.getTime() + 4 * HOUR), acknowledgedAt: new Date(filedAt.getTime() + HOUR),
      resolutionDueAt: new Date(filedAt.getTime() + LIMIT_HOURS[d.severity] * HOUR),
      resolvedAt: d.resolvedAt ? new Date(d.resolvedAt) : null, closedAt: d.closedAt ? new Date(d.closedAt) : null,
      createdAt: filedAt, updatedAt: filedAt,
    });
    for (const [satisfaction, at] of d.callbacks ?? []) {
      await db.insert(complaintCallbacks).values({ id: uuidv7(), companyId: project.companyId, complaintId: id, satisfaction, solved: true, at: new Date(at) });
    }
    out.set(d.key, { id, no });
  }
  const alert = (project: World['a1'], open: boolean, key: string) => ({
    id: uuidv7(), companyId: project.companyId, projectId: project.id, kind: 'building_specialty', key, customerCount: 3, complaintIds: [],
    open, raisedAt: new Date('2026-11-20T02:00:00Z'), createdAt: new Date('2026-11-20T02:00:00Z'), updatedAt: new Date('2026-11-20T02:00:00Z'),
  });
  await db.insert(complaintAlerts).values([alert(w.a1, true, 'a1:open'), alert(w.a1, false, 'a1:cleared'), alert(w.b1, true, 'b1:open')]);
  return out;
}

const rateOf = (value: number | null, numerator: number, denominator: number, target: number, met: boolean | null) => ({ value, numerator, denominator, target, met });
const count = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

describe.each(dbKinds())('complaint dashboard and reports on %s', (kind) => {
  let t: TestApp;
  let seeded: Map<string, { id: string; no: string }>;
  const get = async (username: string, url: string) => t.call('GET', url, { cookie: await t.as(username) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    seeded = await seedComplaints(t.database.db, t.world);
    t.clock.set('2026-11-25T02:00:00Z'); // Wednesday 25 Nov 10:00 Shanghai
  });
  afterAll(() => t.close());

  it('dashboard of a company for a Shanghai calendar year', async () => {
    const res = await get('crm', '/api/v1/complaint-dashboard?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const d: ComplaintDashboard = res.json();
    expect(d.total).toBe(8); // A1–A8; A9 is 2025 in Shanghai
    expect(d.open).toBe(4); // A3, A5, A6, A8
    expect(d.openAlerts).toBe(1);
    expect(d.cards).toEqual({
      satisfaction: rateOf(0.75, 3, 4, 0.8, false), // latest call-backs: 5, 4, 3, 4
      onTime: rateOf(0.8, 4, 5, 0.9, false), // A2 late
      closure: rateOf(0.5, 4, 8, 1, false),
      callback: rateOf(0.8, 4, 5, 1, false), // A3 resolved without call-back
    });
    expect(count(d.bySpecialty)).toEqual({ engineering: 4, design: 1, sales: 1, property: 1, service: 1 });
    expect(d.bySpecialty.map((s) => s.key)).toEqual(['engineering', 'design', 'sales', 'property', 'service', 'other']);
    expect(d.bySpecialty[0]).toEqual({ key: 'engineering', label: '工程质量', count: 4, share: 0.5 });
    expect(d.bySeverity).toEqual([
      { key: 'general', label: '一般', count: 3, share: 0.375 },
      { key: 'important', label: '重要', count: 1, share: 0.125 },
      { key: 'hot', label: '热点', count: 2, share: 0.25 },
      { key: 'major', label: '重大', count: 2, share: 0.25 },
    ]);
    expect(d.byProject).toEqual([
      { key: t.world.a1.id, label: '西溪项目', count: 7, share: 0.875 },
      { key: t.world.a2.id, label: '滨江项目', count: 1, share: 0.125 },
    ]);
    expect(d.byMonth.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(d.byMonth.filter((m) => m.count > 0)).toEqual([
      { month: '2026-01', count: 3, closed: 2, major: 0, hot: 0 },
      { month: '2026-03', count: 1, closed: 0, major: 0, hot: 1 },
      { month: '2026-06', count: 1, closed: 1, major: 1, hot: 0 },
      { month: '2026-11', count: 3, closed: 1, major: 1, hot: 1 },
    ]);
  });

  it('group-wide for group roles, one company on request; satisfaction must exceed 80 %', async () => {
    for (const username of ['groupcr', 'exec']) {
      const d: ComplaintDashboard = (await get(username, '/api/v1/complaint-dashboard?year=2026')).json();
      expect([d.total, d.open, d.openAlerts]).toEqual([10, 5, 2]);
      expect(d.cards.satisfaction).toEqual(rateOf(0.8, 4, 5, 0.8, false));
      expect(d.cards.closure).toEqual(rateOf(0.5, 5, 10, 1, false));
    }
    const b: ComplaintDashboard = (await get('exec', `/api/v1/complaint-dashboard?year=2026&companyId=${t.world.companyB.id}`)).json();
    expect([b.total, b.open, b.openAlerts]).toEqual([2, 1, 1]);
    expect(b.cards).toEqual({
      satisfaction: rateOf(1, 1, 1, 0.8, true),
      onTime: rateOf(1, 1, 1, 0.9, true),
      closure: rateOf(0.5, 1, 2, 1, false),
      callback: rateOf(1, 1, 1, 1, true),
    });
    const project: ComplaintDashboard = (await get('crm', `/api/v1/complaint-dashboard?year=2026&projectId=${t.world.a2.id}`)).json();
    expect([project.total, project.open]).toEqual([1, 1]);
    const empty: ComplaintDashboard = (await get('crm', '/api/v1/complaint-dashboard?year=2024')).json();
    expect(empty.total).toBe(0);
    expect(empty.cards.closure).toEqual(rateOf(null, 0, 0, 1, null));
    expect(empty.bySeverity.every((s) => s.share === 0)).toBe(true);
  });

  it('weekly report: Monday to Monday in Shanghai, with what is still open and overdue', async () => {
    const res = await get('crm', '/api/v1/complaint-reports?period=week&date=2026-11-18');
    expect(res.statusCode, res.body).toBe(200);
    const r: ComplaintReport = res.json();
    expect(r.period).toEqual({ kind: 'week', from: '2026-11-15T16:00:00.000Z', to: '2026-11-22T16:00:00.000Z', label: '2026 年第 47 周（11月16日–11月22日）' });
    expect(r.scopeLabel).toBe('杭州公司');
    expect(r.summary).toEqual({
      received: 1, // A5 (A7 is Sunday of week 46, A6 Monday of week 48)
      closed: 1, // A7
      openAtEnd: 3, // A3, A5, A8
      overdueAtEnd: 2, // A5, A8
      satisfaction: rateOf(null, 0, 0, 0.8, null),
      onTime: rateOf(null, 0, 0, 0.9, null),
      closure: rateOf(0, 0, 1, 1, false),
      callback: rateOf(null, 0, 0, 1, null),
    });
    expect(count(r.bySpecialty)).toEqual({ engineering: 1 });
    expect(count(r.bySeverity)).toEqual({ major: 1 });
    expect(r.byProject).toEqual([{ key: t.world.a1.id, label: '西溪项目', count: 1, share: 1 }]);
    expect(r.notable.map((c) => c.no)).toEqual([seeded.get('A5')!.no, seeded.get('A8')!.no]);
    expect(r.notable[0]).toMatchObject({
      id: seeded.get('A5')!.id, projectName: '西溪项目', buildingName: '1 号楼', unitNumber: '101', severity: 'major', status: 'investigating',
      contactName: '业主A5', contactMobile: '139****0005', handler: { id: t.world.users.crm.id, name: 'crm' }, filedAt: '2026-11-16T01:00:00.000Z', overdue: true,
    });
    expect(r.notable[1]).toMatchObject({ projectName: '滨江项目', buildingName: null, unitNumber: null, handler: null, overdue: true });

    const next: ComplaintReport = (await get('crm', '/api/v1/complaint-reports?period=week&date=2026-11-23')).json();
    expect(next.period.label).toBe('2026 年第 48 周（11月23日–11月29日）');
    expect(next.summary.received).toBe(1); // A6, filed 2026-11-22T16:30Z
    expect(count(next.bySpecialty)).toEqual({ property: 1 });
    const before: ComplaintReport = (await get('crm', '/api/v1/complaint-reports?period=week&date=2026-11-15')).json();
    expect(count(before.bySpecialty)).toEqual({ service: 1 }); // A7
  });

  it('monthly report for the group', async () => {
    const res = await get('groupcr', '/api/v1/complaint-reports?period=month&date=2026-11-05');
    expect(res.statusCode, res.body).toBe(200);
    const r: ComplaintReport = res.json();
    expect(r.period).toEqual({ kind: 'month', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', label: '2026 年 11 月' });
    expect(r.scopeLabel).toBe('全集团');
    expect(r.summary).toMatchObject({ received: 4, closed: 1, openAtEnd: 5, overdueAtEnd: 3 }); // now is before the month's end
    expect(r.summary.closure).toEqual(rateOf(0.25, 1, 4, 1, false));
    expect(r.summary.satisfaction).toEqual(rateOf(1, 1, 1, 0.8, true));
    expect(r.summary.onTime).toEqual(rateOf(1, 1, 1, 0.9, true));
    expect(count(r.bySpecialty)).toEqual({ engineering: 2, property: 1, service: 1 });
    expect(r.byProject.map((p) => [p.label, p.count])).toEqual([['西溪项目', 3], ['锦城项目', 1]]);
    expect(r.notable.map((c) => c.no)).toEqual(['A5', 'B2', 'A7', 'A8'].map((k) => seeded.get(k)!.no));
    expect(r.notable.find((c) => c.no === seeded.get('A7')!.no)!.overdue).toBe(false);
  });

  it('keeps callers inside their scope', async () => {
    const forbidden = [
      `/api/v1/complaint-dashboard?year=2026&companyId=${t.world.companyB.id}`,
      `/api/v1/complaint-reports?period=week&date=2026-11-18&companyId=${t.world.companyB.id}`,
      `/api/v1/complaint-reports?period=week&date=2026-11-18&projectId=${t.world.b1.id}`,
      `/api/v1/complaint-reports/xlsx?period=week&date=2026-11-18&companyId=${t.world.companyB.id}`,
    ];
    for (const url of forbidden) {
      const res = await get('crm', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const b: ComplaintReport = (await get('groupcr', `/api/v1/complaint-reports?period=month&date=2026-11-05&projectId=${t.world.b1.id}`)).json();
    expect([b.scopeLabel, b.summary.received]).toEqual(['锦城项目', 1]);
  });

  it('refuses roles without complaints.reports and bad input', async () => {
    for (const username of ['salesmgr', 'consultant', 'engineer', 'property', 'marketing', 'admin']) {
      for (const url of ['/api/v1/complaint-dashboard?year=2026', '/api/v1/complaint-reports?period=week&date=2026-11-18', '/api/v1/complaint-reports/xlsx?period=week&date=2026-11-18']) {
        expect((await get(username, url)).statusCode, `${username} ${url}`).toBe(403);
      }
    }
    expect((await get('crm', '/api/v1/complaint-reports?period=week&date=2026-02-30')).statusCode).toBe(400);
    expect((await get('crm', '/api/v1/complaint-reports?period=day&date=2026-02-03')).statusCode).toBe(400);
    expect((await get('crm', '/api/v1/complaint-dashboard')).statusCode).toBe(400);
  });

  it('downloads the report as .xlsx and records it in the audit log', async () => {
    const res = await get('crm', '/api/v1/complaint-reports/xlsx?period=week&date=2026-11-18');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('complaint-report-2026-W47.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '按专业', '按性质', '按项目', '重点投诉']);
    const overview = wb.getWorksheet('概况')!;
    expect(overview.getCell('A1').value).toBe('投诉周报：2026 年第 47 周（11月16日–11月22日）');
    expect([overview.getCell('A7').value, overview.getCell('B7').value]).toEqual(['本期受理', 1]);
    const closure = overview.getCell('B13');
    expect([overview.getCell('A13').value, closure.value, closure.numFmt]).toEqual(['关闭率（已关闭 / 本期受理）', 0, '0.0%']);
    const specialty = wb.getWorksheet('按专业')!;
    expect([specialty.getCell('A2').value, specialty.getCell('B2').value, specialty.getCell('C2').value, specialty.getCell('C2').numFmt]).toEqual(['工程质量', 1, 1, '0.0%']);
    const notable = wb.getWorksheet('重点投诉')!;
    expect([notable.getCell('A1').value, notable.getCell('A2').value, notable.getCell('L2').value]).toEqual(['投诉编号', seeded.get('A5')!.no, '139****0005']);

    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'export'), eq(auditLogs.entityType, 'complaint_report')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: t.world.users.crm.id, entityLabel: '导出投诉周报：2026 年第 47 周（11月16日–11月22日）（杭州公司）', companyId: t.world.companyA.id });
  });
});
