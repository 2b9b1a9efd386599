import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type KeyuanApp } from '../../src/server/app.ts';
import { openPostgres, type Database } from '../../src/server/db/client.ts';
import { HOUR } from '../../src/server/platform/clock.ts';
import { createJobs, type Jobs } from '../../src/server/platform/jobs/jobs.ts';
import { registerSessionCleanup, SESSION_CLEANUP_JOB } from '../../src/server/platform/jobs/session-cleanup.ts';
import { jobSlots } from '../../src/server/platform/jobs/tables.ts';
import { sessions } from '../../src/server/platform/auth/tables.ts';
import { createTestApp, testConfig, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

const silent = { error: () => undefined } as unknown as Parameters<typeof createJobs>[0]['log'];

async function waitFor(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out waiting');
}

// Two app servers on one PostgreSQL database: sessions are shared, scheduled jobs run once.
describe.runIf(dbKinds().includes('postgres'))('two instances on one PostgreSQL', () => {
  let a: TestApp;
  let secondDb: Database;
  let b: KeyuanApp;
  const jobs: Jobs[] = [];
  const runs: string[] = [];

  beforeAll(async () => {
    a = await createTestApp('postgres');
    secondDb = await openPostgres(a.database.url!, 5);
    b = await buildApp({ database: secondDb, clock: a.clock, config: testConfig() });
    await b.ready();
    for (const [name, database] of [['a', a.database], ['b', secondDb]] as const) {
      const j = createJobs({ database, clock: a.clock, log: silent, tickMs: 0, pollingSeconds: 0.5 });
      registerSessionCleanup(j, database, () => runs.push(`cleanup@${name}`));
      jobs.push(j);
    }
    await Promise.all(jobs.map((j) => j.start()));
  });
  afterAll(async () => {
    await Promise.all(jobs.map((j) => j.stop()));
    await b.close();
    await secondDb.close();
    await a.close();
  });

  it('accepts a session made on one instance on the other, and a logout on one ends it on both', async () => {
    const cookie = await a.login('crm');
    const onB = await b.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().username).toBe('crm');
    expect((await a.call('GET', '/api/v1/group', { cookie })).statusCode).toBe(200); // A now has it cached
    expect((await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    // A learns of the logout through its invalidation listener, within moments.
    await waitFor(async () => (await a.call('GET', '/api/v1/group', { cookie })).statusCode === 401, 2000);
  });

  it('runs a scheduled job once per period, not once per instance', async () => {
    await a.login('exec');
    a.clock.advance(13 * HOUR); // that session is now expired
    const enqueued = await Promise.all(jobs.map((j) => j.tick()));
    expect(enqueued.flat()).toEqual([SESSION_CLEANUP_JOB]);
    await waitFor(() => runs.length >= 1);
    await new Promise((r) => setTimeout(r, 1500)); // give a duplicate the chance to show up
    expect(runs).toHaveLength(1);
    const [{ n }] = await a.database.db.select({ n: count() }).from(sessions);
    expect(Number(n)).toBe(0);
    const slots = await a.database.db.select().from(jobSlots).where(eq(jobSlots.name, SESSION_CLEANUP_JOB));
    expect(slots).toHaveLength(1);

    // The same period again: nothing new. The next period: exactly one more run.
    expect((await Promise.all(jobs.map((j) => j.tick()))).flat()).toEqual([]);
    a.clock.advance(HOUR);
    expect((await Promise.all(jobs.map((j) => j.tick()))).flat()).toEqual([SESSION_CLEANUP_JOB]);
    await waitFor(() => runs.length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toHaveLength(2);
    const next = await a.database.db.select().from(jobSlots).where(and(eq(jobSlots.name, SESSION_CLEANUP_JOB)));
    expect(next).toHaveLength(2);
  });
});

describe('jobs on PGlite', () => {
  let t: TestApp;
  let jobs: Jobs;
  let deleted = -1;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    jobs = createJobs({ database: t.database, clock: t.clock, log: silent, tickMs: 0, pollingSeconds: 0.5 });
    registerSessionCleanup(jobs, t.database, (n) => (deleted = n));
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  it('cleans up expired sessions through pg-boss on the embedded database', async () => {
    await t.login('crm');
    const keep = await t.login('exec');
    t.clock.advance(7 * HOUR);
    // Using a session past half its life extends it; the other one expires untouched.
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: keep })).statusCode).toBe(200);
    t.clock.advance(6 * HOUR);
    expect(await jobs.tick()).toEqual([SESSION_CLEANUP_JOB]);
    await waitFor(() => deleted >= 0);
    expect(deleted).toBe(1);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: keep })).statusCode).toBe(200);
  });
});
