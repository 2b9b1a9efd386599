import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/common/roles.ts';
import { teams, userProjects, users } from '../../src/server/modules/users/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Named = { id: string; name: string };
type UserBody = { id: string; username: string; role: string; scope: string; version: number; company: Named | null; team: Named | null; projects: Named[] };

// Users, teams and roles through the API: stored state, audit entries, sessions ended by
// access changes, and the scopes that decide who sees whom.
describe.each(dbKinds())('users and teams on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const auditOf = (entityId: string) => t.database.db.select().from(auditLogs).where(eq(auditLogs.entityId, entityId)).orderBy(asc(auditLogs.id));
  const storedUser = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0];
  const usernames = async (cookie: string) => {
    const res = await t.call('GET', '/api/v1/users?limit=200', { cookie });
    expect(res.statusCode).toBe(200);
    return (res.json().items as UserBody[]).map((u) => u.username).sort();
  };
  const createUser = async (body: Record<string, unknown>) => t.call('POST', '/api/v1/users', { cookie: admin, body });
  const me = (cookie: string) => t.call('GET', '/api/v1/auth/me', { cookie });

  // Before any user is added, so the seeded world is what each scope sees.
  it('lists users by the reader\'s scope', async () => {
    expect(await usernames(admin)).toEqual(['admin', 'broker', 'consultant', 'crm', 'engineer', 'exec', 'groupcr', 'marketing', 'property', 'salesmgr']);
    expect(await usernames(await t.login('crm'))).toEqual(['broker', 'consultant', 'crm', 'engineer', 'marketing', 'salesmgr']);
    expect(await usernames(await t.login('salesmgr'))).toEqual(['consultant', 'salesmgr']);
    const consultant = await t.call('GET', '/api/v1/users', { cookie: await t.login('consultant') });
    expect(consultant.statusCode).toBe(403);
    expect(consultant.json().code).toBe('FORBIDDEN');
    // Someone outside the scope is "not found", not "forbidden".
    expect((await t.call('GET', `/api/v1/users/${t.world.users.property.id}`, { cookie: await t.login('crm') })).statusCode).toBe(404);
    // The search matches literally and pages by username.
    expect(((await t.call('GET', '/api/v1/users?q=sales', { cookie: admin })).json().items as UserBody[]).map((u) => u.username)).toEqual(['salesmgr']);
    expect((await t.call('GET', '/api/v1/users?q=_', { cookie: admin })).json().items).toEqual([]);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`, { cookie: admin });
      pages.push(...(res.json().items as UserBody[]).map((u) => u.username));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(pages).toEqual(await usernames(admin));
  });

  it('creates a user with a hashed password that is never returned nor audited', async () => {
    const { companyB, b1 } = t.world;
    const res = await createUser({ username: 'newagent', displayName: '新顾问', password: 'Secret123', role: 'sales_consultant', scope: 'own', companyId: companyB.id, projectIds: [b1.id] });
    expect(res.statusCode).toBe(201);
    const user: UserBody = res.json();
    expect(user).toMatchObject({ username: 'newagent', role: 'sales_consultant', scope: 'own', company: { id: companyB.id, name: '成都公司' }, projects: [{ id: b1.id, name: '锦城项目' }], version: 1 });
    expect(res.body).not.toMatch(/password|Secret123|argon2/i);
    const stored = await storedUser(user.id);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored).toMatchObject({ companyId: companyB.id, active: true });
    expect(await t.database.db.select().from(userProjects).where(eq(userProjects.userId, user.id))).toEqual([{ userId: user.id, projectId: b1.id, companyId: companyB.id }]);

    const [entry] = await auditOf(user.id);
    expect(entry).toMatchObject({ action: 'create', entityType: 'user', companyId: companyB.id, actorId: t.world.users.admin.id });
    expect(entry.changes).toMatchObject({ username: { before: null, after: 'newagent' }, role: { before: null, after: 'sales_consultant' }, projectIds: { before: null, after: [b1.id] } });
    expect(Object.keys(entry.changes ?? {}).some((k) => /password/i.test(k))).toBe(false);
    expect(JSON.stringify(entry.changes)).not.toMatch(/Secret123|argon2/);

    const cookie = await t.login('newagent', 'Secret123');
    expect((await me(cookie)).json()).toMatchObject({ username: 'newagent', scope: 'own' });

    const duplicate = await createUser({ username: 'newagent', displayName: '重名', password: 'Secret123', role: 'marketing', scope: 'company', companyId: companyB.id });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('USERNAME_TAKEN');
  });

  it('keeps an e-mail address for notification mail and refuses a malformed one', async () => {
    const { companyA } = t.world;
    const bad = await createUser({ username: 'mailbad', displayName: '邮箱', password: 'Secret123', role: 'marketing', scope: 'company', companyId: companyA.id, email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const res = await createUser({ username: 'mailok', displayName: '邮箱', password: 'Secret123', role: 'marketing', scope: 'company', companyId: companyA.id, email: 'mailok@example.com' });
    expect(res.statusCode).toBe(201);
    expect(res.json().email).toBe('mailok@example.com');
    const changed = await t.call('PATCH', `/api/v1/users/${res.json().id}`, { cookie: admin, body: { email: '', version: 1 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await storedUser(res.json().id)).email).toBe('');
  });

  it('refuses incoherent assignments with field errors, creating nothing', async () => {
    const { companyA, companyB, b1, teamA1 } = t.world;
    const base = { displayName: '测试', password: 'Secret123', role: 'sales_consultant' };
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'nocompany', scope: 'company' }, 'companyId'],
      [{ username: 'noteam', scope: 'team', companyId: companyA.id }, 'teamId'],
      [{ username: 'otherproject', scope: 'project', companyId: companyA.id, projectIds: [b1.id] }, 'projectIds'],
      [{ username: 'otherteam', scope: 'team', companyId: companyB.id, teamId: teamA1.id }, 'teamId'],
    ];
    for (const [body, field] of cases) {
      const res = await createUser({ ...base, ...body });
      expect(res.statusCode, String(body.username)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await t.database.db.select().from(users).where(eq(users.username, String(body.username)))).toHaveLength(0);
    }
  });

  it('ends a user\'s sessions when their role, scope or projects change, and audits before/after', async () => {
    const { companyB, b1 } = t.world;
    const created: UserBody = (await createUser({ username: 'mover', displayName: '调岗', password: 'Secret123', role: 'sales_consultant', scope: 'own', companyId: companyB.id, projectIds: [b1.id] })).json();
    const cookie = await t.login('mover', 'Secret123');
    expect((await me(cookie)).statusCode).toBe(200);

    const res = await t.call('PATCH', `/api/v1/users/${created.id}`, { cookie: admin, body: { role: 'property', scope: 'project', projectIds: [b1.id], version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'property', scope: 'project', version: 2 });
    expect((await me(cookie)).statusCode).toBe(401);
    const update = (await auditOf(created.id)).find((a) => a.action === 'update');
    expect(update?.changes).toEqual({ role: { before: 'sales_consultant', after: 'property' }, scope: { before: 'own', after: 'project' } });

    const second = await t.login('mover', 'Secret123');
    expect((await t.call('PATCH', `/api/v1/users/${created.id}`, { cookie: admin, body: { projectIds: [], scope: 'company', version: 2 } })).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
    const last = (await auditOf(created.id)).filter((a) => a.action === 'update')[1];
    expect(last.changes).toMatchObject({ projectIds: { before: [b1.id], after: [] }, scope: { before: 'project', after: 'company' } });
    expect(await t.database.db.select().from(userProjects).where(eq(userProjects.userId, created.id))).toHaveLength(0);

    // A change that does not touch access (the display name) keeps the session.
    const third = await t.login('mover', 'Secret123');
    expect((await t.call('PATCH', `/api/v1/users/${created.id}`, { cookie: admin, body: { displayName: '调岗后', version: 3 } })).statusCode).toBe(200);
    expect((await me(third)).statusCode).toBe(200);
    const stale = await t.call('PATCH', `/api/v1/users/${created.id}`, { cookie: admin, body: { displayName: '过期', version: 3 } });
    expect(stale.statusCode).toBe(409);
    expect((await storedUser(created.id)).displayName).toBe('调岗后');
  });

  it('disables a user: their session ends and login gets the generic error', async () => {
    const { marketing } = t.world.users;
    const cookie = await t.login('marketing');
    const res = await t.call('PATCH', `/api/v1/users/${marketing.id}`, { cookie: admin, body: { active: false, version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect((await me(cookie)).statusCode).toBe(401);
    const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'marketing', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: '用户名或密码错误' });
    expect((await t.call('PATCH', `/api/v1/users/${marketing.id}`, { cookie: admin, body: { active: true, version: 2 } })).statusCode).toBe(200);
    expect(await t.login('marketing')).toMatch(/^keyuan_session=/);
  });

  it('does not let the administrator disable themself or change their own role', async () => {
    const self = t.world.users.admin.id;
    for (const body of [{ active: false, version: 1 }, { role: 'executive', version: 1 }]) {
      const res = await t.call('PATCH', `/api/v1/users/${self}`, { cookie: admin, body });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await storedUser(self)).toMatchObject({ active: true, role: 'system_admin', version: 1 });
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('resets a password: sessions end, the new password works and the old one does not', async () => {
    const { engineer } = t.world.users;
    const cookie = await t.login('engineer');
    const before = (await storedUser(engineer.id)).passwordHash;
    const res = await t.call('POST', `/api/v1/users/${engineer.id}/reset-password`, { cookie: admin, body: { newPassword: 'Reset2026x' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await me(cookie)).statusCode).toBe(401);
    const after = await storedUser(engineer.id);
    expect(after.passwordHash).not.toBe(before);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'engineer', password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect(await t.login('engineer', 'Reset2026x')).toMatch(/^keyuan_session=/);
    const entry = (await auditOf(engineer.id)).find((a) => a.action === 'password.reset');
    expect(entry).toMatchObject({ entityType: 'user', actorId: t.world.users.admin.id });
    expect(JSON.stringify(entry)).not.toMatch(/Reset2026x|argon2/);
    const weak = await t.call('POST', `/api/v1/users/${engineer.id}/reset-password`, { cookie: admin, body: { newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
  });

  it('manages teams with member counts and refuses to delete a team with members', async () => {
    const { companyA, companyB, b1, teamA1 } = t.world;
    const listed = await t.call('GET', '/api/v1/teams', { cookie: admin });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: teamA1.id, name: '西溪销售组', memberCount: 2, companyName: '杭州公司', projectName: '西溪项目' })]);

    const created = await t.call('POST', '/api/v1/teams', { cookie: admin, body: { companyId: companyB.id, projectId: b1.id, name: '锦城销售组' } });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({ companyId: companyB.id, projectId: b1.id, projectName: '锦城项目', memberCount: 0, leader: null, version: 1 });
    expect((await auditOf(team.id))[0]).toMatchObject({ action: 'create', entityType: 'team', companyId: companyB.id });

    const renamed = await t.call('PATCH', `/api/v1/teams/${team.id}`, { cookie: admin, body: { name: '锦城一组', version: 1 } });
    expect(renamed.statusCode).toBe(200);
    // Fields not sent keep their values: the project stays.
    expect(renamed.json()).toMatchObject({ name: '锦城一组', projectId: b1.id, version: 2 });
    expect((await auditOf(team.id))[1].changes).toEqual({ name: { before: '锦城销售组', after: '锦城一组' } });
    expect((await t.call('PATCH', `/api/v1/teams/${team.id}`, { cookie: admin, body: { name: '旧', version: 1 } })).statusCode).toBe(409);

    const wrongProject = await t.call('POST', '/api/v1/teams', { cookie: admin, body: { companyId: companyA.id, projectId: b1.id, name: '错项目组' } });
    expect(wrongProject.statusCode).toBe(400);
    expect(wrongProject.json().errors).toEqual([expect.objectContaining({ field: 'projectId' })]);

    const full = await t.call('DELETE', `/api/v1/teams/${teamA1.id}?version=1`, { cookie: admin });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('TEAM_NOT_EMPTY');
    expect(await t.database.db.select().from(teams).where(eq(teams.id, teamA1.id))).toHaveLength(1);

    expect((await t.call('DELETE', `/api/v1/teams/${team.id}?version=2`, { cookie: admin })).statusCode).toBe(204);
    expect(await t.database.db.select().from(teams).where(eq(teams.id, team.id))).toHaveLength(0);
    expect((await auditOf(team.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect((await t.call('POST', '/api/v1/teams', { cookie: await t.login('crm'), body: { companyId: companyA.id, name: '越权组' } })).statusCode).toBe(403);
  });

  it('lists all 10 roles with Chinese labels', async () => {
    const res = await t.call('GET', '/api/v1/roles', { cookie: admin });
    expect(res.statusCode).toBe(200);
    const items: { code: string; label: string; defaultScope: string; permissions: string[] }[] = res.json().items;
    expect(items.map((r) => r.code)).toEqual([...ROLES]);
    expect(items.every((r) => /[\u4e00-\u9fa5]/.test(r.label))).toBe(true);
    expect(items.find((r) => r.code === 'system_admin')).toMatchObject({ label: '系统管理员', defaultScope: 'group', permissions: expect.arrayContaining(['users.manage']) });
    expect(items.find((r) => r.code === 'channel_broker')).toMatchObject({ label: '渠道经纪人', permissions: ['channels.register'] });
  });
});
