import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/server/db/client.ts';
import { PGLITE_TEMPLATE_FILE } from '../fixtures/test-db.ts';

// Migrate once, then let every test file start from a copy: a PGlite data-dir dump, and (with
// TEST_DATABASE_URL) a PostgreSQL template database that each file clones with CREATE DATABASE.
export default async function setup(project: TestProject) {
  mkdirSync('.tmp', { recursive: true });
  const lite = await openPglite(undefined);
  await lite.migrate();
  const dump = await lite.pglite!.dumpDataDir('gzip');
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `keyuan_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const target = new URL(url);
  target.pathname = `/${template}`;
  const tpl = await openPostgres(target.toString(), 2);
  await tpl.migrate();
  await tpl.close();
  project.provide('pgTemplate', template);

  return async () => {
    // Drop the per-run databases and the template so runs never share state.
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`keyuan_t_${process.pid}_%`, template]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  };
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
