import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Prospect } from '../../src/common/contracts/customers.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Page = { items: Prospect[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };

// Who sees which prospects, and how much of their personal data: the owner in full, everyone
// else in scope masked, with an audited reveal for those allowed.
describe.each(dbKinds())('customer scope and masking on %s', (kind) => {
  let t: TestApp;
  // One customer per owner: consultant (a1, team A1), consultant2 (a1, team A1), a2cons (a2, no
  // team), b1cons (company B).
  const ids: Record<'mine' | 'teammate' | 'a2' | 'b1', string> = { mine: '', teammate: '', a2: '', b1: '' };
  const mobiles = { mine: '13811110001', teammate: '13811110002', a2: '13811110003', b1: '13811110004' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyA, companyB, teamA1, a1, a2, b1 } = t.world;
    const now = t.clock.now();
    const db = t.database.db;
    await seedUser(db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, teamId: teamA1.id, projectIds: [a1.id] }, now);
    await seedUser(db, { username: 'a2cons', displayName: '滨江顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyA.id, projectIds: [a2.id] }, now);
    await seedUser(db, { username: 'b1cons', displayName: '锦城顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: companyB.id, projectIds: [b1.id] }, now);
    // Project scope: a manager of project A2 only, and a planner of A1 and B1 across companies.
    await seedUser(db, { username: 'a2mgr', displayName: '滨江经理', password: TEST_PASSWORD, role: 'sales_manager', scope: 'project', companyId: companyA.id, projectIds: [a2.id] }, now);
    await seedUser(db, { username: 'planner', displayName: '策划甲', password: TEST_PASSWORD, role: 'marketing', scope: 'project', companyId: companyA.id, projectIds: [a1.id, b1.id] }, now);
    const create = async (username: string, key: keyof typeof ids, name: string, projectId: string) => {
      const res = await t.call('POST', '/api/v1/customers', { cookie: await t.as(username), body: { name, mobile: mobiles[key], idNumber: key === 'mine' ? '11010519491231002X' : null, projectId, sourceChannel: 'walk_in', grade: 'B' } });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = (res.json() as Customer).id;
    };
    await create('consultant', 'mine', '赵一', a1.id);
    await create('consultant2', 'teammate', '钱二', a1.id);
    await create('a2cons', 'a2', '孙三', a2.id);
    await create('b1cons', 'b1', '李四', b1.id);
  });
  afterAll(() => t.close());

  const list = async (username: string) => {
    const res = await t.call('GET', '/api/v1/customers?limit=100', { cookie: await t.as(username) });
    expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
    return (res.json() as Page).items;
  };
  const seen = (items: Prospect[]) => items.map((p) => p.customer.name).sort();

  it('shows a consultant only their own prospects, with the full mobile', async () => {
    const mine = await list('consultant');
    expect(seen(mine)).toEqual(['赵一']);
    expect(mine[0].customer).toMatchObject({ mobile: mobiles.mine, mobileMasked: false });
    const teammate = await list('consultant2');
    expect(seen(teammate)).toEqual(['钱二']);
    expect(teammate[0].customer).toMatchObject({ mobile: mobiles.teammate, mobileMasked: false });
    expect(seen(await list('a2cons'))).toEqual(['孙三']);
  });

  it('shows managers their team, the company or the group, always masked', async () => {
    const masked = (items: Prospect[]) => items.every((p) => p.customer.mobileMasked && /^138\*{4}\d{4}$/.test(p.customer.mobile));
    const team = await list('salesmgr');
    expect(seen(team)).toEqual(['赵一', '钱二'].sort());
    expect(masked(team)).toBe(true);
    expect(team.find((p) => p.customer.name === '赵一')?.customer.mobile).toBe('138****0001');
    const company = await list('crm');
    expect(seen(company)).toEqual(['孙三', '赵一', '钱二'].sort());
    expect(masked(company)).toBe(true);
    expect(seen(await list('marketing'))).toEqual(seen(company));
    const group = await list('groupcr');
    expect(seen(group)).toEqual(['孙三', '李四', '赵一', '钱二'].sort());
    expect(masked(group)).toBe(true);
    const exec = await list('exec');
    expect(seen(exec)).toEqual(seen(group));
    expect(masked(exec)).toBe(true);
  });

  it('shows a project-scope user the prospects of their projects only, masked, and 404 elsewhere', async () => {
    const masked = (items: Prospect[]) => items.every((p) => p.customer.mobileMasked && /^138\*{4}\d{4}$/.test(p.customer.mobile));
    const a2 = await list('a2mgr');
    expect(seen(a2)).toEqual(['孙三']);
    expect(masked(a2)).toBe(true);
    const planner = await list('planner');
    expect(seen(planner)).toEqual(['李四', '赵一', '钱二'].sort());
    expect(masked(planner)).toBe(true);
    // Search and filters stay inside the scope.
    const tail = await t.call('GET', '/api/v1/customers?q=0003', { cookie: await t.as('planner') });
    expect((tail.json() as Page).items).toEqual([]);
    const byProject = await t.call('GET', `/api/v1/customers?projectId=${t.world.a2.id}`, { cookie: await t.as('planner') });
    expect((byProject.json() as Page).items).toEqual([]);

    const detail = await t.call('GET', `/api/v1/customers/${ids.a2}`, { cookie: await t.as('a2mgr') });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ name: '孙三', mobile: '138****0003', mobileMasked: true });
    expect((await t.call('GET', `/api/v1/customers/${ids.a2}/timeline`, { cookie: await t.as('a2mgr') })).statusCode).toBe(200);
    const outside: [string, keyof typeof ids][] = [['a2mgr', 'mine'], ['a2mgr', 'b1'], ['planner', 'a2']];
    for (const [username, key] of outside) {
      const cookie = await t.as(username);
      expect((await t.call('GET', `/api/v1/customers/${ids[key]}`, { cookie })).statusCode, `${username} → ${key}`).toBe(404);
      expect((await t.call('GET', `/api/v1/customers/${ids[key]}/timeline`, { cookie })).statusCode, `${username} → ${key}`).toBe(404);
    }
    // Revealing follows the same scope: in a project of theirs with a reason, 404 outside.
    expect((await t.call('POST', `/api/v1/customers/${ids.a2}/reveal`, { cookie: await t.as('a2mgr'), body: { field: 'mobile', reason: '客户来电核实' } })).json()).toEqual({ value: mobiles.a2 });
    expect((await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie: await t.as('a2mgr'), body: { field: 'mobile', reason: '越权查看' } })).statusCode).toBe(404);
  });

  it('refuses roles without customers.read', async () => {
    for (const username of ['property', 'broker', 'engineer', 'admin']) {
      const cookie = await t.as(username);
      const res = await t.call('GET', '/api/v1/customers', { cookie });
      expect(res.statusCode, username).toBe(403);
      expect((res.json() as Problem).code).toBe('FORBIDDEN');
      expect((await t.call('GET', `/api/v1/customers/${ids.mine}`, { cookie })).statusCode, username).toBe(403);
    }
  });

  it('masks the detail for non-owners and answers 404 outside the scope', async () => {
    const own: Customer = (await t.call('GET', `/api/v1/customers/${ids.mine}`, { cookie: await t.as('consultant') })).json();
    expect(own).toMatchObject({ mobile: mobiles.mine, mobileMasked: false, idNumber: '11010519491231002X' });
    const managed = await t.call('GET', `/api/v1/customers/${ids.mine}`, { cookie: await t.as('salesmgr') });
    expect(managed.statusCode).toBe(200);
    expect(managed.json()).toMatchObject({ mobile: '138****0001', mobileMasked: true, idNumber: '110105********002X' });
    expect(managed.body).not.toContain(mobiles.mine);

    const outside: [string, keyof typeof ids][] = [['consultant', 'teammate'], ['consultant2', 'mine'], ['salesmgr', 'a2'], ['crm', 'b1'], ['a2cons', 'mine']];
    for (const [username, key] of outside) {
      const cookie = await t.as(username);
      const res = await t.call('GET', `/api/v1/customers/${ids[key]}`, { cookie });
      expect(res.statusCode, `${username} → ${key}`).toBe(404);
      expect((res.json() as Problem).code).toBe('NOT_FOUND');
      expect((await t.call('GET', `/api/v1/customers/${ids[key]}/timeline`, { cookie })).statusCode).toBe(404);
    }
  });

  it('reveals a masked mobile or ID number to a manager, with a reason, audited', async () => {
    const cookie = await t.as('salesmgr');
    const res = await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie, body: { field: 'mobile', reason: '客户来电核实身份' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ value: mobiles.mine });
    const idRes = await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie, body: { field: 'idNumber', reason: '办理认购' } });
    expect(idRes.json()).toEqual({ value: '11010519491231002X' });

    const reveals = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'reveal'), eq(auditLogs.entityId, ids.mine)));
    expect(reveals).toHaveLength(2);
    const mobileReveal = reveals.find((r) => r.changes?.field.after === 'mobile');
    expect(mobileReveal).toMatchObject({ entityType: 'customer', actorId: t.world.users.salesmgr.id });
    expect(mobileReveal?.changes?.reason).toEqual({ before: null, after: '客户来电核实身份' });
    expect(mobileReveal?.entityLabel).toContain('客户来电核实身份');
    // The audit says what was revealed and why, never the value.
    expect(JSON.stringify(reveals)).not.toContain(mobiles.mine);

    // A company manager may reveal in the company; outside the scope it is not found.
    expect((await t.call('POST', `/api/v1/customers/${ids.a2}/reveal`, { cookie: await t.as('crm'), body: { field: 'mobile', reason: '回访核实' } })).json()).toEqual({ value: mobiles.a2 });
    expect((await t.call('POST', `/api/v1/customers/${ids.a2}/reveal`, { cookie, body: { field: 'mobile', reason: '越权查看' } })).statusCode).toBe(404);
  });

  it('refuses reveal to a consultant and without a reason, auditing nothing', async () => {
    const before = (await t.database.db.select().from(auditLogs).where(eq(auditLogs.action, 'reveal'))).length;
    const consultant = await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie: await t.as('consultant'), body: { field: 'mobile', reason: '想看看' } });
    expect(consultant.statusCode).toBe(403);
    const noReason = await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie: await t.as('salesmgr'), body: { field: 'mobile' } });
    expect(noReason.statusCode).toBe(400);
    const p: Problem = noReason.json();
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors).toEqual([{ field: 'reason', message: '请填写查看原因' }]);
    const blank = await t.call('POST', `/api/v1/customers/${ids.mine}/reveal`, { cookie: await t.as('salesmgr'), body: { field: 'mobile', reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect((blank.json() as Problem).errors?.[0].field).toBe('reason');
    expect(await t.database.db.select().from(auditLogs).where(eq(auditLogs.action, 'reveal'))).toHaveLength(before);
  });
});
