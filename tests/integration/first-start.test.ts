import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type KeyuanApp } from '../../src/server/app.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { companies, orgGroups } from '../../src/server/modules/org/tables.ts';
import { users } from '../../src/server/modules/users/tables.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../src/server/seed/demo.ts';
import { FirstStartConfigError, firstStart, loginLines, type FirstStartResult } from '../../src/server/seed/first-start.ts';
import { testConfig } from '../fixtures/test-app.ts';
import { dbKinds, openTestDatabase, type DbKind, type TestDatabase } from '../fixtures/test-db.ts';

const ADMIN_PASSWORD = 'Start2026ok';
// Seeding the demo hashes a dozen passwords and writes prospects, complaints and deals.
const DEMO_TIMEOUT = 180_000;

describe.each(dbKinds())('first start on %s', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  async function fresh(): Promise<TestDatabase> {
    const database = await openTestDatabase(kind);
    cleanup.push(() => database.drop());
    return database;
  }
  async function serve(database: TestDatabase): Promise<KeyuanApp> {
    const app = await buildApp({ database, clock: systemClock, config: testConfig() });
    await app.ready();
    cleanup.push(() => app.close());
    return app;
  }
  const loginStatus = async (app: KeyuanApp, username: string, password: string) =>
    (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })).statusCode;
  const counts = async (database: TestDatabase) => {
    const [[g], [c], [u]] = await Promise.all([
      database.db.select({ n: count() }).from(orgGroups),
      database.db.select({ n: count() }).from(companies),
      database.db.select({ n: count() }).from(users),
    ]);
    return { groups: Number(g.n), companies: Number(c.n), users: Number(u.n) };
  };

  // What the console shows is exactly what works: every printed login logs in with the printed
  // password (or, when not echoed, the one the operator gave), and no other account accepts the
  // demo password.
  async function expectPrintedLoginsWork(app: KeyuanApp, database: TestDatabase, result: FirstStartResult, given?: string) {
    const printed = loginLines(result).join('\n');
    for (const l of result.logins) {
      expect(printed).toContain(l.username);
      if (l.password) expect(printed).toContain(l.password);
      expect(await loginStatus(app, l.username, l.password ?? given!), l.username).toBe(200);
    }
    if (given) expect(printed).not.toContain(given);
    const listed = new Set(result.logins.map((l) => l.username));
    for (const { username } of await database.db.select({ username: users.username }).from(users)) {
      if (listed.has(username)) continue;
      expect(printed).not.toMatch(new RegExp(`\\b${username}\\b`));
      expect(await loginStatus(app, username, DEMO_PASSWORD), username).toBe(401);
    }
  }

  it('seeds the demo once, prints its logins (all of which work), and a second start seeds nothing', async () => {
    const database = await fresh();
    const first = await firstStart(database.db, { demo: true });
    expect(first.seeded).toBe(true);
    expect(first.logins.map((l) => l.username)).toEqual(DEMO_USERNAMES);
    expect(first.logins.every((l) => l.kind === 'demo' && l.password === DEMO_PASSWORD)).toBe(true);
    expect(loginLines(first).some((l) => l.startsWith('管理员账号'))).toBe(false);
    const app = await serve(database);
    await expectPrintedLoginsWork(app, database, first);
    const before = await counts(database);
    expect(before).toMatchObject({ groups: 1, companies: 2, users: DEMO_USERNAMES.length });

    const second = await firstStart(database.db, { demo: true });
    expect(second.seeded).toBe(false);
    expect(await counts(database)).toEqual(before);
    expect(second.logins).toEqual(first.logins);

    // Once the administrator changes the password, later starts no longer print the demo one for it.
    await database.db.update(users).set({ passwordHash: await hashPassword('Changed2026') }).where(eq(users.username, 'admin'));
    const third = await firstStart(database.db, { demo: true });
    expect(third.seeded).toBe(false);
    expect(third.logins.map((l) => l.username)).toEqual(DEMO_USERNAMES.filter((u) => u !== 'admin'));
    await expectPrintedLoginsWork(app, database, third);
  }, DEMO_TIMEOUT);

  it('with the demo and KEYUAN_ADMIN_USER=admin, gives admin the given password and prints no demo login for it', async () => {
    const database = await fresh();
    const result = await firstStart(database.db, { demo: true, adminUser: 'admin', adminPassword: ADMIN_PASSWORD });
    expect(result.seeded).toBe(true);
    expect(result.logins.filter((l) => l.username === 'admin')).toEqual([{ username: 'admin', displayName: '系统管理员', role: 'system_admin', password: null, kind: 'admin' }]);
    expect(result.logins.filter((l) => l.kind === 'demo').map((l) => l.username)).toEqual(DEMO_USERNAMES.filter((u) => u !== 'admin'));
    expect(loginLines(result).filter((l) => /\badmin\b/.test(l))).toEqual(['管理员账号：admin  密码：KEYUAN_ADMIN_PASSWORD 所设（请登录后修改）']);
    const app = await serve(database);
    await expectPrintedLoginsWork(app, database, result, ADMIN_PASSWORD);
    expect(await loginStatus(app, 'admin', DEMO_PASSWORD)).toBe(401);
  }, DEMO_TIMEOUT);

  it('with KEYUAN_DEMO=0 and no KEYUAN_ADMIN_*, creates an empty group and admin with a generated password, and no demo login', async () => {
    const database = await fresh();
    const result = await firstStart(database.db, { demo: false });
    expect(result.seeded).toBe(true);
    expect(result.logins).toEqual([{ username: 'admin', displayName: '系统管理员', role: 'system_admin', password: expect.stringMatching(/^Ky[\w-]{12}1$/), kind: 'admin' }]);
    const lines = loginLines(result);
    expect(lines).toEqual([`管理员账号：admin  初始密码：${result.logins[0].password}（请登录后立即修改）`]);
    expect(lines.join('\n')).not.toContain(DEMO_PASSWORD);
    expect(await counts(database)).toEqual({ groups: 1, companies: 0, users: 1 });
    expect((await database.db.select({ name: orgGroups.name }).from(orgGroups))[0].name).toBe('集团总部');
    const app = await serve(database);
    await expectPrintedLoginsWork(app, database, result);

    // A later start knows no password to print: the generated one was shown once.
    const again = await firstStart(database.db, { demo: false });
    expect(again).toEqual({ seeded: false, logins: [], notes: [] });
    expect(await counts(database)).toEqual({ groups: 1, companies: 0, users: 1 });
  });

  it('with KEYUAN_DEMO=0 and KEYUAN_ADMIN_USER=" Ops ", creates ops (as login normalises it) with the given password', async () => {
    const database = await fresh();
    const result = await firstStart(database.db, { demo: false, adminUser: ' Ops ', adminPassword: ADMIN_PASSWORD, groupName: '安居集团' });
    expect(result.seeded).toBe(true);
    expect(result.logins).toEqual([{ username: 'ops', displayName: '系统管理员', role: 'system_admin', password: null, kind: 'admin' }]);
    expect(result.notes).toEqual(['KEYUAN_ADMIN_USER「 Ops 」已按登录规则规范为 ops']);
    expect((await database.db.select({ name: orgGroups.name }).from(orgGroups))[0].name).toBe('安居集团');
    const app = await serve(database);
    await expectPrintedLoginsWork(app, database, result, ADMIN_PASSWORD);
    expect(await loginStatus(app, 'Ops', ADMIN_PASSWORD)).toBe(200); // typed as configured

    // Later starts ignore KEYUAN_ADMIN_* and say so.
    const again = await firstStart(database.db, { demo: false, adminUser: 'other', adminPassword: 'Other2026x' });
    expect(again.seeded).toBe(false);
    expect(again.notes).toEqual(['KEYUAN_ADMIN_USER / KEYUAN_ADMIN_PASSWORD 只在首次启动（空数据库）时生效，本次已忽略']);
    expect(await counts(database)).toEqual({ groups: 1, companies: 0, users: 1 });
  });

  it('with KEYUAN_DEMO=0 and only KEYUAN_ADMIN_PASSWORD, gives that password to the default admin', async () => {
    const database = await fresh();
    const result = await firstStart(database.db, { demo: false, adminPassword: ADMIN_PASSWORD });
    expect(result.logins).toEqual([{ username: 'admin', displayName: '系统管理员', role: 'system_admin', password: null, kind: 'admin' }]);
    expect(result.notes).toEqual(['未设 KEYUAN_ADMIN_USER：KEYUAN_ADMIN_PASSWORD 用作默认管理员 admin 的密码']);
    const app = await serve(database);
    await expectPrintedLoginsWork(app, database, result, ADMIN_PASSWORD);
  });

  it('answers GET /api/ping, a public route in the OpenAPI document, without the database', async () => {
    const database = await openTestDatabase(kind);
    const app = await buildApp({ database, clock: systemClock, config: testConfig({ readCache: false }) });
    try {
      await app.ready();
      const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(spec.paths['/api/ping'].get).toMatchObject({ tags: ['platform'] });
      expect((await app.inject({ method: 'GET', url: '/api/ping' })).json()).toEqual({ status: 'ok' });
      await database.drop(); // no database at all now
      const ping = await app.inject({ method: 'GET', url: '/api/ping' });
      expect(ping.statusCode).toBe(200);
      expect(ping.json()).toEqual({ status: 'ok' });
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(500);
    } finally {
      await app.close();
    }
  });

  it('refuses a bad KEYUAN_ADMIN_USER or KEYUAN_ADMIN_PASSWORD with a clear error and seeds nothing', async () => {
    const database = await fresh();
    const refused: [Parameters<typeof firstStart>[1], RegExp][] = [
      [{ demo: false, adminUser: 'ops team' }, /^KEYUAN_ADMIN_USER「ops team」无效：用户名须为 3–32 位小写字母开头/],
      [{ demo: false, adminUser: '运维' }, /^KEYUAN_ADMIN_USER「运维」无效/],
      [{ demo: false, adminUser: 'ops', adminPassword: 'short1' }, /^KEYUAN_ADMIN_PASSWORD 无效：密码至少 8 位/],
      [{ demo: false, adminPassword: 'onlyletters' }, /^KEYUAN_ADMIN_PASSWORD 无效：密码须同时包含字母和数字/],
      [{ demo: true, adminUser: 'ZhangWei' }, /^KEYUAN_ADMIN_USER「zhangwei」与演示账号重名/],
    ];
    for (const [opts, message] of refused) {
      const error = await firstStart(database.db, opts).then(() => null, (e: unknown) => e);
      expect(error, JSON.stringify(opts)).toBeInstanceOf(FirstStartConfigError);
      expect((error as Error).message).toMatch(message);
      expect(await counts(database)).toEqual({ groups: 0, companies: 0, users: 0 });
    }
    // Fixed, the same database starts.
    expect((await firstStart(database.db, { demo: false, adminUser: 'ops', adminPassword: ADMIN_PASSWORD })).seeded).toBe(true);
  });
});

// Two instances starting together on one fresh PostgreSQL database: the first-start lock lets one
// seed while the other waits, then finds the group and seeds nothing.
describe.runIf(dbKinds().includes('postgres'))('two first starts together on one fresh PostgreSQL database', () => {
  const kind: DbKind = 'postgres';
  it('seeds once', async () => {
    const a = await openTestDatabase(kind);
    const b = await openPostgres(a.url!, 5);
    try {
      const results = await Promise.all([firstStart(a.db, { demo: true }), firstStart(b.db, { demo: true })]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      const [[g], [c], [u]] = await Promise.all([
        a.db.select({ n: count() }).from(orgGroups),
        a.db.select({ n: count() }).from(companies),
        a.db.select({ n: count() }).from(users),
      ]);
      expect({ groups: Number(g.n), companies: Number(c.n), users: Number(u.n) }).toEqual({ groups: 1, companies: 2, users: DEMO_USERNAMES.length });
      // Both print the same, working, demo logins.
      expect(results[0].logins).toEqual(results[1].logins);
      expect(results[0].logins.map((l) => l.username)).toEqual(DEMO_USERNAMES);
    } finally {
      await b.close();
      await a.drop();
    }
  }, DEMO_TIMEOUT);
});
