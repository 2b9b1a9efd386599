import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, HOUR } from '../../src/server/platform/clock.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { loginFailures, sessions } from '../../src/server/platform/auth/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { users } from '../../src/server/modules/users/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

describe.each(dbKinds())('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('logs in with an httpOnly SameSite cookie, returns the user and audits it', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'consultant', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'consultant', role: 'sales_consultant', scope: 'own', company: { name: '杭州公司' }, projects: [{ name: '西溪项目' }] });
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/keyuan_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const entries = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'login.success'), eq(auditLogs.entityId, t.world.users.consultant.id)));
    expect(entries).toHaveLength(1);
    // The session secret is never stored: only its hash.
    const secret = cookie.split(';')[0].split('=')[1];
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.userId, t.world.users.consultant.id));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.id !== secret)).toBe(true);
  });

  it('answers the same generic error for an unknown user and a wrong password', async () => {
    const unknown = await t.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'whatever1' } });
    const wrong = await t.call('POST', '/api/v1/auth/login', { body: { username: 'marketing', password: 'wrong-password1' } });
    for (const res of [unknown, wrong]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: '用户名或密码错误' });
    }
    const failures = await t.database.db.select().from(auditLogs).where(eq(auditLogs.action, 'login.failure'));
    expect(failures.map((f) => f.entityLabel)).toEqual(expect.arrayContaining(['nobody', 'marketing']));
  });

  it('locks an account after 5 failures in 15 minutes, for 15 minutes', async () => {
    const attempt = (password: string) => t.call('POST', '/api/v1/auth/login', { body: { username: 'engineer', password } });
    for (let i = 0; i < 4; i++) {
      expect((await attempt('bad-password1')).statusCode).toBe(401);
      t.clock.advance(MINUTE);
    }
    expect((await attempt('bad-password1')).statusCode).toBe(401); // the 5th failure locks
    const locked = await attempt(TEST_PASSWORD); // even the right password is refused now
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('TOO_MANY_ATTEMPTS');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, t.world.users.engineer.id));
    expect(row.lockedUntil).not.toBeNull();
    t.clock.advance(14 * MINUTE);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(MINUTE + 1000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts at most 5 failures when wrong passwords arrive in parallel, then refuses even the right one', async () => {
    const target = await seedUser(t.database.db, { username: 'parallel', displayName: '并发目标', password: TEST_PASSWORD, role: 'marketing', companyId: t.world.companyA.id }, t.clock.now());
    // Typed in mixed case: attempts are serialised on the normalised username.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call('POST', '/api/v1/auth/login', { body: { username: i % 2 ? 'Parallel' : 'parallel', password: `wrong-password${i}` } })),
    );
    const statuses = attempts.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const failures = await t.database.db.select().from(loginFailures).where(eq(loginFailures.username, 'parallel'));
    expect(failures).toHaveLength(5);
    const right = await t.call('POST', '/api/v1/auth/login', { body: { username: 'parallel', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('TOO_MANY_ATTEMPTS');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, target.id));
    expect(row.lockedUntil?.toISOString()).toBe(new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString());
    const audited = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'login.failure'), like(auditLogs.entityLabel, 'parallel%')));
    expect(audited).toHaveLength(11); // 5 wrong passwords, 5 + 1 refused while locked
    expect(audited.filter((a) => a.entityLabel === 'parallel（账号已锁定）')).toHaveLength(6);
  });

  it('does not lock for 5 failures spread over more than 15 minutes', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'property', password: 'bad-password1' } })).statusCode).toBe(401);
      t.clock.advance(4 * MINUTE);
    }
    expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'property', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('logs out: the session is deleted and no longer works', async () => {
    const cookie = await t.login('salesmgr');
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    const out = await t.call('POST', '/api/v1/auth/logout', { cookie });
    expect(out.statusCode).toBe(200);
    const after = await t.call('GET', '/api/v1/auth/me', { cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('expires sessions after their lifetime', async () => {
    const cookie = await t.login('exec');
    t.clock.advance(13 * HOUR);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, the new one works, other sessions end', async () => {
    const first = await t.login('groupcr');
    const second = await t.login('groupcr');
    const bad = await t.call('POST', '/api/v1/auth/password', { cookie: first, body: { currentPassword: 'nope', newPassword: 'Another123' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await t.call('POST', '/api/v1/auth/password', { cookie: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await t.call('POST', '/api/v1/auth/password', { cookie: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'Another123' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: first })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: second })).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'groupcr', password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/login', { body: { username: 'groupcr', password: 'Another123' } })).statusCode).toBe(200);
  });

  it('issues API tokens shown once, stored hashed, acting with their role, and revocable', async () => {
    const admin = await t.login('admin');
    const created = await t.call('POST', '/api/v1/api-tokens', { cookie: admin, body: { name: '营销系统对接', role: 'marketing' } });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^ky_/);
    expect(token.startsWith(prefix)).toBe(true);
    const listed = await t.call('GET', '/api/v1/api-tokens', { cookie: admin });
    expect(JSON.stringify(listed.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.call('GET', '/api/v1/projects', { headers: bearer })).statusCode).toBe(200);
    // The token's role (marketing) may not manage the organisation, although its owner may.
    expect((await t.call('POST', '/api/v1/companies', { headers: bearer, body: { name: '新公司', city: '南京', code: 'NJ' } })).statusCode).toBe(403);

    const revoked = await t.call('DELETE', `/api/v1/api-tokens/${id}`, { cookie: admin });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await t.call('GET', '/api/v1/projects', { headers: bearer })).statusCode).toBe(401);
    const audit = await t.database.db.select().from(auditLogs).where(eq(auditLogs.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['token.create', 'token.revoke']);
  });

  it('refuses a state-changing cookie request from another origin', async () => {
    const cookie = await t.login('admin');
    const res = await t.call('POST', '/api/v1/companies', { cookie, headers: { origin: 'https://evil.example' }, body: { name: '钓鱼公司', city: '杭州', code: 'EV' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
  });
});
