// The complaints benchmark (npm run bench; BENCH_ONLY=complaints runs it alone; `tsx
// bench/complaints.ts` too). On a fresh PostgreSQL database with 200,000 generated complaints
// (bench/lib/complaint-data.ts) it measures, for a company customer-relations manager:
//   (a) the staff list GET /api/v1/complaints (first page, default order) over HTTP when the route
//       exists, beside the equivalent SQL (company_id = $1 ORDER BY filed_at DESC, id DESC LIMIT 20);
//   (b) the dashboard GET /api/v1/complaint-dashboard for their company and the current year,
//       beside the very statements the service sends, replayed on node-postgres;
// and then times the whole scheduled complaint job (benchSeverityJob: runComplaintSla).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import { complaintDashboard } from '../src/server/modules/complaints/dashboard.ts';
import { yearRange } from '../src/server/modules/complaints/report-period.ts';
import { principalForSession } from '../src/server/platform/auth/principal-store.ts';
import { createSession, SESSION_COOKIE } from '../src/server/platform/auth/sessions.ts';
import { hashSecret } from '../src/server/platform/auth/tokens.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Principal } from '../src/server/platform/access/principal.ts';
import { formatShanghaiTime } from '../src/common/time.ts';
import { complaintsSection, type Measured, type Plan, type SeverityRun, type Statement } from './lib/complaint-report.ts';
import { generateComplaintData, seedComplaintOrganisation } from './lib/complaint-data.ts';
import { stats, timed } from './lib/latency.ts';
import { onFreshPostgres } from './lib/postgres.ts';
import { writeSection } from './lib/report.ts';
import { REPO_ROOT } from './lib/server.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const COUNT = num('BENCH_COMPLAINTS', 200_000);
const ITERATIONS = num('BENCH_COMPLAINT_ITERATIONS', 200);
const WARMUP = num('BENCH_COMPLAINT_WARMUP', 20);
const PROJECTS_PER_COMPANY = 6;

const log = (msg: string) => console.log(`[bench:complaints] ${msg}`);

const LIST_SQL = `SELECT c.id, c.no, c.company_id, c.project_id, p.name AS project_name, b.name AS building_name, u.number AS unit_number, c.title,
       c.channel, c.specialty, c.severity, c.status, c.escalation_level, c.source, c.contact_name, c.contact_mobile, c.handler_id,
       h.display_name AS handler_name, c.filed_at, c.ack_due_at, c.acknowledged_at, c.resolution_due_at, c.resolved_at, c.closed_at
  FROM complaints c JOIN projects p ON p.id = c.project_id LEFT JOIN buildings b ON b.id = c.building_id
  LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN users h ON h.id = c.handler_id
 WHERE c.company_id = $1 ORDER BY c.filed_at DESC, c.id DESC LIMIT 21`;

async function repeat(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) out.push((await timed(fn))[1]);
  return out;
}

// Records every statement a Drizzle instance sends while armed.
class Recorder {
  armed = false;
  statements: Statement[] = [];
  logQuery(text: string, params: unknown[]) {
    if (this.armed) this.statements.push({ text, params: [...params] });
  }
}

type Ctx = { database: Database; baseUrl: string; cookie: string; principal: Principal; companyId: string; year: number };

const httpGet = (c: Ctx, path: string) => async () => {
  const res = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: c.cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
};

async function measureList(c: Ctx): Promise<Measured> {
  const path = '/api/v1/complaints?limit=20';
  const probe = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: c.cookie } });
  const probeBody = await probe.text();
  const routed = probe.status === 200;
  if (!routed) log(`GET ${path} answered ${probe.status} (${probeBody.slice(0, 120)}): measuring its equivalent SQL only`);
  const http = routed ? stats(await repeat(httpGet(c, path))) : null;
  const sqlStats = stats(await repeat(() => c.database.pool!.query(LIST_SQL, [c.companyId])));
  return { id: 'list', operation: 'staff list, first page (default order)', path, http, sql: sqlStats, target: 50, note: routed ? '' : `route not available when run (HTTP ${probe.status}); SQL equivalent only` };
}

