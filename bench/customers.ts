// The customers benchmark (npm run bench, after the foundation part; BENCH_ONLY=customers runs it
// alone; `tsx bench/customers.ts` too). For each scale it builds a fresh PostgreSQL database —
// the organisation through the seed factories, customers / project interests / interactions
// generated in SQL — and times the real service functions in-process (the ORM, the mapping and
// the masking count), each beside the raw SQL of the very same statements:
//   - a consultant's prospect list by next follow-up (listProspects, limit 20);
//   - quick search by a 2-character name fragment, pinyin initials and a 4-digit mobile tail,
//     as a company-scoped principal and as a consultant;
//   - adding an interaction (addInteraction) on one of the consultant's own prospects.
// Writes its section of BENCHMARKS.md.
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { v7 as uuidv7 } from 'uuid';
import { interactionCreate, prospectListQuery } from '../src/common/contracts/customers.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import { addInteraction } from '../src/server/modules/customers/interests.ts';
import { listProspects } from '../src/server/modules/customers/read.ts';
import type { Principal } from '../src/server/platform/access/principal.ts';
import { principalForSession } from '../src/server/platform/auth/principal-store.ts';
import { createSession } from '../src/server/platform/auth/sessions.ts';
import { hashSecret } from '../src/server/platform/auth/tokens.ts';
import { generateCustomerData, seedOrganisation, type BenchOrg, type GenerationReport } from './lib/customer-data.ts';
import { prng, stats, timed, type Stats } from './lib/latency.ts';
import { findPostgres, withMigratedDatabase } from './lib/postgres.ts';
import { machine, writeSection } from './lib/report.ts';
import { REPO_ROOT } from './lib/server.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SCALES = (process.env.BENCH_CUSTOMER_SCALES ?? '10000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const ITERATIONS = num('BENCH_CUSTOMER_ITERATIONS', 200);
const WARMUP = num('BENCH_CUSTOMER_WARMUP', 20);
// The service phase of one operation stops early, after at least 20 calls, once it has run this
// many seconds; the SQL and server replays (of the same calls) after at least 10, past half of it.
// So a pathologically slow query cannot stretch the run; the "calls" column shows where it happened.
const PHASE_SECONDS = num('BENCH_CUSTOMER_PHASE_SECONDS', 20);
const MIN_CALLS = 20;
const MIN_REPLAYS = 10;
const GEN_WORKERS = Math.max(1, num('BENCH_CUSTOMER_GEN_WORKERS', Math.min(2, cpus().length)));
const ORG = { projectsPerCompany: 10, teamsPerProject: 2, consultantsPerTeam: 5 };
const TARGETS = { list: 50, search: 100, ratio: 2 };

