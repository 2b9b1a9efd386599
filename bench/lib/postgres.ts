import pg from 'pg';
import { openPostgres, type Database } from '../../src/server/db/client.ts';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchPostgres = { url: string; version: string; vacuumAnalyze(): Promise<void>; drop(): Promise<void> };

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default when it answers.
export async function findPostgres(): Promise<string | undefined> {
  const explicit = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (explicit) return explicit;
  try {
    await withClient(DEFAULT_URL, (c) => c.query('SELECT 1'));
    return DEFAULT_URL;
  } catch {
    return undefined;
  }
}

export type NamedDatabase = BenchPostgres & { name: string };

// A fresh database `<prefix>_<timestamp>` on the server at baseUrl, dropped by drop().
export async function createNamedDatabase(baseUrl: string, prefix: string): Promise<NamedDatabase> {
  const name = `${prefix}_${Date.now()}`;
  const version = await withClient(baseUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    const r = await c.query<{ version: string }>('SELECT version()');
    return r.rows[0].version;
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    version,
    // Steady state: statistics and visibility maps as autovacuum would leave them.
    vacuumAnalyze: () => withClient(url.toString(), async (c) => void (await c.query('VACUUM ANALYZE'))),
    drop: () => withClient(baseUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

// A fresh database keyuan_bench_<timestamp> on the server at baseUrl, dropped afterwards.
export const createBenchDatabase = (baseUrl: string): Promise<NamedDatabase> => createNamedDatabase(baseUrl, 'keyuan_bench');

// Runs `fn` on a fresh database `<prefix>_<timestamp>`, migrated, and drops it afterwards.
export async function withMigratedDatabase<T>(baseUrl: string, prefix: string, fn: (database: Database, target: NamedDatabase) => Promise<T>): Promise<T> {
  const target = await createNamedDatabase(baseUrl, prefix);
  let database: Database | undefined;
  try {
    database = await openPostgres(target.url);
    await database.migrate();
    return await fn(database, target);
  } finally {
    await database?.close();
    await target.drop();
  }
}

// withMigratedDatabase on the PostgreSQL findPostgres finds; without one, says so and measures nothing.
export async function onFreshPostgres(prefix: string, log: (m: string) => void, fn: (database: Database, target: NamedDatabase) => Promise<void>): Promise<void> {
  const base = await findPostgres();
  if (!base) {
    log('postgres: none reachable, skipped (BENCHMARKS.md left as it was)');
    return;
  }
  await withMigratedDatabase(base, prefix, async (database, target) => {
    log(`database ${target.name}`);
    await fn(database, target);
  });
}
