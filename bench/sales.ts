// The sales benchmark (npm run bench; BENCH_ONLY=sales runs it alone; `tsx bench/sales.ts` too).
// On a fresh PostgreSQL database with one selling project of 5,000 units (bench/lib/sales-data.ts:
// 20 buildings × 25 floors × 10 units, statuses by sales phase, an active deal for every unit that
// is not available) it measures, for a sales manager with project scope:
//   the sales-control board (销控) GET /api/v1/projects/:id/sales-board over HTTP through the real
//   app, unfiltered and with a layout + price filter, each beside the raw SQL of the board's query
//   (the statement the service sends, captured through the Drizzle logger and replayed on the pool);
// then splits the request into its parts in-process (PostgreSQL execution, the query on
// node-postgres, the service with its mapping, zod response encoding, JSON.stringify, the fixed
// cost of an authenticated request, GC pauses) to show where the time goes. The sales funnel is
// measured on its own dataset by bench/funnel.ts (BENCH_ONLY=funnel); benchFunnel says so here.
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_STATUSES, UNIT_STATUS_LABELS } from '../src/common/contracts/org.ts';
import { boardSchema, type SalesBoard } from '../src/common/contracts/sales.ts';
import { DEAL_STAGES, DEAL_STAGE_LABELS } from '../src/common/sales.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import { salesBoard } from '../src/server/modules/sales/board.ts';
import type { Principal } from '../src/server/platform/access/principal.ts';
import { principalForSession } from '../src/server/platform/auth/principal-store.ts';
import { createSession, SESSION_COOKIE } from '../src/server/platform/auth/sessions.ts';
import { hashSecret } from '../src/server/platform/auth/tokens.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { stats, timed, type Stats } from './lib/latency.ts';
import { onFreshPostgres } from './lib/postgres.ts';
import { machine, writeSection } from './lib/report.ts';
import { generateSalesData, PHASES, seedSalesOrganisation, type SalesGeneration, type SalesOrg, type SalesShape } from './lib/sales-data.ts';
import { REPO_ROOT } from './lib/server.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SHAPE: SalesShape = { buildings: num('BENCH_SALES_BUILDINGS', 20), floors: num('BENCH_SALES_FLOORS', 25), unitsPerFloor: num('BENCH_SALES_UNITS_PER_FLOOR', 10) };
const PROSPECTS = num('BENCH_SALES_PROSPECTS', 20_000);
const ITERATIONS = num('BENCH_SALES_ITERATIONS', 200);
const WARMUP = num('BENCH_SALES_WARMUP', 20);
const EXPLAIN_RUNS = 20;
const TARGET_P95_MS = 50;
// The filtered view: a buyer's question, "三室两厅两卫 up to 360 万".
const FILTER = { layout: '三室两厅两卫', priceMax: 3_600_000 };

const log = (msg: string) => console.log(`[bench:sales] ${msg}`);

// Garbage-collection pauses of this process (server and client share it). The observer delivers
// entries late, so each pause is placed by its own start time into the window it fell in.
type Pause = { start: number; ms: number };
const pauses: Pause[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
});
type Window = { name: string; from: number; to: number };

async function gcIn(windows: Window[]): Promise<Record<string, number>> {
  await new Promise((r) => setImmediate(r));
  for (const e of gcObserver.takeRecords()) pauses.push({ start: e.startTime, ms: e.duration });
  const out: Record<string, number> = {};
  for (const w of windows) out[w.name] ??= 0;
  for (const p of pauses) {
    const w = windows.find((x) => p.start >= x.from && p.start < x.to);
    if (w) out[w.name] += p.ms;
  }
  return out;
}

async function repeat(fn: () => Promise<unknown>): Promise<{ stats: Stats; gcPerCall: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  const from = performance.now();
  for (let i = 0; i < ITERATIONS; i++) out.push((await timed(fn))[1]);
  const gc = await gcIn([{ name: 'all', from, to: performance.now() }]);
  return { stats: stats(out), gcPerCall: gc.all / ITERATIONS };
}

// The parts of one request, interleaved: each round runs every part once, in order, so that
// background load and the collector's rhythm fall on all of them alike.
async function interleaved(parts: Record<string, () => unknown>): Promise<Record<string, Part>> {
  const samples: Record<string, number[]> = {};
  const windows: Window[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    for (const [name, fn] of Object.entries(parts)) {
      const from = performance.now();
      await fn();
      const to = performance.now();
      if (i < WARMUP) continue;
      (samples[name] ??= []).push(to - from);
      windows.push({ name, from, to });
    }
  }
  const gc = await gcIn(windows);
  return Object.fromEntries(Object.keys(parts).map((name) => [name, { ...stats(samples[name]), gc: gc[name] / ITERATIONS }]));
}

