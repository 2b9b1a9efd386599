import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type KeyuanApp } from '../../src/server/app.ts';
import { openPostgres, type Database } from '../../src/server/db/client.ts';
import { LISTENER_APPLICATION_NAME } from '../../src/server/db/notifications.ts';
import { createTestApp, testConfig, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// The in-process read caches (signed-in principals, organisation lists) and their invalidation
// by database notifications. A change made with triggers switched off (replica mode) sends no
// notification: seeing it or not shows whether a read came from the cache.
async function silently(database: Database, statement: string) {
  await database.executeSql(`SET session_replication_role = replica; ${statement}; RESET session_replication_role`);
}

async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(dbKinds())('read caches on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const projectNames = async (cookie = admin) => {
    const res = await t.call('GET', '/api/v1/projects?limit=50', { cookie });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { name: string }[]).map((p) => p.name).sort();
  };

  it('serves a repeated project list from the cache, byte for byte, and drops it when a project changes', async () => {
    const first = await t.call('GET', '/api/v1/projects?limit=50', { cookie: admin });
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.json().items.map((p: { name: string }) => p.name)).toContain('西溪项目');

    await silently(t.database, `UPDATE projects SET name = '西溪项目（静默）' WHERE id = '${t.world.a1.id}'`);
    const cached = await t.call('GET', '/api/v1/projects?limit=50', { cookie: admin });
    expect(cached.body).toBe(first.body);

    // A change through the API notifies: the very next read is fresh (read-your-writes).
    const get = await t.call('GET', `/api/v1/projects/${t.world.a2.id}`, { cookie: admin });
    const patched = await t.call('PATCH', `/api/v1/projects/${t.world.a2.id}`, { cookie: admin, body: { name: '滨江新城', version: get.json().version } });
    expect(patched.statusCode).toBe(200);
    expect(await projectNames()).toEqual(['滨江新城', '西溪项目（静默）', '锦城项目']);
  });

  it('keys organisation reads by data scope and query, never serving one scope what another sees', async () => {
    const crm = await t.login('crm'); // company A
    const property = await t.login('property'); // project B1 only
    expect(await projectNames(crm)).toEqual(['滨江新城', '西溪项目（静默）']);
    expect(await projectNames(property)).toEqual(['锦城项目']);
    const filtered = await t.call('GET', '/api/v1/projects?limit=50&q=锦城', { cookie: admin });
    expect(filtered.json().items.map((p: { name: string }) => p.name)).toEqual(['锦城项目']);
    const companies = await t.call('GET', '/api/v1/companies', { cookie: property });
    expect(companies.json().items.map((c: { name: string }) => c.name)).toEqual(['成都公司']);
  });

  it('sees a building counter change on the next project list (counters live on the project row)', async () => {
    const before = (await t.call('GET', '/api/v1/projects?limit=50&q=锦城', { cookie: admin })).json().items[0];
    const created = await t.call('POST', `/api/v1/projects/${t.world.b1.id}/buildings`, { cookie: admin, body: { name: 'B 栋', floors: 3 } });
    expect(created.statusCode).toBe(201);
    const after = (await t.call('GET', '/api/v1/projects?limit=50&q=锦城', { cookie: admin })).json().items[0];
    expect(after.buildingCount).toBe(before.buildingCount + 1);
  });

  it('caches the signed-in principal until the user changes, then answers with the change', async () => {
    const cookie = await t.login('marketing');
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200);
    await silently(t.database, `UPDATE users SET active = false WHERE username = 'marketing'`);
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200); // the cached principal

    // Any change to a column the principal carries, by any writer, ends the cached principal at once.
    await t.database.executeSql(`UPDATE users SET display_name = '市场部' WHERE username = 'marketing'`);
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(401);
  });

  it('keeps cached principals across a login that only stamps last_login_at', async () => {
    const cookie = await t.login('engineer');
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200);
    await silently(t.database, `UPDATE users SET active = false WHERE username = 'engineer'`);
    await t.login('groupcr');
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200);
  });

  it('caches an API token principal until the token changes, still recording its use once a minute', async () => {
    const created = await t.call('POST', '/api/v1/api-tokens', { cookie: admin, body: { name: '缓存测试', role: 'executive' } });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    const lastUsed = async () => String((await t.database.executeSql('SELECT last_used_at FROM api_tokens WHERE id = $1', [id])).rows[0].last_used_at);
    const group = async () => (await t.call('GET', '/api/v1/group', { headers: bearer })).statusCode;
    expect(await group()).toBe(200);
    const first = await lastUsed();
    t.clock.advance(30_000);
    expect(await group()).toBe(200);
    expect(await lastUsed()).toBe(first); // within the minute: no write
    t.clock.advance(31_000);
    expect(await group()).toBe(200);
    expect(await lastUsed()).not.toBe(first);

    await silently(t.database, `UPDATE api_tokens SET revoked_at = now() WHERE id = '${id}'`);
    expect(await group()).toBe(200); // the cached principal
    // Changing the token's role (any writer) ends the cached principal: the database says revoked.
    await t.database.executeSql(`UPDATE api_tokens SET role = 'marketing' WHERE id = $1`, [id]);
    expect(await group()).toBe(401);
  });

  it('does not cache an unknown or expired session', async () => {
    const size = t.app.caches.principals.size;
    for (const guess of ['nope', 'x'.repeat(43), 'also-nope']) {
      expect((await t.call('GET', '/api/v1/group', { cookie: `keyuan_session=${guess}` })).statusCode).toBe(401);
    }
    expect(t.app.caches.principals.size).toBe(size);
    const cookie = await t.login('exec');
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200);
    t.clock.advance(13 * 3600_000); // past the 12-hour session
    expect((await t.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(401);
  });
});

