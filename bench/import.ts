// `BENCH_ONLY=import npm run bench` (or `npx tsx bench/import.ts [rows]`): a timing run, not a test,
// whose figures replace the "import" section of BENCHMARKS.md. For PGlite (always) and PostgreSQL
// (BENCH_DATABASE_URL / TEST_DATABASE_URL / 127.0.0.1:5432 when reachable): migrate a fresh
// database, seed a company with a sales manager, import 1,000 customers, then upload and import a
// generated file of 100,000 rows (1 % already in the group, 1 % repeated inside the file, 1 % bad)
// through the same service and batch runner the job uses, and export them back.
// BENCH_IMPORT_FORMAT=xlsx uploads an .xlsx instead of a .csv; BENCH_TRACE=1 prints the time of
// every 10 batches; BENCH_ONLY_PGLITE=1 skips PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Principal } from '../src/server/platform/access/principal.ts';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.ts';
import { exportProspects } from '../src/server/modules/customers/export.ts';
import { IMPORT_BATCH, runCustomerImport } from '../src/server/modules/customers/import/run.ts';
import { createImport } from '../src/server/modules/customers/import/service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { seedCompany, seedGroup, seedProject, seedTeam, seedUser } from '../src/server/seed/factories.ts';
import { createBenchDatabase, findPostgres } from './lib/postgres.ts';
import { machine, writeSection } from './lib/report.ts';
import { REPO_ROOT } from './lib/server.ts';

z.config(z.locales.zhCN());
const ROWS = Number(process.argv[2] ?? process.env.BENCH_IMPORT_ROWS ?? 100_000);
const FORMAT = process.env.BENCH_IMPORT_FORMAT === 'xlsx' ? 'xlsx' : 'csv';
const HEADER = ['姓名', '手机号', '性别', '来源渠道', '标签', '等级', '客户类型', '职业', '居住区域', '备注'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红'.split('');
const CHANNELS = ['自然到访', '400 热线', '渠道经纪', '业主推荐', '房产网站', '活动'];
const TAGS = ['学区', '改善', '首置', '投资', '地铁', '大平层', ''];
const log = (msg: string) => console.log(`[bench:import] ${msg}`);

// Deterministic pseudo-random numbers, so runs are comparable.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function generate(rows: number, existing: string[]): string[][] {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const roll = r();
    let mobile = String(15000000000 + i);
    if (roll < 0.01 && existing.length) mobile = pick(existing);
    else if (roll < 0.02 && i > 0) mobile = out[Math.floor(r() * out.length)][1];
    else if (roll < 0.025) mobile = mobile.slice(0, 9);
    const name = roll > 0.025 && roll < 0.03 ? '' : pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : '');
    out.push([name, mobile, r() < 0.5 ? '男' : '女', pick(CHANNELS), [pick(TAGS), pick(TAGS)].filter(Boolean).join('，'), pick(['A', 'B', 'C']), pick(['首次置业', '二次置业', '']), pick(['教师', '医生', '工程师', '']), pick(['西湖区', '滨江区', '余杭区']), r() < 0.1 ? '周末来看房' : '']);
  }
  return out;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
