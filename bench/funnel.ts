// The sales-funnel benchmark (npm run bench; BENCH_ONLY=funnel runs it alone; `tsx bench/funnel.ts`
// too). On a fresh PostgreSQL database with 1,000,000 project interests created over two years
// (bench/lib/funnel-data.ts) it measures GET /api/v1/analytics/funnel through the real app:
//   one company, one year, by channel — a marketing user (company scope);
//   the whole group, one year, by consultant — an executive (group scope);
// each beside the very statements the service sends (captured through the Drizzle logger and
// replayed on the pool), with PostgreSQL's own time and plan for the funnel statement; when the
// target is missed, it times variants of the statement (bench/lib/funnel-report.ts explains them).
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { funnelQuery, type Funnel } from '../src/common/contracts/analytics.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import { salesFunnel } from '../src/server/modules/analytics/funnel.ts';
import type { Principal } from '../src/server/platform/access/principal.ts';
import { principalForSession } from '../src/server/platform/auth/principal-store.ts';
import { createSession, SESSION_COOKIE } from '../src/server/platform/auth/sessions.ts';
import { hashSecret } from '../src/server/platform/auth/tokens.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { formatShanghaiTime, SHANGHAI_OFFSET_MS } from '../src/common/time.ts';
import { generateFunnelData, seedFunnelOrganisation } from './lib/funnel-data.ts';
import { funnelSection, TARGET_P95_MS, type Measured, type Plan, type Variant } from './lib/funnel-report.ts';
import { stats, timed } from './lib/latency.ts';
import { onFreshPostgres } from './lib/postgres.ts';
import { writeSection } from './lib/report.ts';
import { REPO_ROOT } from './lib/server.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const INTERESTS = num('BENCH_FUNNEL_INTERESTS', 1_000_000);
const ITERATIONS = num('BENCH_FUNNEL_ITERATIONS', 200);
const WARMUP = num('BENCH_FUNNEL_WARMUP', 20);
const EXPLAIN_RUNS = 10;

const log = (msg: string) => console.log(`[bench:funnel] ${msg}`);

type Statement = { text: string; params: unknown[] };
class Recorder {
  armed = false;
  statements: Statement[] = [];
  logQuery(text: string, params: unknown[]) {
    if (this.armed) this.statements.push({ text, params: [...params] });
  }
}

async function repeat(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) out.push((await timed(fn))[1]);
  return out;
}

type Op = { id: string; operation: string; caller: string; principal: Principal; cookie: string; companyId: string | null; groupBy: 'channel' | 'consultant' };
type Ctx = { database: Database; baseUrl: string; from: string; to: string };

const serverMs = (plan: string) => [...plan.matchAll(/(?:Planning|Execution) Time: ([\d.]+) ms/g)].reduce((s, m) => s + Number(m[1]), 0);
const planText = (r: { rows: Record<string, string>[] }) => r.rows.map((x) => x['QUERY PLAN']).join('\n');

// PostgreSQL's own time for a statement (EXPLAIN ANALYZE without per-node timing, runs times) and
// one plan with per-node timing and buffers.
export async function explain(database: Database, s: Statement, runs = EXPLAIN_RUNS, settings: string[] = []): Promise<Plan> {
  const client = await database.pool!.connect();
  try {
    for (const set of settings) await client.query(set);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push(serverMs(planText(await client.query(`EXPLAIN (ANALYZE, TIMING OFF) ${s.text}`, s.params))));
    const plan = planText(await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.params));
    return { sql: s.text, server: stats(ms), plan };
  } finally {
    if (settings.length) await client.query('RESET ALL');
    client.release();
  }
}

