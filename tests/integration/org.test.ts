import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings, companies, orgGroups, projects, units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { queryRows } from '../../src/server/db/raw.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Organisation CRUD through the API as the system administrator: responses, stored rows and
// audit entries, optimistic locking, uniqueness and the guards on deleting non-empty records.
describe.each(dbKinds())('org management on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const auditOf = (entityId: string) => t.database.db.select().from(auditLogs).where(eq(auditLogs.entityId, entityId)).orderBy(asc(auditLogs.id));
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLogs))[0].n;
  const unitsOf = (buildingId: string) => t.database.db.select().from(units).where(eq(units.buildingId, buildingId)).orderBy(asc(units.number));
  const unitBody = { layout: '两室一厅', area: 89.5, listPrice: 1_800_000 };

  it('creates, updates (versioned) and deletes a company, auditing each change', async () => {
    const created = await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '南京公司', city: '南京', code: 'NJ' } });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({ groupId: t.world.group.id, name: '南京公司', city: '南京', code: 'NJ', projectCount: 0, version: 1 });
    const [stored] = await t.database.db.select().from(companies).where(eq(companies.id, company.id));
    expect(stored).toMatchObject({ name: '南京公司', city: '南京', code: 'NJ', version: 1 });

    const [createEntry] = await auditOf(company.id);
    expect(createEntry).toMatchObject({ action: 'create', entityType: 'company', entityId: company.id, companyId: company.id, actorId: t.world.users.admin.id });
    expect(createEntry.changes).toMatchObject({
      name: { before: null, after: '南京公司' },
      city: { before: null, after: '南京' },
      code: { before: null, after: 'NJ' },
    });
    expect(Object.values(createEntry.changes ?? {}).every((c) => c.before === null)).toBe(true);

    const updated = await t.call('PATCH', `/api/v1/companies/${company.id}`, { cookie: admin, body: { city: '苏州', version: 1 } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ city: '苏州', name: '南京公司', version: 2 });
    const updateEntry = (await auditOf(company.id)).find((a) => a.action === 'update');
    expect(updateEntry?.changes).toEqual({ city: { before: '南京', after: '苏州' } });

    const stale = await t.call('PATCH', `/api/v1/companies/${company.id}`, { cookie: admin, body: { city: '无锡', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const [unchanged] = await t.database.db.select().from(companies).where(eq(companies.id, company.id));
    expect(unchanged).toMatchObject({ city: '苏州', version: 2 });

    const staleDelete = await t.call('DELETE', `/api/v1/companies/${company.id}?version=1`, { cookie: admin });
    expect(staleDelete.statusCode).toBe(409);
    const removed = await t.call('DELETE', `/api/v1/companies/${company.id}?version=2`, { cookie: admin });
    expect(removed.statusCode).toBe(204);
    expect(await t.database.db.select().from(companies).where(eq(companies.id, company.id))).toHaveLength(0);
    const actions = (await auditOf(company.id)).map((a) => a.action);
    expect(actions).toEqual(['create', 'update', 'delete']);
    const deleteEntry = (await auditOf(company.id))[2];
    expect(deleteEntry.changes).toMatchObject({ name: { before: '南京公司', after: null }, city: { before: '苏州', after: null } });
  });

  it('renames the group (org.manage, versioned, validated, audited) and every cached read sees the new name', async () => {
    const consultant = await t.login('consultant');
    const read = async (cookie: string) => (await t.call('GET', '/api/v1/group', { cookie })).json();
    const before = await read(consultant); // now in the org cache
    expect(before).toEqual({ id: t.world.group.id, name: '测试集团', version: 1, updatedAt: expect.any(String) });

    const forbidden = await t.call('PATCH', '/api/v1/group', { cookie: consultant, body: { name: '越权集团', version: 1 } });
    expect(forbidden.statusCode).toBe(403);
    expect((await t.call('PATCH', '/api/v1/group', { body: { name: '匿名集团', version: 1 } })).statusCode).toBe(401);
    const auditsBefore = await auditCount();
    const blank = await t.call('PATCH', '/api/v1/group', { cookie: admin, body: { name: '   ', version: 1 } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name', message: '请输入集团名称' }] });
    const noVersion = await t.call('PATCH', '/api/v1/group', { cookie: admin, body: { name: '华东置业集团' } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors).toEqual([{ field: 'version', message: '缺少版本号' }]);
    expect(await auditCount()).toBe(auditsBefore);

    const renamed = await t.call('PATCH', '/api/v1/group', { cookie: admin, body: { name: ' 华东置业集团 ', version: 1 } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: t.world.group.id, name: '华东置业集团', version: 2 });
    const [stored] = await t.database.db.select().from(orgGroups).where(eq(orgGroups.id, t.world.group.id));
    expect(stored).toMatchObject({ name: '华东置业集团', version: 2 });
    const entries = await auditOf(t.world.group.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'update', entityType: 'group', entityLabel: '华东置业集团', companyId: null, actorId: t.world.users.admin.id });
    expect(entries[0].changes).toEqual({ name: { before: '测试集团', after: '华东置业集团' } });
    // The org_groups trigger dropped the cached group of every reader.
    expect(await read(consultant)).toMatchObject({ name: '华东置业集团', version: 2 });

    const stale = await t.call('PATCH', '/api/v1/group', { cookie: admin, body: { name: '过期集团', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(await read(admin)).toMatchObject({ name: '华东置业集团', version: 2 });
    expect(await auditOf(t.world.group.id)).toHaveLength(1);

    const back = await t.call('PATCH', '/api/v1/group', { cookie: admin, body: { name: '测试集团', version: 2 } });
    expect(back.json()).toMatchObject({ name: '测试集团', version: 3 });
  });

  it('creates, updates and deletes a project with its audit trail', async () => {
    const { companyB } = t.world;
    const created = await t.call('POST', '/api/v1/projects', { cookie: admin, body: { companyId: companyB.id, name: '天府项目', code: 'TB-9', city: '成都', address: '天府大道 1 号' } });
    expect(created.statusCode).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({ companyId: companyB.id, companyName: '成都公司', name: '天府项目', code: 'TB-9', status: 'planning', buildingCount: 0, unitCount: 0, version: 1 });
    const [stored] = await t.database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(stored).toMatchObject({ companyId: companyB.id, name: '天府项目', address: '天府大道 1 号', status: 'planning' });
    const [createEntry] = await auditOf(project.id);
    expect(createEntry).toMatchObject({ action: 'create', entityType: 'project', companyId: companyB.id });
    expect(createEntry.changes).toMatchObject({ code: { before: null, after: 'TB-9' }, companyId: { before: null, after: companyB.id } });

    const updated = await t.call('PATCH', `/api/v1/projects/${project.id}`, { cookie: admin, body: { status: 'selling', name: '天府新城', version: 1 } });
    expect(updated.statusCode).toBe(200);
    // Fields not sent keep their values (the address is not reset to its create default).
    expect(updated.json()).toMatchObject({ status: 'selling', name: '天府新城', address: '天府大道 1 号', code: 'TB-9', version: 2 });
    const [, updateEntry] = await auditOf(project.id);
    expect(updateEntry.changes).toEqual({ status: { before: 'planning', after: 'selling' }, name: { before: '天府项目', after: '天府新城' } });

    const stale = await t.call('PATCH', `/api/v1/projects/${project.id}`, { cookie: admin, body: { name: '旧名', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await t.database.db.select().from(projects).where(eq(projects.id, project.id)))[0]).toMatchObject({ name: '天府新城', version: 2 });

    expect((await t.call('DELETE', `/api/v1/projects/${project.id}?version=2`, { cookie: admin })).statusCode).toBe(204);
    expect(await t.database.db.select().from(projects).where(eq(projects.id, project.id))).toHaveLength(0);
    expect((await auditOf(project.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('creates, updates and deletes buildings and units with their audit trail', async () => {
    const { a2, companyA } = t.world;
    const created = await t.call('POST', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin, body: { name: '3 号楼', floors: 12 } });
    expect(created.statusCode).toBe(201);
    const building = created.json();
    expect(building).toMatchObject({ projectId: a2.id, companyId: companyA.id, name: '3 号楼', floors: 12, unitCount: 0, version: 1 });
    const [createEntry] = await auditOf(building.id);
    expect(createEntry).toMatchObject({ action: 'create', entityType: 'building', companyId: companyA.id });
    expect(createEntry.changes).toMatchObject({ name: { before: null, after: '3 号楼' }, floors: { before: null, after: 12 } });

    const renamed = await t.call('PATCH', `/api/v1/buildings/${building.id}`, { cookie: admin, body: { floors: 15, version: 1 } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ floors: 15, version: 2 });
    expect((await auditOf(building.id))[1].changes).toEqual({ floors: { before: 12, after: 15 } });
    const stale = await t.call('PATCH', `/api/v1/buildings/${building.id}`, { cookie: admin, body: { floors: 20, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await t.database.db.select().from(buildings).where(eq(buildings.id, building.id)))[0]).toMatchObject({ floors: 15, version: 2 });

    const unitRes = await t.call('POST', `/api/v1/buildings/${building.id}/units`, { cookie: admin, body: { number: '1501', floor: 15, ...unitBody } });
    expect(unitRes.statusCode).toBe(201);
    const unit = unitRes.json();
    expect(unit).toMatchObject({ buildingId: building.id, projectId: a2.id, companyId: companyA.id, number: '1501', floor: 15, area: 89.5, listPrice: 1_800_000, status: 'available', version: 1 });
    expect((await auditOf(unit.id))[0]).toMatchObject({ action: 'create', entityType: 'unit', companyId: companyA.id, changes: expect.objectContaining({ number: { before: null, after: '1501' } }) });

    const priced = await t.call('PATCH', `/api/v1/units/${unit.id}`, { cookie: admin, body: { listPrice: 1_900_000, version: 1 } });
    expect(priced.statusCode).toBe(200);
    expect(priced.json()).toMatchObject({ listPrice: 1_900_000, version: 2 });
    expect((await auditOf(unit.id))[1].changes).toEqual({ listPrice: { before: 1_800_000, after: 1_900_000 } });
    expect((await t.call('PATCH', `/api/v1/units/${unit.id}`, { cookie: admin, body: { listPrice: 1, version: 1 } })).json().code).toBe('VERSION_CONFLICT');

    expect((await t.call('DELETE', `/api/v1/units/${unit.id}?version=2`, { cookie: admin })).statusCode).toBe(204);
    expect(await unitsOf(building.id)).toHaveLength(0);
    expect((await t.call('DELETE', `/api/v1/buildings/${building.id}?version=2`, { cookie: admin })).statusCode).toBe(204);
    expect(await t.database.db.select().from(buildings).where(eq(buildings.id, building.id))).toHaveLength(0);
    expect((await auditOf(building.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect((await auditOf(unit.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses duplicate codes, building names and unit numbers with the module codes', async () => {
    const { a1, buildingA1, companyA } = t.world;
    const cases = [
      { url: '/api/v1/companies', body: { name: '另一个杭州公司', city: '杭州', code: 'TA' }, code: 'COMPANY_CODE_TAKEN' },
      { url: '/api/v1/projects', body: { companyId: companyA.id, name: '另一个项目', code: 'TA-1', city: '杭州' }, code: 'PROJECT_CODE_TAKEN' },
      { url: `/api/v1/projects/${a1.id}/buildings`, body: { name: '1 号楼', floors: 8 }, code: 'BUILDING_NAME_TAKEN' },
      { url: `/api/v1/buildings/${buildingA1.id}/units`, body: { number: '101', floor: 1, ...unitBody }, code: 'UNIT_NUMBER_TAKEN' },
    ];
    for (const c of cases) {
      const before = await auditCount();
      const res = await t.call('POST', c.url, { cookie: admin, body: c.body });
      expect(res.statusCode, c.code).toBe(409);
      expect(res.json().code).toBe(c.code);
      expect(await auditCount()).toBe(before);
    }
    // Renaming into a taken code is refused the same way.
    const renamed = await t.call('PATCH', `/api/v1/companies/${companyA.id}`, { cookie: admin, body: { code: 'TB', version: 1 } });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().code).toBe('COMPANY_CODE_TAKEN');
    expect((await t.database.db.select().from(companies).where(eq(companies.id, companyA.id)))[0]).toMatchObject({ code: 'TA', version: 1 });
  });

  it('refuses to delete a company that still has projects, deleting nothing', async () => {
    // A company whose only content is a project (no users or teams): the project alone blocks.
    const company = (await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '武汉公司', city: '武汉', code: 'WH' } })).json();
    const project = (await t.call('POST', '/api/v1/projects', { cookie: admin, body: { companyId: company.id, name: '光谷项目', code: 'WH-1', city: '武汉' } })).json();
    const listed = await t.call('GET', '/api/v1/companies?limit=200', { cookie: admin });
    expect(listed.json().items.find((c: { id: string }) => c.id === company.id)).toMatchObject({ projectCount: 1 });
    for (const target of [company, t.world.companyA]) {
      const projectsBefore = await t.database.db.select().from(projects).where(eq(projects.companyId, target.id));
      expect(projectsBefore.length).toBeGreaterThan(0);
      const auditBefore = await auditCount();
      const res = await t.call('DELETE', `/api/v1/companies/${target.id}?version=1`, { cookie: admin });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('COMPANY_NOT_EMPTY');
      expect(await t.database.db.select().from(companies).where(eq(companies.id, target.id))).toHaveLength(1);
      expect(await t.database.db.select().from(projects).where(eq(projects.companyId, target.id))).toHaveLength(projectsBefore.length);
      expect(await auditCount()).toBe(auditBefore);
    }
    expect((await t.database.db.select().from(projects).where(eq(projects.id, project.id)))[0]).toMatchObject({ name: '光谷项目' });
  });

  it('refuses to delete a building with a reserved unit, keeping the building, its units and the audit log as they were', async () => {
    const { a2 } = t.world;
    const building = (await t.call('POST', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin, body: { name: '5 号楼', floors: 3 } })).json();
    const batch = await t.call('POST', `/api/v1/buildings/${building.id}/units/batch`, { cookie: admin, body: { floorFrom: 1, floorTo: 3, unitsPerFloor: 2, ...unitBody } });
    expect(batch.json()).toEqual({ created: 6, skipped: 0 });
    const [first] = await unitsOf(building.id);
    const reserved = await t.call('PATCH', `/api/v1/units/${first.id}`, { cookie: admin, body: { status: 'reserved', version: 1 } });
    expect(reserved.statusCode).toBe(200);
    // A later change that does not send the status leaves it alone.
    const repriced = await t.call('PATCH', `/api/v1/units/${first.id}`, { cookie: admin, body: { listPrice: 2_000_000, version: 2 } });
    expect(repriced.json()).toMatchObject({ status: 'reserved', listPrice: 2_000_000, layout: unitBody.layout, version: 3 });
    expect((await unitsOf(building.id))[0]).toMatchObject({ id: first.id, status: 'reserved' });

    const auditBefore = await auditCount();
    const res = await t.call('DELETE', `/api/v1/buildings/${building.id}?version=1`, { cookie: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('BUILDING_HAS_SOLD_UNITS');
    expect(await t.database.db.select().from(buildings).where(eq(buildings.id, building.id))).toHaveLength(1);
    expect(await unitsOf(building.id)).toHaveLength(6);
    expect(await auditCount()).toBe(auditBefore);
    // A sold unit cannot be deleted on its own either.
    const unitDelete = await t.call('DELETE', `/api/v1/units/${first.id}?version=3`, { cookie: admin });
    expect(unitDelete.statusCode).toBe(409);
    expect(await unitsOf(building.id)).toHaveLength(6);
  });

  it('generates floors × units numbered like 1201, skipping numbers that already exist', async () => {
    const { a2, companyA } = t.world;
    const building = (await t.call('POST', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin, body: { name: '7 号楼', floors: 12 } })).json();
    const body = { floorFrom: 11, floorTo: 12, unitsPerFloor: 3, ...unitBody };
    const auditBefore = await auditCount();
    const first = await t.call('POST', `/api/v1/buildings/${building.id}/units/batch`, { cookie: admin, body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 6, skipped: 0 });
    const stored = await unitsOf(building.id);
    expect(stored.map((u) => u.number)).toEqual(['1101', '1102', '1103', '1201', '1202', '1203']);
    expect(stored.every((u) => u.status === 'available' && u.projectId === a2.id && u.companyId === companyA.id)).toBe(true);
    expect(stored.find((u) => u.number === '1203')?.floor).toBe(12);
    expect(await auditCount()).toBe(auditBefore + 6);

    const second = await t.call('POST', `/api/v1/buildings/${building.id}/units/batch`, { cookie: admin, body });
    expect(second.json()).toEqual({ created: 0, skipped: 6 });
    expect(await unitsOf(building.id)).toHaveLength(6);
    expect(await auditCount()).toBe(auditBefore + 6);
    const listed = await t.call('GET', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin });
    expect(listed.json().items.find((b: { id: string }) => b.id === building.id)).toMatchObject({ unitCount: 6 });
  });

  it('keeps the project and building counters equal to the real counts through every change', async () => {
    const { a2 } = t.world;
    const counters = async () => (await t.call('GET', `/api/v1/projects/${a2.id}`, { cookie: admin })).json() as { buildingCount: number; unitCount: number };
    const real = async () => {
      const [{ b, u }] = await queryRows<{ b: number; u: number }>(t.database.db, sql`SELECT (SELECT count(*)::int FROM buildings WHERE project_id = ${a2.id}) AS b, (SELECT count(*)::int FROM units WHERE project_id = ${a2.id}) AS u`);
      return { buildingCount: b, unitCount: u };
    };
    const building = (await t.call('POST', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin, body: { name: '计数楼', floors: 5 } })).json();
    await t.call('POST', `/api/v1/buildings/${building.id}/units/batch`, { cookie: admin, body: { floorFrom: 1, floorTo: 5, unitsPerFloor: 2, ...unitBody } });
    expect(await counters()).toMatchObject(await real());
    const unit = (await t.call('GET', `/api/v1/buildings/${building.id}/units?limit=1`, { cookie: admin })).json().items[0];
    expect((await t.call('DELETE', `/api/v1/units/${unit.id}?version=${unit.version}`, { cookie: admin })).statusCode).toBe(204);
    expect(await counters()).toMatchObject(await real());
    const fresh = (await t.call('GET', `/api/v1/projects/${a2.id}/buildings`, { cookie: admin })).json().items.find((b: { id: string }) => b.id === building.id);
    expect(fresh.unitCount).toBe(9);
    expect((await t.call('DELETE', `/api/v1/buildings/${building.id}?version=${fresh.version}`, { cookie: admin })).statusCode).toBe(204);
    expect(await counters()).toMatchObject(await real());
  });

  it('refuses a unit above the top floor of its building with a field error', async () => {
    const { buildingA1 } = t.world; // 10 floors
    const single = await t.call('POST', `/api/v1/buildings/${buildingA1.id}/units`, { cookie: admin, body: { number: '1101', floor: 11, ...unitBody } });
    expect(single.statusCode).toBe(400);
    expect(single.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'floor' }] });
    const batch = await t.call('POST', `/api/v1/buildings/${buildingA1.id}/units/batch`, { cookie: admin, body: { floorFrom: 9, floorTo: 11, unitsPerFloor: 2, ...unitBody } });
    expect(batch.statusCode).toBe(400);
    expect(batch.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'floorTo' }] });
    const lowered = await t.call('PATCH', `/api/v1/buildings/${buildingA1.id}`, { cookie: admin, body: { floors: 9, version: 1 } });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().errors).toEqual([expect.objectContaining({ field: 'floors' })]);
    expect(await unitsOf(buildingA1.id)).toHaveLength(20);
    expect(await t.database.db.select().from(units).where(and(eq(units.buildingId, buildingA1.id), eq(units.floor, 11)))).toHaveLength(0);
  });
});