// HTTP, then the service's own statements (captured once through a recording Drizzle on the
// same pool) replayed as the service runs them: the scope lookup, then the rest in parallel.
async function measureDashboard(c: Ctx, variant: string): Promise<Measured> {
  const pool = c.database.pool!;
  const recorder = new Recorder();
  const recDb = drizzle(pool, { schema, logger: recorder }) as unknown as Db;
  recorder.armed = true;
  await complaintDashboard(recDb, c.principal, { year: c.year }, new Date());
  recorder.armed = false;
  const [first, ...rest] = recorder.statements;
  const replay = async () => {
    await pool.query(first.text, first.params);
    await Promise.all(rest.map((s) => pool.query(s.text, s.params)));
  };
  const path = `/api/v1/complaint-dashboard?year=${c.year}`;
  const http = stats(await repeat(httpGet(c, path)));
  const sqlStats = stats(await repeat(replay));
  const plans = await explainStatements(c.database, recorder.statements);
  return { id: 'dashboard', operation: `dashboard, one company, year ${c.year}${variant}`, path, http, sql: sqlStats, target: 200, note: '', plans };
}

async function measureReport(c: Ctx): Promise<Measured> {
  const today = formatShanghaiTime(new Date()).slice(0, 10);
  const path = `/api/v1/complaint-reports?period=month&date=${today}`;
  return { id: 'report', operation: `monthly report, one company, ${today.slice(0, 7)} (extra)`, path, http: stats(await repeat(httpGet(c, path))), sql: null, target: null, note: '' };
}