// The first answer is checked against the database: the five counts of the period and scope, and
// one row per channel or consultant.
async function check(c: Ctx, op: Op, body: Funnel): Promise<void> {
  const from = new Date(Date.parse(`${c.from}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
  const to = new Date(Date.parse(`${c.to}T00:00:00Z`) - SHANGHAI_OFFSET_MS + 86_400_000);
  const { rows: [e] } = await c.database.executeSql(
    `SELECT count(*)::int AS leads, count(COALESCE(first_visit_at, pledged_at, subscribed_at, contracted_at))::int AS visits,
            count(COALESCE(pledged_at, subscribed_at, contracted_at))::int AS pledges, count(COALESCE(subscribed_at, contracted_at))::int AS subscriptions,
            count(contracted_at)::int AS contracts, count(DISTINCT channel)::int AS channels, count(DISTINCT owner_id)::int AS owners
       FROM project_interests WHERE created_at >= $1 AND created_at < $2 AND ($3::uuid IS NULL OR company_id = $3)`,
    [from.toISOString(), to.toISOString(), op.companyId],
  );
  const rows = op.groupBy === 'channel' ? e.channels : e.owners;
  const wrong = (['leads', 'visits', 'pledges', 'subscriptions', 'contracts'] as const).filter((k) => body.total[k] !== Number(e[k]));
  if (wrong.length || body.rows.length !== Number(rows) || body.rows.some((r) => !r.label)) {
    throw new Error(`${op.operation}: the funnel answered ${JSON.stringify(body.total)} with ${body.rows.length} rows; expected ${JSON.stringify(e)}`);
  }
}

async function measure(c: Ctx, op: Op): Promise<Measured> {
  const pool = c.database.pool!;
  const path = `/api/v1/analytics/funnel?from=${c.from}&to=${c.to}&groupBy=${op.groupBy}`;
  const get = async () => {
    const res = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: op.cookie } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const first = await get();
  const body = JSON.parse(first) as Funnel;
  await check(c, op, body);

  const recorder = new Recorder();
  const recDb = drizzle(pool, { schema, logger: recorder }) as unknown as Db;
  recorder.armed = true;
  await salesFunnel(recDb, op.principal, funnelQuery.parse({ from: c.from, to: c.to, groupBy: op.groupBy }));
  recorder.armed = false;
  const statements = recorder.statements;
  const main = statements.find((s) => /GROUPING SETS/i.test(s.text));
  if (!main) throw new Error(`${op.operation}: salesFunnel sent no GROUPING SETS statement`);
  const replay = async () => {
    for (const s of statements) await pool.query(s.text, s.params);
  };

  log(`${op.operation}: HTTP…`);
  const http = stats(await repeat(get));
  log(`${op.operation}: SQL…`);
  const sql = stats(await repeat(replay));
  log(`${op.operation}: EXPLAIN…`);
  const plans: Plan[] = [];
  for (const s of statements) plans.push(await explain(c.database, s, s === main ? EXPLAIN_RUNS : 3));
  const measured: Measured = { id: op.id, operation: op.operation, caller: op.caller, path, http, sql, bytes: Buffer.byteLength(first), total: body.total, rows: body.rows.length, statements: statements.length, plans, mainIndex: statements.indexOf(main), variants: [] };
  if (http.p95 >= TARGET_P95_MS || process.env.BENCH_FUNNEL_VARIANTS === '1') measured.variants = await measureVariants(c.database, main);
  return measured;
}

// What-if timings of the funnel statement, run when the target is missed: as sent, without JIT, with
// sorts in memory, and rewrites — (split) the counts over hashed grouping sets (one pass, no sort)
// with the total's median in a scalar subquery over the same period and scope; (indexed) when the
// scope puts no condition on company_id (group scope), also bounded to the group's companies so the
// covering index (company_id, created_at) serves it; (rollup) the counts first grouped by (channel,
// owner, project), which PostgreSQL may aggregate in parallel, then the grouping sets over those
// few rows. A rewrite must return what the service reads (every count, the median of the total row).
// (split and indexed apply to a statement that computes the median; rollup to either.)
const MEDIAN = /,\s*(percentile_cont\(0\.5\) WITHIN GROUP \([\s\S]*?\)\) FILTER \(WHERE [^)]*\))/i;

export function rewrites(text: string, companyIds: string[]): { split?: string; indexed?: string; rollup?: string } {
  const median = text.match(MEDIAN)?.[1];
  const where = text.match(/ from "project_interests" where ([\s\S]*?) group by /)?.[1];
  const counts = text.match(/"project_id", (count\([\s\S]*?\)::int)(?:, percentile_cont| from )/)?.[1];
  if (!where || !counts) return {};
  const sub = (w: string) => (median ? `, (select ${median} from "project_interests" where ${w})` : '');
  const split = median ? text.replace(MEDIAN, () => sub(where)) : undefined;
  const bounded = /"company_id" (=|in)/i.test(where) ? where : `("project_interests"."company_id" = ANY('{${companyIds.join(',')}}'::uuid[]) and ${where})`;
  const parts = counts.split(/::int(?:, |$)/).filter(Boolean);
  const rollup = `with b as (select "channel", "owner_id", "project_id", ${parts.map((x, i) => `${x} as c${i}`).join(', ')} from "project_interests" where ${bounded} group by 1, 2, 3) `
    + `select GROUPING("channel", "owner_id", "project_id")::int, "channel", "owner_id", "project_id", ${parts.map((_x, i) => `sum(c${i})::int`).join(', ')}${sub(bounded)} `
    + 'from b group by GROUPING SETS ((), ("channel"), ("owner_id"), ("project_id"))';
  return { split, indexed: split && bounded !== where ? split.replaceAll(where, () => bounded) : undefined, rollup };
}

async function measureVariants(database: Database, main: Statement): Promise<Variant[]> {
  const { rows: companies } = await database.executeSql('SELECT id FROM companies ORDER BY id');
  const out: Variant[] = [];
  // What the service reads: every count, and the median of the total row only (grouping bits 7).
  const rowsOf = async (text: string) => {
    const { rows } = await database.pool!.query<unknown[]>({ text, values: main.params, rowMode: 'array' });
    const median = /percentile_cont/i.test(text); // then the last column, read for the total row only
    return JSON.stringify(rows.map((r) => JSON.stringify(r[0] === 7 || !median ? r : r.slice(0, -1))).sort());
  };
  const expected = await rowsOf(main.text);
  const run = async (id: string, label: string, text: string, settings: string[] = []) => {
    if (text !== main.text && (await rowsOf(text)) !== expected) throw new Error(`funnel variant "${label}" returns other rows than the statement as sent`);
    log(`  variant: ${label}`);
    const p = await explain(database, { text, params: main.params }, 5, settings);
    out.push({ id, label, server: p.server, plan: p.plan });
  };
  await run('asis', 'as sent', main.text);
  await run('jitoff', 'as sent, `jit = off`', main.text, ['SET jit = off']);
  await run('workmem', "as sent, `work_mem = '64MB'` (sorts in memory)", main.text, [`SET work_mem = '64MB'`]);
  const { split, indexed, rollup } = rewrites(main.text, companies.map((r) => String(r.id)));
  if (split) await run('split', '(a) the total\'s median in a scalar subquery, grouping sets hashed', split);
  if (indexed) await run('indexed', '(a) + (b) `company_id = ANY(<the group\'s companies>)`: the covering index serves the group', indexed);
  if (rollup) await run('rollup', '(a) + (b) where it applies + (c) the counts grouped by (channel, owner, project) first, in parallel', rollup);
  return out;
}

export async function runFunnelBench(): Promise<void> {
  const loadBefore = loadavg();
  const started = performance.now();
  await onFreshPostgres('keyuan_bench_funnel', log, async (database, target) => {
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      const now = new Date();
      const [org, orgMs] = await timed(() => seedFunnelOrganisation(database.db, now));
      log(`organisation: ${org.companies.length} companies, ${org.projects.length} projects, ${org.consultants.flat().length} consultants (${(orgMs / 1000).toFixed(1)} s)`);
      const generation = await generateFunnelData(target.url, org, INTERESTS, (m) => log(`  ${m}`), now);
      log(`generated in ${generation.seconds.total.toFixed(1)} s: ${JSON.stringify(generation.milestones)}`);

      app = await buildApp({ database, clock: systemClock, config: { ...loadConfig({}), webDir: '/nonexistent', demo: false } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const session = async (userId: string, scope: Principal['scope']) => {
        const { secret } = await createSession(database.db, { userId, now: new Date(), ttlMs: 8 * 3600_000, ip: '127.0.0.1', userAgent: 'keyuan-bench' });
        const principal = (await principalForSession(database, hashSecret(secret), new Date()))!;
        if (principal.scope !== scope) throw new Error(`${principal.username}: scope ${principal.scope}, expected ${scope}`);
        return { principal, cookie: `${SESSION_COOKIE}=${secret}` };
      };
      const marketing = await session(org.marketing[0].id, 'company');
      const executive = await session(org.executive.id, 'group');
      // The last full calendar year (本年 of a year that is over): always inside the two years generated.
      const year = Number(formatShanghaiTime(now).slice(0, 4)) - 1;
      const ctx: Ctx = { database, baseUrl, from: `${year}-01-01`, to: `${year}-12-31` };
      const ops: Op[] = [
        { id: 'company', operation: `one company, ${year}, by channel`, caller: `marketing (company scope, ${org.companies[0].name})`, ...marketing, companyId: org.companies[0].id, groupBy: 'channel' },
        { id: 'group', operation: `whole group, ${year}, by consultant`, caller: 'executive (group scope)', ...executive, companyId: null, groupBy: 'consultant' },
      ];
      const results: Measured[] = [];
      for (const op of ops) {
        const r = await measure(ctx, op);
        log(`${op.operation}: HTTP p50 ${r.http.p50.toFixed(1)} / p95 ${r.http.p95.toFixed(1)} ms, SQL p95 ${r.sql.p95.toFixed(1)} ms, ${r.total.leads} leads`);
        results.push(r);
      }
      await app.close();
      app = undefined;

      const { rows: [settings] } = await database.executeSql(
        `SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel, current_setting('jit') AS jit,
                pg_size_pretty(pg_relation_size('project_interests')) AS heap, pg_size_pretty(pg_relation_size('project_interests_funnel_idx')) AS funnel_idx`,
      );
      const md = funnelSection({
        version: target.version, settings: settings as Record<string, string>, org, generation, from: ctx.from, to: ctx.to, results,
        iterations: ITERATIONS, warmup: WARMUP, loadBefore, loadAfter: loadavg(), seconds: (performance.now() - started) / 1000,
      });
      console.log(`\n${md}`);
      const file = join(REPO_ROOT, 'BENCHMARKS.md');
      writeSection(file, 'funnel', md);
      log(`wrote ${file}`);
    } finally {
      await app?.close();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFunnelBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