const log = (msg: string) => console.log(`[bench:customers] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Statement capture: the service runs on a Drizzle instance over the application's pool whose
// logger records every statement (text and driver parameters) while armed, so the raw timing
// replays exactly what the ORM sent.

type Statement = { text: string; params: unknown[] };

class Recorder {
  armed = false;
  statements: Statement[] = [];
  logQuery(query: string, params: unknown[]) {
    if (this.armed) this.statements.push({ text: query, params: [...params] });
  }
}

type Kind = 'list' | 'search' | 'write';
type Call = { service: () => Promise<number>; label: string };
type Op = { id: string; kind: Kind; extra?: boolean; operation: string; caller: string; next: (rng: () => number) => Call };

type OpResult = {
  op: Op;
  service: Stats;
  raw: Stats;
  server: Stats | null;
  rows: number; // mean items per page
  iterations: number;
  p95Plan: { label: string; sql: string; params: unknown[]; plan: string } | null;
};

type ScaleResult = { scale: number; version: string; sharedBuffers: string; generation: GenerationReport; orgSeconds: number; results: OpResult[] };
type RunInfo = { loadBefore: number[]; loadAfter: number[]; seconds: number };

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const uuidMs = (u: string) => parseInt(u.slice(0, 8) + u.slice(9, 13), 16);

// For replaying a write: ids the service minted during the call (UUIDv7 stamped at or after its
// start) are replaced by fresh ones, so the replay inserts new rows instead of colliding.
function freshIds(statements: Statement[], since: number): Statement[] {
  const map = new Map<string, string>();
  const swap = (v: unknown) => {
    if (typeof v !== 'string' || !UUID_V7.test(v) || uuidMs(v) < since - 1) return v;
    if (!map.has(v)) map.set(v, uuidv7());
    return map.get(v);
  };
  return statements.map((s) => ({ text: s.text, params: s.params.map(swap) }));
}

async function measure(database: Database, recorder: Recorder, op: Op, seed: number): Promise<OpResult> {
  const pool = database.pool!;
  const rng = prng(seed);
  for (let i = 0; i < WARMUP; i++) await op.next(rng).service();

  const serviceMs: number[] = [];
  const captured: { statements: Statement[]; label: string; since: number; ms: number }[] = [];
  let rows = 0;
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) {
    if (i >= MIN_CALLS && performance.now() - started > PHASE_SECONDS * 1000) break;
    const call = op.next(rng);
    recorder.statements = [];
    recorder.armed = true;
    const since = Date.now();
    const [n, ms] = await timed(call.service);
    recorder.armed = false;
    serviceMs.push(ms);
    rows += n;
    captured.push({ statements: recorder.statements, label: call.label, since, ms });
  }

  // Raw: the same statements on the same pool, through node-postgres only.
  const rawMs: number[] = [];
  const rawStarted = performance.now();
  for (const c of captured) {
    if (rawMs.length >= MIN_REPLAYS && performance.now() - rawStarted > (PHASE_SECONDS / 2) * 1000) break;
    if (op.kind === 'write') {
      const statements = freshIds(c.statements, c.since);
      const [, ms] = await timed(async () => {
        const client = await pool.connect();
        try {
          for (const s of statements) await client.query(s.text, s.params);
        } finally {
          client.release();
        }
      });
      rawMs.push(ms);
    } else {
      if (c.statements.length !== 1) throw new Error(`${op.id}: expected one statement per call, got ${c.statements.length}`);
      const [s] = c.statements;
      const [, ms] = await timed(() => pool.query(s.text, s.params));
      rawMs.push(ms);
    }
  }

  // Server: planning + execution time PostgreSQL reports for the same statement (reads only).
  let server: Stats | null = null;
  let p95Plan: OpResult['p95Plan'] = null;
  if (op.kind !== 'write') {
    const serverMs: number[] = [];
    const serverStarted = performance.now();
    for (const c of captured) {
      if (serverMs.length >= MIN_REPLAYS && performance.now() - serverStarted > (PHASE_SECONDS / 2) * 1000) break;
      const [s] = c.statements;
      const r = await pool.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${s.text}`, s.params);
      const plan = (r.rows[0] as Record<string, [{ 'Planning Time': number; 'Execution Time': number }]>)['QUERY PLAN'][0];
      serverMs.push(plan['Planning Time'] + plan['Execution Time']);
    }
    server = stats(serverMs);
    // The plan of the call at the p95 rank of the service times.
    const order = captured.map((c, i) => [c.ms, i] as const).sort((a, b) => a[0] - b[0]);
    const at = order[Math.min(order.length - 1, Math.max(0, Math.ceil(0.95 * order.length) - 1))][1];
    const [s] = captured[at].statements;
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.params);
    p95Plan = { label: captured[at].label, sql: s.text, params: s.params, plan: r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n') };
  }
  return { op, service: stats(serviceMs), raw: stats(rawMs), server, rows: rows / serviceMs.length, iterations: serviceMs.length, p95Plan };
}

// ---------------------------------------------------------------------------------------------
// Callers and inputs

type SampleRow = { interest_id: string; owner_id: string; company_id: string; stage: string; name: string; name_initials: string; mobile_tail: string };

