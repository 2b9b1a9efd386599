import pg from 'pg';

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

// A fresh database keyuan_bench_<timestamp> on the server at baseUrl, dropped afterwards.
export async function createBenchDatabase(baseUrl: string): Promise<BenchPostgres> {
  const name = `keyuan_bench_${Date.now()}`;
  const version = await withClient(baseUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    const r = await c.query<{ version: string }>('SELECT version()');
    return r.rows[0].version;
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    version,
    // Steady state: statistics and visibility maps as autovacuum would leave them.
    vacuumAnalyze: () => withClient(url.toString(), async (c) => void (await c.query('VACUUM ANALYZE'))),
    drop: () => withClient(baseUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