// Records every statement a Drizzle instance sends while armed.
type Statement = { text: string; params: unknown[] };
class Recorder {
  armed = false;
  statements: Statement[] = [];
  logQuery(text: string, params: unknown[]) {
    if (this.armed) this.statements.push({ text, params: [...params] });
  }
}

type Query = { layout?: string; priceMin?: number; priceMax?: number };
type Ctx = { database: Database; baseUrl: string; cookie: string; principal: Principal; projectId: string };

// A part of the request timed in the interleaved loop, with the GC pauses per call inside it.
type Part = Stats & { gc: number };
const PARTS = {
  http: '**HTTP, full request**',
  sql: 'the three board statements on node-postgres, concurrently (round trips, rows parsed)',
  projectSql: 'project lookup on node-postgres',
  service: 'service `salesBoard()` (both statements, Drizzle mapping, grouping)',
  encode: 'zod response encoding `z.safeEncode(boardSchema, …)`',
  stringify: '`JSON.stringify` of the board',
  serializer: "route serializer (encoding + stringify, as fastify calls it)",
  trivial: 'authenticated trivial request `GET /api/v1/group`',
} as const;
type PartName = keyof typeof PARTS;

// One variant of the board: the HTTP request and its SQL (each in its own block, as the other
// sections measure), then the parts of the request (interleaved) and PostgreSQL's own time.
type Variant = {
  id: 'all' | 'filtered';
  operation: string;
  path: string;
  http: Stats;
  httpGc: number; // GC pauses per call during the HTTP block
  sql: Stats; // the three board statements replayed concurrently on node-postgres (rowMode array, as Drizzle runs it)
  bytes: number;
  units: number;
  matching: number;
  parts: Record<PartName, Part>;
  explain: Stats; // PostgreSQL planning + execution of the three board statements, summed (EXPLAIN ANALYZE, TIMING OFF)
  plan: string; // one EXPLAIN (ANALYZE, BUFFERS) with per-node timing
};
export type FunnelRun = { status: 'skipped'; note: string } | { status: 'ran'; note: string; results: { operation: string; stats: Stats }[] };

const httpGet = (c: Ctx, path: string) => async () => {
  const res = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: c.cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
  return body.byteLength;
};

const boardPath = (projectId: string, q: Query) => {
  const params = new URLSearchParams();
  if (q.layout) params.set('layout', q.layout);
  if (q.priceMin !== undefined) params.set('priceMin', String(q.priceMin));
  if (q.priceMax !== undefined) params.set('priceMax', String(q.priceMax));
  const qs = params.toString();
  return `/api/v1/projects/${projectId}/sales-board${qs ? `?${qs}` : ''}`;
};

// The first answer is checked against the database before anything is timed: every unit once,
// counts per status, a buyer's name on every active deal (project scope sees them all), and the
// filter's matches.
async function checkBoard(c: Ctx, path: string, q: Query, gen: SalesGeneration): Promise<{ bytes: number; units: number; matching: number }> {
  const res = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: c.cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  const board = JSON.parse(text) as SalesBoard;
  const cells = board.buildings.flatMap((b) => b.floors.flatMap((f) => f.units));
  const ids = new Set(cells.map((u) => u.id));
  const { rows: [expect] } = await c.database.executeSql(
    `SELECT count(*) FILTER (WHERE ($2::text IS NULL OR layout = $2) AND ($3::numeric IS NULL OR list_price >= $3) AND ($4::numeric IS NULL OR list_price <= $4))::int AS matching
       FROM units WHERE project_id = $1`,
    [c.projectId, q.layout ?? null, q.priceMin ?? null, q.priceMax ?? null],
  );
  const problems = [
    ids.size !== gen.units || cells.length !== gen.units ? `${cells.length} cells (${ids.size} distinct) for ${gen.units} units` : '',
    UNIT_STATUSES.some((s) => board.counts[s] !== gen.byStatus[s]) ? `counts ${JSON.stringify(board.counts)} ≠ ${JSON.stringify(gen.byStatus)}` : '',
    cells.filter((u) => u.dealId).length !== gen.activeDeals ? `${cells.filter((u) => u.dealId).length} cells with a deal for ${gen.activeDeals} active deals` : '',
    cells.some((u) => u.dealId && !u.customerName) ? 'an active deal without its buyer\'s name' : '',
    cells.filter((u) => u.match).length !== Number(expect.matching) ? `${cells.filter((u) => u.match).length} matching cells, ${expect.matching} expected` : '',
  ].filter(Boolean);
  if (problems.length) throw new Error(`GET ${path}: ${problems.join('; ')}`);
  return { bytes: Buffer.byteLength(text), units: cells.length, matching: cells.filter((u) => u.match).length };
}