// Another instance's writes reach this instance's caches through its listener connection; while
// that connection is down the caches are bypassed, so nothing stale is served in the gap.
describe.runIf(dbKinds().includes('postgres'))('read caches across PostgreSQL connections', () => {
  let t: TestApp;
  let other: Database;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    other = await openPostgres(t.database.url!, 2);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const companyNames = async () => ((await t.call('GET', '/api/v1/companies', { cookie: admin })).json().items as { name: string }[]).map((c) => c.name).sort();

  it('drops a cached list when another instance changes the data', async () => {
    expect(await companyNames()).toEqual(['成都公司', '杭州公司']);
    await other.executeSql(`UPDATE companies SET name = '成都分公司' WHERE code = 'TB'`);
    await eventually(async () => (await companyNames()).includes('成都分公司'));
  });

  it('bypasses the caches while the listener is down and caches again once it is back', async () => {
    const app: KeyuanApp = t.app;
    expect(app.caches.invalidation.live).toBe(true);
    await companyNames();
    await other.executeSql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [LISTENER_APPLICATION_NAME]);
    await eventually(async () => !app.caches.invalidation.live);

    await silently(other, `UPDATE companies SET name = '杭州分公司' WHERE code = 'TA'`);
    expect(await companyNames()).toEqual(['成都分公司', '杭州分公司']);

    await eventually(async () => app.caches.invalidation.live);
    await companyNames(); // cached again
    await silently(other, `UPDATE companies SET name = '杭州总公司' WHERE code = 'TA'`);
    expect(await companyNames()).toEqual(['成都分公司', '杭州分公司']);
  });

  it('serves every read from the database with KEYUAN_READ_CACHE=0', async () => {
    const uncached = await buildApp({ database: other, clock: t.clock, config: testConfig({ readCache: false }) });
    try {
      const login = await uncached.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Test1234' } });
      const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
      const names = async () => (await uncached.inject({ method: 'GET', url: '/api/v1/companies', headers: { cookie } })).json().items.map((c: { name: string }) => c.name).sort();
      expect(await names()).toEqual(['成都分公司', '杭州总公司']);
      await silently(other, `UPDATE companies SET name = '杭州公司' WHERE code = 'TA'`);
      expect(await names()).toEqual(['成都分公司', '杭州公司']);
      expect(uncached.caches.invalidation.live).toBe(false);
    } finally {
      await uncached.close();
    }
  });
});