async function principals(database: Database, db: Db, org: BenchOrg): Promise<Map<string, Principal>> {
  const now = new Date();
  const ids = [...org.consultants.flat().map((c) => c.id), ...org.managers.map((m) => m.id), ...org.companyManagers.map((m) => m.id)];
  const out = new Map<string, Principal>();
  for (const userId of ids) {
    const { secret } = await createSession(db, { userId, now, ttlMs: 8 * 3600_000, ip: '127.0.0.1', userAgent: 'keyuan-bench' });
    const p = await principalForSession(database, hashSecret(secret), now);
    if (!p) throw new Error(`no principal for user ${userId}`);
    out.set(userId, p);
  }
  return out;
}

// Owned prospects (and their customers) sampled across the whole table, for search terms and writes.
async function sampleProspects(database: Database, total: number): Promise<SampleRow[]> {
  const pct = Math.min(100, (100 * 6000) / Math.max(1, total));
  const { rows } = await database.executeSql(
    `SELECT pi.id AS interest_id, pi.owner_id, pi.company_id, pi.stage, c.name, c.name_initials, c.mobile_tail
       FROM project_interests pi TABLESAMPLE BERNOULLI (${pct.toFixed(4)}) REPEATABLE (7)
       JOIN customers c ON c.id = pi.customer_id
      WHERE NOT pi.in_pool AND pi.owner_id IS NOT NULL
      ORDER BY pi.id LIMIT 4000`,
  );
  return rows as SampleRow[];
}