async function measureVariant(c: Ctx, id: Variant['id'], operation: string, q: Query, gen: SalesGeneration): Promise<Variant> {
  const pool = c.database.pool!;
  const path = boardPath(c.projectId, q);
  const checked = await checkBoard(c, path, q, gen);

  // The service's statements, captured once on the application's pool.
  const recorder = new Recorder();
  const recDb = drizzle(pool, { schema, logger: recorder }) as unknown as Db;
  recorder.armed = true;
  const board = await salesBoard(recDb, c.principal, c.projectId, q);
  recorder.armed = false;
  // requireProject's lookup, then the board's three statements (buildings, units, active deals) sent together.
  const projectStatement = recorder.statements.find((s) => /from "projects"/i.test(s.text) && !/from "units"|from "deals"|from "buildings"/i.test(s.text));
  const boardStatements = recorder.statements.filter((s) => s !== projectStatement);
  if (!projectStatement || boardStatements.length !== 3) throw new Error(`salesBoard sent ${recorder.statements.length} statements; expected the project lookup and the three board statements`);

  // As the service sends them: concurrently on the pool, rows as arrays as Drizzle asks for them.
  const boardSql = () => Promise.all(boardStatements.map((s) => pool.query({ text: s.text, values: s.params, rowMode: 'array' })));

  log(`${operation}: HTTP…`);
  const http = await repeat(httpGet(c, path));
  log(`${operation}: SQL…`);
  const sql = await repeat(boardSql);

  log(`${operation}: the parts, interleaved…`);
  const checkedEncode = z.safeEncode(boardSchema, board);
  if (!checkedEncode.success) throw new Error(`the board does not match boardSchema: ${checkedEncode.error.message.slice(0, 300)}`);
  const encoded = checkedEncode.data;
  const serialize = serializerCompiler({ schema: boardSchema, method: 'GET', url: '/api/v1/projects/:id/sales-board', httpStatus: '200' });
  const parts = (await interleaved({
    http: httpGet(c, path),
    sql: boardSql,
    projectSql: () => pool.query({ text: projectStatement.text, values: projectStatement.params, rowMode: 'array' }),
    service: () => salesBoard(c.database.db, c.principal, c.projectId, q),
    encode: () => z.safeEncode(boardSchema, board),
    stringify: () => JSON.stringify(encoded),
    serializer: () => serialize(board),
    trivial: httpGet(c, '/api/v1/group'),
  } satisfies Record<PartName, () => unknown>)) as Record<PartName, Part>;

  // PostgreSQL's own time for the board statements (without per-node timing, which inflates it),
  // and one plan with per-node timing.
  const explained: number[] = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    let total = 0;
    for (const st of boardStatements) {
      const r = await pool.query(`EXPLAIN (ANALYZE, TIMING OFF) ${st.text}`, st.params);
      const text = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
      total += [...text.matchAll(/(?:Planning|Execution) Time: ([\d.]+) ms/g)].reduce((s, m) => s + Number(m[1]), 0);
    }
    explained.push(total);
  }
  const plans: string[] = [];
  for (const st of boardStatements) {
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${st.text}`, st.params);
    plans.push(r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
  }
  const plan = plans.join('\n\n');
  return { id, operation, path, http: http.stats, httpGc: http.gcPerCall, sql: sql.stats, ...checked, parts, explain: stats(explained), plan };
}

export async function runSalesBench(): Promise<void> {
  const loadBefore = loadavg();
  const started = performance.now();
  await onFreshPostgres('keyuan_bench_sales', log, async (database, target) => {
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      const [org, orgMs] = await timed(() => seedSalesOrganisation(database.db, SHAPE));
      log(`organisation: ${org.project.name}, ${SHAPE.buildings} buildings × ${SHAPE.floors} floors × ${SHAPE.unitsPerFloor} units, ${org.consultants.length} consultants (${(orgMs / 1000).toFixed(1)} s)`);
      const generation = await generateSalesData(target.url, org, PROSPECTS, (m) => log(`  ${m}`));
      log(`generated in ${generation.seconds.total.toFixed(1)} s: ${JSON.stringify(generation.byStatus)}, ${generation.activeDeals} active deals`);

      app = await buildApp({ database, clock: systemClock, config: { ...loadConfig({}), webDir: '/nonexistent', demo: false } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const { secret } = await createSession(database.db, { userId: org.manager.id, now: new Date(), ttlMs: 8 * 3600_000, ip: '127.0.0.1', userAgent: 'keyuan-bench' });
      const principal = (await principalForSession(database, hashSecret(secret), new Date()))!;
      if (principal.scope !== 'project' || !principal.projectIds.includes(org.project.id)) throw new Error(`the manager's principal is not project-scoped to the project: ${JSON.stringify(principal)}`);
      const ctx: Ctx = { database, baseUrl, cookie: `${SESSION_COOKIE}=${secret}`, principal, projectId: org.project.id };

      gcObserver.observe({ entryTypes: ['gc'] });
      const variants: Variant[] = [];
      for (const [id, operation, q] of [
        ['all', 'board, no filter', {}],
        ['filtered', `board, filter ${FILTER.layout} ≤ ${FILTER.priceMax / 10_000} 万`, FILTER],
      ] as const) {
        const v = await measureVariant(ctx, id, operation, q, generation);
        log(`${operation}: HTTP p50 ${v.http.p50.toFixed(2)} / p95 ${v.http.p95.toFixed(2)} ms, SQL p95 ${v.sql.p95.toFixed(2)} ms, ${(v.bytes / 1024).toFixed(0)} KiB`);
        variants.push(v);
      }
      gcObserver.disconnect();
      await app.close();
      app = undefined;

      const funnel = await benchFunnel(database, org, log);
      const { rows } = await database.executeSql('SHOW shared_buffers');
      const md = salesSection({
        version: target.version, sharedBuffers: String(rows[0].shared_buffers), org, generation, variants, funnel,
        loadBefore, loadAfter: loadavg(), seconds: (performance.now() - started) / 1000,
      });
      console.log(`\n${md}`);
      const file = join(REPO_ROOT, 'BENCHMARKS.md');
      writeSection(file, 'sales', md);
      log(`wrote ${file}`);
    } finally {
      await app?.close();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The sales funnel (线索 → 来访 → 认筹 → 认购 → 签约) is not measured on this project's 20,000 prospects:
// bench/funnel.ts measures it on its own database of 1,000,000 project interests over two companies
// (npm run bench runs it after this one; BENCH_ONLY=funnel alone). This hook only says so.
export async function benchFunnel(_database: Database, _org: SalesOrg, say: (m: string) => void = log): Promise<FunnelRun> {
  const note = 'measured on its own dataset of 1,000,000 project interests by `bench/funnel.ts` (`BENCH_ONLY=funnel`): see the section “Sales funnel” below';
  say(`sales funnel: ${note}`);
  return { status: 'skipped', note };
}

// ---------------------------------------------------------------------------------------------
// The section of BENCHMARKS.md

type SectionInput = {
  version: string;
  sharedBuffers: string;
  org: SalesOrg;
  generation: SalesGeneration;
  variants: Variant[];
  funnel: FunnelRun;
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
};

const f = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(2) : '–');
const int = (v: number) => v.toLocaleString('en');
const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1)} %`;
const wan = (yuan: number) => `${(yuan / 10_000).toFixed(0)} 万`;

function salesSection(x: SectionInput): string {
  const m = machine();
  const g = x.generation;
  const s = x.org.shape;
  const statuses = UNIT_STATUSES.map((st) => `${UNIT_STATUS_LABELS[st]} ${int(g.byStatus[st])} (${pct(g.byStatus[st], g.units)})`).join(', ');
  const stages = DEAL_STAGES.map((st) => `${DEAL_STAGE_LABELS[st]} ${int(g.dealsByStage[st] ?? 0)}`).join(', ');
  const layouts = g.layouts.map((l) => `${l.layout} ${l.minArea === l.maxArea ? l.minArea : `${l.minArea}–${l.maxArea}`} ㎡ (${int(l.units)}, ${wan(l.minPrice)}–${wan(l.maxPrice)})`).join('; ');
  const phases = PHASES.map((p, i) => `phase ${i + 1} opened ${p.openedDaysAgo} days ago (${Math.round(p.delivered * 100)} / ${Math.round(p.contracted * 100)} / ${Math.round(p.subscribed * 100)} / ${Math.round(p.reserved * 100)} %)`).join(', ');
  const lines = [
    `## Sales-control board (销控): one project of ${int(g.units)} units`,
    '',
    `Run ${new Date().toISOString()} · ${m.cpu}, ${m.cores} logical CPUs, ${m.memoryGiB} GiB RAM · ${m.os} · Node ${m.node} ·`,
    `load average ${x.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before the run, ${x.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (${Math.max(1, Math.round(x.seconds / 60))} min).`,
    `${x.version}, server settings as found (\`shared_buffers\` ${x.sharedBuffers}).`,
    '',
    'Method: a fresh PostgreSQL database, migrated; the organisation from the seed factories: one company, one selling project',
    `(${x.org.project.name}) of ${s.buildings} buildings × ${s.floors} floors × ${s.unitsPerFloor} units laid out by \`seedBuilding\` (40 % 刚需 towers, 40 % 改善, 20 % 洋房;`,
    'a layout per floor-plate position, list price = area × price per ㎡ + 0.4 % a floor), two sales teams of consultants and a sales',
    'manager with project scope. The sale so far is generated in bulk SQL (`bench/lib/sales-data.ts`, `INSERT … SELECT`, draws hashed from',
    `the row number) by sales phase — a quarter of the buildings each, ${phases}`,
    '(shares delivered / contracted / subscribed / reserved; floors 1–2 sell slower): every unit that is not available has one active',
    'deal (reserved → 认筹, subscribed → 认购, contracted or delivered → 签约, with 认筹 and 认购 steps before it for most) of a customer whose',
    'project interest a consultant owns; contracts have their 业主 row; 4 % of the units also carry an earlier cancelled deal of another',
    'prospect; the remaining customers are prospects who have not bought (8 % of them in the public pool). Then `VACUUM ANALYZE`, `CHECKPOINT`.',
    '',
    'The server is the real app (`buildApp`) listening on 127.0.0.1 in the bench process; requests are sequential `fetch` calls (one',
    `connection, no queueing) with the session cookie of the project's sales manager (scope project: every buyer's name is shown).`,
    `Each measurement: ${WARMUP} warm-up calls, then ${ITERATIONS} timed calls. **HTTP** is the full request (guard, session lookup, service,`,
    'zod response encoding, JSON, transfer, the client reading the body). **SQL** replays the three board statements the service sends (buildings, units, active deals; concurrently as the service does) (captured',
    'through the Drizzle logger) on the same pool, rows as arrays as Drizzle asks for them. The first answer of each variant is checked',
    'against the database (every unit once, counts per status, a buyer on every active deal, the filter\'s matches). All times in ms.',
    '',
    `Dataset: ${int(g.units)} units — ${statuses}. ${int(g.activeDeals)} active deals (${stages}), ${int(g.cancelledDeals)} cancelled,`,
    `${int(g.owners)} 业主 rows; ${int(g.customers)} customers, ${int(g.interests)} project interests (${int(g.interestsInPool)} in the pool, ${int(g.visited)} with a first visit; funnel milestones as the sales module keeps them).`,
    `Layouts: ${layouts}.`,
    `Generated in ${g.seconds.total.toFixed(1)} s (plan ${g.seconds.plan.toFixed(1)} s, customers and interests ${g.seconds.customers.toFixed(1)} s, deals ${g.seconds.deals.toFixed(1)} s, vacuum ${g.seconds.vacuum.toFixed(1)} s).`,
    '',
    '| Operation | Path | calls | response | HTTP p50 | HTTP p95 | HTTP p99 | SQL p50 | SQL p95 | SQL p99 | p95 target | |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const v of x.variants) {
    const verdict = v.http.p95 < TARGET_P95_MS ? 'met' : '**not met**';
    lines.push(
      `| ${v.operation} (${int(v.matching)} of ${int(v.units)} match) | \`${v.path.replace(x.org.project.id, ':id')}\` | ${v.http.n} | ${(v.bytes / 1024).toFixed(0)} KiB | ${f(v.http.p50)} | ${f(v.http.p95)} | ${f(v.http.p99)} | ${f(v.sql.p50)} | ${f(v.sql.p95)} | ${f(v.sql.p99)} | < ${TARGET_P95_MS} | ${verdict} |`,
    );
  }
  const missed = x.variants.filter((v) => v.http.p95 >= TARGET_P95_MS);
  lines.push(
    '',
    `**Target** (HTTP p95 < ${TARGET_P95_MS} ms): ${missed.length ? `**not met** — ${missed.map((v) => `${v.operation} p95 ${f(v.http.p95)} ms`).join(', ')}; where the time goes is below.` : '**met** for both views.'}`,
    '',
    `GC pauses of the bench process (server and client share it) during the HTTP calls: ${x.variants.map((v) => `${f(v.httpGc)} ms per call (${v.operation})`).join(', ')}.`,
    '',
    '### Where the time goes',
    '',
    `Every part of the request timed in one interleaved loop per variant (${WARMUP} warm-up rounds, then ${ITERATIONS}; each round runs each part once, so`,
    'background load and the collector fall on all parts alike): p50, p95, and the GC pauses per call that fell inside the part. The service',
    "is `salesBoard()` on the application's Drizzle instance (the project lookup and the three board statements, Drizzle's row mapping, grouping by",
    "building and floor); the serializer is the route's own (`fastify-type-provider-zod`: `z.safeEncode(boardSchema, board)`, then",
    '`JSON.stringify`); the authenticated trivial request is `GET /api/v1/group` with the same cookie (guard, session lookup, one row, a',
    `tiny body). PostgreSQL's own time is planning + execution of the three board statements (summed) from \`EXPLAIN (ANALYZE, TIMING OFF)\`, ${EXPLAIN_RUNS} runs.`,
    '',
    `| Part | ${x.variants.map((v) => `${v.operation}: p50 | p95 | GC/call`).join(' | ')} |`,
    `|---|${x.variants.map(() => '--:|--:|--:').join('|')}|`,
    `| PostgreSQL: board statements, planning + execution | ${x.variants.map((v) => `${f(v.explain.p50)} | ${f(v.explain.p95)} | –`).join(' | ')} |`,
    ...(Object.keys(PARTS) as PartName[]).map((k) => `| ${PARTS[k]} | ${x.variants.map((v) => `${f(v.parts[k].p50)} | ${f(v.parts[k].p95)} | ${f(v.parts[k].gc)}`).join(' | ')} |`),
    '',
    'A GC pause is paid by whichever part is running when the young generation fills, mostly for the board\'s garbage (the trivial request,',
    'which makes almost none, pays its share too), so the split of the mean request below (means add up; p50s need not) takes each part',
    'without the pauses that fell inside it and shows the pauses inside the HTTP call on their own:',
    '',
  );
  for (const v of x.variants) {
    const p = v.parts;
    const net = (k: PartName) => p[k].mean - p[k].gc;
    const total = p.http.mean;
    const pgOwn = v.explain.mean;
    const transfer = net('sql') - pgOwn;
    const mapping = net('service') - net('sql') - net('projectSql');
    const rest = net('http') - net('service') - net('serializer') - net('trivial');
    const share = (ms: number) => `${f(ms)} ms (${((100 * ms) / total).toFixed(0)} %)`;
    lines.push(
      `- ${v.operation}, mean ${f(total)} ms: PostgreSQL ${share(pgOwn)}; the board rows to node-postgres and parsed ${share(transfer)}; project lookup ${share(net('projectSql'))};`
      + ` Drizzle mapping and grouping ${share(mapping)}; zod encoding ${share(net('encode'))}; \`JSON.stringify\` ${share(net('stringify'))}; authentication and`
      + ` request overhead ${share(net('trivial'))}; GC pauses ${share(p.http.gc)}; the rest ${share(rest)} (sending ${(v.bytes / 1024).toFixed(0)} KiB over loopback, the client reading it).`,
    );
  }
  const first = x.variants[0];
  lines.push(
    '',
    `<details><summary>Plans of the three board statements (the same for every variant: the filter is applied in JS), with per-node timing</summary>`,
    '',
    '```',
    first.plan,
    '```',
    '',
    '</details>',
    '',
    '### Sales funnel',
    '',
    x.funnel.status === 'skipped'
      ? `Not measured here: ${x.funnel.note}.`
      : `${x.funnel.note}\n\n${x.funnel.results.map((r) => `- ${r.operation}: p50 ${f(r.stats.p50)}, p95 ${f(r.stats.p95)}, p99 ${f(r.stats.p99)} ms (${r.stats.n} calls)`).join('\n')}`,
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSalesBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