export async function runComplaintsBench(): Promise<void> {
  const loadBefore = loadavg();
  const started = performance.now();
  await onFreshPostgres('keyuan_bench_complaints', log, async (database, target) => {
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      const [org, orgMs] = await timed(() => seedComplaintOrganisation(database.db, PROJECTS_PER_COMPANY));
      log(`organisation: ${org.companies.length} companies, ${org.projects.length} projects, ${org.units.flat().length} units (${(orgMs / 1000).toFixed(1)} s)`);
      const now = new Date();
      const generation = await generateComplaintData(target.url, org, COUNT, (m) => log(`  ${m}`), { now });
      log(`generated ${generation.complaints} complaints (${generation.open} open), ${generation.callbacks} call-backs in ${generation.seconds.total.toFixed(1)} s`);

      app = await buildApp({ database, clock: systemClock, config: { ...loadConfig({}), webDir: '/nonexistent', demo: false } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const manager = org.companyManagers[0];
      const { secret } = await createSession(database.db, { userId: manager.id, now: new Date(), ttlMs: 8 * 3600_000, ip: '127.0.0.1', userAgent: 'keyuan-bench' });
      const cookie = `${SESSION_COOKIE}=${secret}`;
      // The dashboard's default view: the current year, for the manager's company.
      const year = Number(formatShanghaiTime(now).slice(0, 4));
      const range = yearRange(year);
      const { rows: [{ n: cohort }] } = await database.executeSql(
        'SELECT count(*)::int AS n FROM complaints WHERE company_id = $1 AND filed_at >= $2 AND filed_at < $3',
        [manager.companyId, range.from.toISOString(), range.to.toISOString()],
      );
      log(`dashboard cohort: ${cohort} complaints of ${org.companies[0].name} filed in ${year}`);
      const principal = (await principalForSession(database, hashSecret(secret), new Date()))!;
      const ctx: Ctx = { database, baseUrl, cookie, principal, companyId: manager.companyId, year };
      const results: Measured[] = [];
      const record = (r: Measured) => {
        log(`${r.operation}: HTTP p95 ${r.http ? r.http.p95.toFixed(2) : '–'} ms, SQL p95 ${r.sql ? r.sql.p95.toFixed(2) : '–'} ms`);
        results.push(r);
      };
      record(await measureList(ctx));
      record(await measureDashboard(ctx, ''));
      record(await measureReport(ctx));
      await app.close();
      app = undefined;

      const severity = await benchSeverityJob(database, new Date(), log);
      const { rows } = await database.executeSql('SHOW shared_buffers');
      const md = complaintsSection({
        version: target.version, sharedBuffers: String(rows[0].shared_buffers), generation, year, cohort: Number(cohort), companyName: org.companies[0].name,
        results, severity, iterations: ITERATIONS, warmup: WARMUP, projectsPerCompany: PROJECTS_PER_COMPANY,
        loadBefore, loadAfter: loadavg(), seconds: (performance.now() - started) / 1000,
      });
      console.log(`\n${md}`);
      const file = join(REPO_ROOT, 'BENCHMARKS.md');
      writeSection(file, 'complaints', md);
      log(`wrote ${file}`);
    } finally {
      await app?.close();
    }
  });
}

// PostgreSQL's own time and plan for each statement of the dashboard (one run each).
async function explainStatements(database: Database, statements: Statement[]): Promise<Plan[]> {
  const out = [];
  for (const s of statements) {
    const r = await database.pool!.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.params);
    const plan = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
    const ms = [...plan.matchAll(/(?:Planning|Execution) Time: ([\d.]+) ms/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    out.push({ sql: s.text, ms, plan });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The scheduled complaint job as it runs every 5 minutes (runComplaintSla in
// src/server/modules/complaints/sla-job.ts): time-based severity re-evaluation, then escalation
// of what is below its required level, then SLA warnings. Target: < 30 s over 100,000 open
// complaints. Runs only when that file exists and exports runComplaintSla(db, now).
// Before timing it, enough of the newest closed complaints are reopened (status in_progress,
// resolution cleared) to have SEVERITY_JOB_OPEN open complaints.
const SEVERITY_JOB_OPEN = num('BENCH_SEVERITY_OPEN', 100_000);
const SEVERITY_JOB_FILE = join(REPO_ROOT, 'src/server/modules/complaints/sla-job.ts');

export async function benchSeverityJob(database: Database, now: Date, say: (m: string) => void = log): Promise<SeverityRun> {
  if (!existsSync(SEVERITY_JOB_FILE)) {
    const note = 'src/server/modules/complaints/sla-job.ts does not exist yet: scheduled complaint job not measured';
    say(note);
    return { status: 'skipped', note };
  }
  const mod = (await import(pathToFileURL(SEVERITY_JOB_FILE).href)) as Record<string, unknown>;
  const job = mod.runComplaintSla;
  if (typeof job !== 'function') {
    const note = 'sla-job.ts does not export runComplaintSla: scheduled complaint job not measured';
    say(note);
    return { status: 'skipped', note };
  }
  const { rows: [{ open }] } = await database.executeSql(`SELECT count(*)::int AS open FROM complaints WHERE status <> 'closed'`);
  const missing = Math.max(0, SEVERITY_JOB_OPEN - Number(open));
  if (missing > 0) {
    await database.executeSql(
      `UPDATE complaints SET status = 'in_progress', resolved_at = NULL, closed_at = NULL
        WHERE id IN (SELECT id FROM complaints WHERE status = 'closed' ORDER BY filed_at DESC LIMIT $1)`,
      [missing],
    );
    await database.executeSql('VACUUM ANALYZE complaints');
  }
  const { rows: [{ n }] } = await database.executeSql(`SELECT count(*)::int AS n FROM complaints WHERE status <> 'closed'`);
  say(`scheduled complaint job (severity, escalation, SLA warnings) over ${n} open complaints…`);
  let outcome: [unknown, number];
  try {
    outcome = await timed(() => (job as (db: Db, at: Date) => Promise<unknown>)(database.db, now));
  } catch (e) {
    const cause = e instanceof Error ? ((e.cause instanceof Error ? e.cause.message : '') || e.message.split('\n')[0]) : String(e);
    const note = `runComplaintSla(db, now) failed: ${cause.slice(0, 200)}`;
    say(note);
    return { status: 'skipped', note };
  }
  const [result, ms] = outcome;
  say(`scheduled complaint job: ${(ms / 1000).toFixed(1)} s (${JSON.stringify(result ?? null)})`);
  return { status: 'ran', open: Number(n), seconds: ms / 1000, result: JSON.stringify(result ?? null).slice(0, 200) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runComplaintsBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
