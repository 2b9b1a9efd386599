import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createHub, listenOnConnect, subscribePglite, subscribePostgres, type InvalidationHandlers, type Unsubscribe } from './notifications.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
// Both drivers' databases and their transactions share this base type, so repo functions take
// one `Db` and work on PGlite and PostgreSQL alike, inside or outside a transaction.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type SqlResult = { rows: Record<string, unknown>[] };

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  // Raw SQL for platform code (pg-boss adapter, health check, tests).
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  // A hot query by name: a server-side prepared statement per connection on PostgreSQL (parsed
  // and planned once), a plain query on PGlite.
  executePrepared(name: string, text: string, values: unknown[]): Promise<SqlResult>;
  // Cache-invalidation notifications (see notifications.ts); resolves once listening.
  subscribeInvalidations(handlers: InvalidationHandlers): Promise<Unsubscribe>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// int8 and numeric come back as strings from pg by default; counts are safe as numbers here.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const hub = createHub();
  // onConnect's type says void; pg-pool awaits the promise it returns.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, onConnect: listenOnConnect(hub) as (c: pg.ClientBase) => void });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  const unsubscribes = new Set<Unsubscribe>();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    executeSql: async (text, values) => {
      const r = await pool.query(text, values as unknown[] | undefined);
      return { rows: r.rows };
    },
    executePrepared: async (name, text, values) => {
      const r = await pool.query({ name, text, values });
      return { rows: r.rows };
    },
    // Several instances may start at once: an advisory lock lets one migrate while others wait.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(727274)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
        client.release();
      }
    },
    subscribeInvalidations: async (handlers) => {
      const stop = await subscribePostgres(url, hub, handlers);
      const unsubscribe = async () => {
        unsubscribes.delete(unsubscribe);
        await stop();
      };
      unsubscribes.add(unsubscribe);
      return unsubscribe;
    },
    close: async () => {
      await Promise.all([...unsubscribes].map((u) => u()));
      await pool.end();
    },
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    extensions: { pg_trgm },
    parsers: { 20: (v: string) => Number(v) },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    executeSql: async (text, values) => {
      // pg-boss sends multi-statement scripts without parameters; PGlite runs those with exec().
      if ((!values || values.length === 0) && text.includes(';')) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const r = await client.query(text, values as unknown[] | undefined);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    executePrepared: async (_name, text, values) => {
      const r = await client.query(text, values);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    subscribeInvalidations: (handlers) => subscribePglite(client, handlers),
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: () => client.close(),
  };
}

export function openDatabase(config: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