function operations(db: Db, org: BenchOrg, who: Map<string, Principal>, sample: SampleRow[]): Op[] {
  const consultants = org.consultants.flat();
  const companyManager = new Map(org.companyManagers.map((m) => [m.companyId, m.id]));
  const one = <T,>(rng: () => number, list: T[]) => list[Math.floor(rng() * list.length)];
  const list = (p: Principal, q?: string) => async () => (await listProspects(db, p, prospectListQuery.parse({ limit: 20, sort: 'nextFollowUp', ...(q ? { q } : {}) }))).items.length;

  const listOp = (id: string, caller: string, users: () => (rng: () => number) => string, extra = false): Op => ({
    id, kind: 'list', extra, operation: 'list by next follow-up', caller,
    next: (rng) => {
      const p = who.get(users()(rng))!;
      return { service: list(p), label: p.username };
    },
  });
  const term = {
    name: (r: SampleRow, rng: () => number) => (r.name.length >= 3 && rng() < 0.5 ? r.name.slice(1, 3) : r.name.slice(0, 2)),
    surname: (r: SampleRow) => r.name.slice(0, 1),
    initials: (r: SampleRow) => r.name_initials.slice(0, 2),
    tail: (r: SampleRow) => r.mobile_tail,
  };
  const searchOp = (what: keyof typeof term, operation: string, scope: 'company' | 'own', extra = false): Op => ({
    id: `search-${what}-${scope}`, kind: 'search', extra, operation, caller: scope === 'company' ? 'company CR manager (company)' : 'consultant (own)',
    next: (rng) => {
      const r = one(rng, sample);
      const q = term[what](r, rng);
      const p = who.get(scope === 'company' ? companyManager.get(r.company_id)! : r.owner_id)!;
      return { service: list(p, q), label: `${p.username} q=${q}` };
    },
  });
  const open = sample.filter((r) => r.stage === 'potential' || r.stage === 'intending');
  const input = interactionCreate.parse({ type: 'call_out', content: '电话回访，客户仍在比较周边楼盘，关注首付比例和交房时间', reaction: 'neutral', nextAction: '邀约周末到访' });
  return [
    listOp('list-own', 'consultant (own)', () => (rng) => one(rng, consultants).id),
    listOp('list-team', 'sales manager (team)', () => (rng) => one(rng, org.managers).id, true),
    listOp('list-company', 'company CR manager (company)', () => (rng) => one(rng, org.companyManagers).id, true),
    searchOp('name', 'search: name fragment (2 字)', 'company'),
    searchOp('name', 'search: name fragment (2 字)', 'own'),
    searchOp('surname', 'search: surname (1 字)', 'company', true),
    searchOp('initials', 'search: pinyin initials', 'company'),
    searchOp('initials', 'search: pinyin initials', 'own'),
    searchOp('tail', 'search: mobile tail (4 digits)', 'company'),
    searchOp('tail', 'search: mobile tail (4 digits)', 'own'),
    {
      id: 'add-interaction', kind: 'write', operation: 'add interaction', caller: 'consultant (own)',
      next: (rng) => {
        const r = one(rng, open);
        const principal = who.get(r.owner_id)!;
        return {
          label: `${principal.username} ${r.interest_id}`,
          service: async () => {
            await addInteraction({ db, now: new Date(), actor: { principal, ip: '127.0.0.1' }, principal }, r.interest_id, input);
            return 1;
          },
        };
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------

async function benchScale(baseUrl: string, scale: number): Promise<ScaleResult> {
  return withMigratedDatabase(baseUrl, 'keyuan_bench_customers', async (database, target) => {
    log(`${scale.toLocaleString('en')} customers: database ${target.name}`);
    const [org, orgMs] = await timed(() => seedOrganisation(database.db, ORG));
    log(`organisation: ${org.companies.length} companies, ${org.projects.length} projects, ${org.consultants.flat().length} consultants, ${org.managers.length} team managers (${(orgMs / 1000).toFixed(1)} s)`);
    const generation = await generateCustomerData(target.url, org, { customers: scale }, (m) => log(`  ${m}`), { workers: GEN_WORKERS });
    log(`generated ${generation.customers} customers, ${generation.interests} interests, ${generation.interactions} interactions in ${generation.seconds.total.toFixed(1)} s`);

    const recorder = new Recorder();
    const db = drizzle(database.pool!, { schema, logger: recorder }) as unknown as Db;
    const who = await principals(database, db, org);
    const sample = await sampleProspects(database, generation.interests);
    const results: OpResult[] = [];
    for (const [i, op] of operations(db, org, who, sample).entries()) {
      const r = await measure(database, recorder, op, 1000 + i);
      log(`${op.operation} · ${op.caller}: p50 ${r.service.p50.toFixed(2)} p95 ${r.service.p95.toFixed(2)} p99 ${r.service.p99.toFixed(2)} ms (SQL p95 ${r.raw.p95.toFixed(2)} ms, ${r.iterations} calls, ${r.rows.toFixed(1)} rows)`);
      results.push(r);
    }
    const { rows } = await database.executeSql('SHOW shared_buffers');
    return { scale, version: target.version, sharedBuffers: String(rows[0].shared_buffers), generation, orgSeconds: orgMs / 1000, results };
  });
}

// ---------------------------------------------------------------------------------------------
// Report

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const int = (v: number) => v.toLocaleString('en');
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const targetOf = (op: Op) => (op.kind === 'list' ? TARGETS.list : op.kind === 'search' ? TARGETS.search : null);

function scaleTable(r: ScaleResult): string {
  const lines = [
    '| Operation | Caller (scope) | calls (SQL) | p50 ms | p95 ms | p99 ms | SQL p50 | SQL p95 | SQL p99 | server p50 | server p95 | rows/page |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const x of r.results) {
    lines.push(
      `| ${x.op.operation}${x.op.extra ? ' (extra)' : ''} | ${x.op.caller} | ${x.iterations}${x.raw.n < x.iterations ? ` (${x.raw.n})` : ''} | ${f(x.service.p50)} | ${f(x.service.p95)} | ${f(x.service.p99)} | ${f(x.raw.p50)} | ${f(x.raw.p95)} | ${f(x.raw.p99)} | ${x.server ? f(x.server.p50) : '–'} | ${x.server ? f(x.server.p95) : '–'} | ${x.op.kind === 'write' ? '–' : x.rows.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

function dataset(r: ScaleResult): string {
  const g = r.generation;
  const s = g.seconds;
  return [
    `${int(g.customers)} customers · ${int(g.interests)} project interests (${int(g.interestsInPool)} in the public pool) · ${int(g.interactions)} interactions · database ${mib(g.databaseBytes)}.`,
    `Generated in ${s.total.toFixed(1)} s: customers ${s.customers.toFixed(1)} s, interests ${s.interests.toFixed(1)} s, interactions ${s.interactions.toFixed(1)} s, search keys ${s.searchKeys.toFixed(1)} s,`,
    `secondary indexes ${s.indexes.toFixed(1)} s, \`VACUUM ANALYZE\` + \`CHECKPOINT\` ${s.vacuum.toFixed(1)} s (organisation through the factories: ${r.orgSeconds.toFixed(1)} s).`,
  ].join('\n');
}

function section(runs: ScaleResult[], info: RunInfo): string {
  const m = machine();
  const lines = [
    `## Customers: prospect list, quick search and follow-ups at ${runs.map((r) => int(r.scale)).join(' and ')} customers`,
    '',
    `Run ${new Date().toISOString()} · ${m.cpu}, ${m.cores} logical CPUs, ${m.memoryGiB} GiB RAM · ${m.os} · Node ${m.node} ·`,
    `load average ${info.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before the run, ${info.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (${Math.round(info.seconds / 60)} min).`,
    runs[0] ? `${runs[0].version}, server settings as found (\`shared_buffers\` ${runs[0].sharedBuffers}).` : '',
    '',
    'Method: one fresh PostgreSQL database per scale, migrated with `openPostgres(url).migrate()`. The organisation comes from',
    `the seed factories: 2 companies × ${ORG.projectsPerCompany} projects, ${ORG.teamsPerProject} teams per project, each with a sales manager (team scope) and`,
    `${ORG.consultantsPerTeam} consultants (own scope) — ${2 * ORG.projectsPerCompany * ORG.teamsPerProject * ORG.consultantsPerTeam} consultants — and a customer-relations manager (company scope) per company.`,
    `Customers, project interests and interactions are generated in SQL (\`INSERT … SELECT\` over \`generate_series\` on ${GEN_WORKERS} connections;`,
    'draws hashed from the row number, so a size always yields the same customers and distributions): Chinese names from weighted surname and given-name',
    "pools with `name_pinyin` / `name_initials` from the application's `nameSearchKeys`, unique valid mobiles, 1–4 interests per",
    "customer (2.0 on average) in one company's projects owned by that project's consultants (8 % in the public pool), next",
    'follow-up within ±30 days for open stages, 1–5 interactions per contacted interest; the copies the triggers keep (the interest\'s',
    "pinyin keys, `prospect_search_keys` of the open prospects) are written by the same SQL, since triggers are off for the load. The secondary indexes are dropped for",
    'the load and re-created from their own definitions, then `VACUUM ANALYZE` and a `CHECKPOINT` (so no checkpoint of the load overlaps the timings).',
    '',
    'Timing is in-process on the real service functions (`listProspects` with `limit 20, sort nextFollowUp`; `addInteraction`),',
    'so the ORM, the row mapping and the mobile masking count; principals come from `principalForSession` on real sessions.',
    `Each operation: ${WARMUP} warm-up calls, then ${ITERATIONS} calls on seeded random callers and inputs. Every statement the service sends is`,
    'recorded through the Drizzle logger; **SQL** replays exactly those statements (text and parameters) on the same pool with',
    'node-postgres alone (for the write: the same transaction, with freshly minted ids), after the service phase; **server** is',
    "PostgreSQL's own planning + execution time for them (`EXPLAIN (ANALYZE, TIMING OFF)`). Search terms come from owned prospects",
    "sampled across the table: the first two characters or the two given-name characters of the customer's name, its surname (extra), the first two",
    "pinyin initials, the mobile's last four digits; a consultant searches for their own customers, the company manager for",
    "customers of their company. The write adds a call-out to one of the consultant's own open prospects. \"(extra)\" rows are",
    "not among the issue's targets; they show the other list scopes on the same data. All times in ms.",
    '',
  ];
  for (const r of runs) lines.push(`### ${int(r.scale)} customers`, '', dataset(r), '', scaleTable(r), '');

  const small = runs.find((r) => r.scale === Math.min(...runs.map((x) => x.scale)));
  const large = runs.find((r) => r.scale === Math.max(...runs.map((x) => x.scale)));
  if (small && large && small !== large) {
    lines.push(
      '### Targets',
      '',
      `Lists p95 < ${TARGETS.list} ms and search p95 < ${TARGETS.search} ms at ${int(large.scale)} customers; p95 at ${int(large.scale)} within ${TARGETS.ratio}× of p95 at ${int(small.scale)} (service times).`,
      '',
      `| Operation | Caller (scope) | p95 @ ${int(small.scale)} | p95 @ ${int(large.scale)} | SQL p95 @ ${int(large.scale)} | p95 target | ratio | ≤ ${TARGETS.ratio}× | server p95 ratio | rows/page @ ${int(small.scale)} → ${int(large.scale)} |`,
      '|---|---|--:|--:|--:|---|--:|---|--:|--:|',
    );
    const missed: OpResult[] = [];
    for (const x of large.results) {
      const s = small.results.find((y) => y.op.id === x.op.id)!;
      const t = targetOf(x.op);
      const ratio = x.service.p95 / s.service.p95;
      const absOk = t === null ? null : x.service.p95 < t;
      const ratioOk = ratio <= TARGETS.ratio;
      if (absOk === false || !ratioOk) missed.push(x);
      const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'pass' : '**fail**');
      const note = x.op.extra ? ' (extra)' : '';
      lines.push(
        `| ${x.op.operation}${note} | ${x.op.caller} | ${f(s.service.p95)} | ${f(x.service.p95)} | ${f(x.raw.p95)} | ${t === null ? '–' : `< ${t}: ${mark(absOk)}`} | ${ratio.toFixed(2)}× | ${mark(ratioOk)} | ${x.server && s.server ? `${(x.server.p95 / s.server.p95).toFixed(2)}×` : '–'} | ${x.op.kind === 'write' ? '–' : `${s.rows.toFixed(1)} → ${x.rows.toFixed(1)}`} |`,
      );
    }
    lines.push(
      '',
      '"ratio" compares the service p95s, which include the client side and whatever else the machine was doing; "server p95 ratio"',
      "is the same comparison on PostgreSQL's own time for the same statements. A consultant owns about 100 prospects at",
      `${int(small.scale)} customers and about 10,000 at ${int(large.scale)}, so the same kind of search answers one or two rows at the small scale`,
      'and a fuller page at the large one: fetching, mapping and masking those rows is part of the service time the ratio compares.',
      '',
    );
    const withPlans = missed.filter((x) => x.p95Plan);
    if (withPlans.length) {
      lines.push(`Plans of the call at the p95 rank (\`EXPLAIN (ANALYZE, BUFFERS)\`, ${int(large.scale)} customers) for the reads that missed a target:`, '');
      for (const x of withPlans) {
        lines.push(`<details><summary>${x.op.operation}${x.op.extra ? ' (extra)' : ''} · ${x.op.caller} — ${x.p95Plan!.label}</summary>`, '', '```', x.p95Plan!.plan, '```', '', '</details>', '');
      }
    }
  }
  return lines.join('\n');
}

export async function runCustomersBench(): Promise<void> {
  const loadBefore = loadavg();
  const started = performance.now();
  const base = await findPostgres();
  if (!base) {
    log('postgres: none reachable, skipped (BENCHMARKS.md left as it was)');
    return;
  }
  const runs: ScaleResult[] = [];
  for (const scale of SCALES) runs.push(await benchScale(base, scale));
  const md = section(runs, { loadBefore, loadAfter: loadavg(), seconds: (performance.now() - started) / 1000 });
  console.log(`\n${md}`);
  const plans = join(tmpdir(), `keyuan-bench-customers-plans-${Date.now()}.txt`);
  writeFileSync(
    plans,
    runs
      .flatMap((r) => r.results.filter((x) => x.p95Plan).map((x) => `== ${int(r.scale)} · ${x.op.operation} · ${x.op.caller} — ${x.p95Plan!.label}\n${x.p95Plan!.sql}\n-- ${JSON.stringify(x.p95Plan!.params)}\n\n${x.p95Plan!.plan}\n`))
      .join('\n'),
  );
  log(`p95 plans of every read: ${plans}`);
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  writeSection(file, 'customers', md);
  log(`wrote ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCustomersBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