async function fileOf(rows: string[][]): Promise<Buffer> {
  if (FORMAT === 'csv') return Buffer.from([HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n'));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADER).commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function benchOne(kind: string, database: Database) {
  const t0 = Date.now();
  await database.migrate();
  const db = database.db;
  const group = await seedGroup(db, '基准集团');
  const company = await seedCompany(db, { groupId: group.id, name: '杭州公司', city: '杭州', code: 'BH' });
  const project = await seedProject(db, { companyId: company.id, name: '西溪项目', code: 'BH-1', city: '杭州' });
  const team = await seedTeam(db, { companyId: company.id, projectId: project.id, name: '销售一组' });
  const user = await seedUser(db, { username: 'mgr', displayName: '销售经理', password: 'Bench1234', role: 'sales_manager', companyId: company.id, teamId: team.id, projectIds: [project.id] });
  const principal: Principal = { kind: 'user', userId: user.id, username: 'mgr', displayName: '销售经理', role: 'sales_manager', scope: 'team', companyId: company.id, teamId: team.id, projectIds: [project.id] };
  const ctx = { database, now: new Date(), actor: { principal, ip: '127.0.0.1' }, principal };
  log(`${kind}: migrated and seeded in ${Date.now() - t0} ms`);

  const upload = async (rows: string[][], name: string) => {
    const file = await fileOf(rows);
    const started = Date.now();
    const cpu = process.cpuUsage();
    const { id } = await createImport({ ...ctx, now: new Date() }, { projectId: project.id, fileName: `${name}.${FORMAT}`, fileBase64: file.toString('base64') });
    const uploaded = Date.now();
    // BENCH_TRACE=1: the time of every 10th batch, to see whether batches slow down as tables grow.
    let last = Date.now();
    const trace = process.env.BENCH_TRACE ? async (n: number) => {
      if (n % 10 === 9) log(`  batch ${n + 1}: ${Date.now() - last} ms for the last 10 batches`);
      if (n % 10 === 9) last = Date.now();
    } : undefined;
    const status = await runCustomerImport(db, id, systemClock, { beforeCommit: trace });
    const used = process.cpuUsage(cpu);
    return { id, status, bytes: file.length, uploadMs: uploaded - started, jobMs: Date.now() - uploaded, cpuMs: Math.round((used.user + used.system) / 1000) };
  };
  const warm = generate(1000, []).map((r, i) => [r[0] || '老客户', String(18000000000 + i), ...r.slice(2)]);
  await upload(warm, 'existing');
  const rows = generate(ROWS, warm.map((r) => r[1]));
  const run = await upload(rows, 'bench');
  const [imp] = (await database.executeSql('SELECT status, processed, imported, merged, rejected FROM customer_imports WHERE id = $1', [run.id])).rows as ImportCounts[];
  const total = run.uploadMs + run.jobMs;
  log(`${kind}: ${ROWS.toLocaleString('en-US')} rows (${FORMAT}, ${(run.bytes / 1e6).toFixed(1)} MB): upload (parse, check, store) ${run.uploadMs} ms + job ${run.jobMs} ms = ${(total / 1000).toFixed(1)} s → ${Math.round(ROWS / (total / 1000)).toLocaleString('en-US')} rows/s (job alone ${Math.round(ROWS / (run.jobMs / 1000)).toLocaleString('en-US')} rows/s)`);
  log(`${kind}: result ${JSON.stringify(imp)}; this process used ${(run.cpuMs / 1000).toFixed(1)} s CPU; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} CPUs`);

  const e0 = Date.now();
  const exported = await exportProspects({ db, now: new Date(), actor: ctx.actor, principal }, { sort: 'nextFollowUp' });
  const exportMs = Date.now() - e0;
  log(`${kind}: export of ${exported.rows.toLocaleString('en-US')} prospects (${(exported.buffer.length / 1e6).toFixed(1)} MB xlsx) in ${exportMs} ms`);
  return { kind, bytes: run.bytes, uploadMs: run.uploadMs, jobMs: run.jobMs, cpuMs: run.cpuMs, counts: imp, exportRows: exported.rows, exportBytes: exported.buffer.length, exportMs };
}

type ImportCounts = { status: string; processed: number; imported: number; merged: number; rejected: number };
type ImportRun = Awaited<ReturnType<typeof benchOne>>;
const TARGET_SECONDS = 60;

function section(runs: ImportRun[], loadBefore: number[]): string {
  const m = machine();
  const f1 = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `## Customer import: ${ROWS.toLocaleString('en-US')} rows`,
    '',
    `Run ${new Date().toISOString()} · ${m.cpu}, ${m.cores} logical CPUs, ${m.memoryGiB} GiB RAM · ${m.os} · Node ${m.node} ·`,
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before the run, ${loadavg().map((l) => l.toFixed(2)).join(' / ')} after.`,
    '',
    'Method: a fresh database per engine (PGlite file-backed under a temporary directory, as `npm start` runs it; PostgreSQL on',
    '127.0.0.1 with a pool of 5), migrated, with one project, a sales team and its manager; 1,000 customers imported first so that',
    `the file meets existing people. The file is a generated .${FORMAT} of ${ROWS.toLocaleString('en-US')} rows (1 % mobiles already in the group, 1 % repeated`,
    'inside the file, 0.5 % bad mobiles, 0.5 % without a name), uploaded through `createImport` (parse, check every row, store)',
    `and imported by \`runCustomerImport\`, the batch runner the job uses (batches of ${IMPORT_BATCH.toLocaleString('en-US')}, one transaction each, 判重 per row, the`,
    'search-key triggers included). Then the manager exports the team\'s prospects to .xlsx (`exportProspects`). Times in seconds.',
    '',
    '| Database | file | upload (parse, check, store) | import job | total | rows/s | imported / merged / rejected | export |',
    '|---|--:|--:|--:|--:|--:|---|---|',
    ...runs.map((r) => `| ${r.kind} | ${(r.bytes / 1e6).toFixed(1)} MB | ${f1(r.uploadMs)} | ${f1(r.jobMs)} | ${f1(r.uploadMs + r.jobMs)} | ${Math.round(ROWS / ((r.uploadMs + r.jobMs) / 1000)).toLocaleString('en-US')} | ${r.counts.imported.toLocaleString('en-US')} / ${r.counts.merged.toLocaleString('en-US')} / ${r.counts.rejected.toLocaleString('en-US')} (${r.counts.status}) | ${r.exportRows.toLocaleString('en-US')} rows, ${(r.exportBytes / 1e6).toFixed(1)} MB in ${f1(r.exportMs)} |`),
    '',
  ];
  const verdicts = runs.map((r) => `${r.kind} ${f1(r.uploadMs + r.jobMs)} s — ${(r.uploadMs + r.jobMs) / 1000 < TARGET_SECONDS ? 'met' : '**not met**'}`);
  lines.push(`**Target** (import of 100,000 rows < ${TARGET_SECONDS} s, upload and job together): ${verdicts.join('; ')}.`);
  return lines.join('\n');
}

export async function runImportBench(): Promise<void> {
  const loadBefore = loadavg();
  const runs: ImportRun[] = [];
  // File-backed, as `npm start` runs it (an in-memory PGlite pays for growing its memory files).
  const dir = mkdtempSync(join(tmpdir(), 'keyuan-bench-import-'));
  const lite = await openPglite(dir);
  try {
    runs.push(await benchOne('PGlite', lite));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.env.BENCH_ONLY_PGLITE) {
    const base = await findPostgres();
    if (!base) log('postgres: none reachable, skipped');
    else {
      const pg = await createBenchDatabase(base);
      const database = await openPostgres(pg.url, 5);
      try {
        runs.push(await benchOne('PostgreSQL', database));
      } finally {
        await database.close();
        await pg.drop();
      }
    }
  }
  const md = section(runs, loadBefore);
  console.log(`\n${md}`);
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  writeSection(file, 'import', md);
  log(`wrote ${file}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runImportBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
