// The complaints benchmark's section of BENCHMARKS.md.
import { SPECIALTIES, SPECIALTY_LABELS } from '../../src/common/complaints.ts';
import type { ComplaintGeneration } from './complaint-data.ts';
import type { Stats } from './latency.ts';
import { machine } from './report.ts';

export type Statement = { text: string; params: unknown[] };
export type Plan = { sql: string; ms: number; plan: string };
export type Measured = {
  id: string;
  operation: string;
  path: string;
  http: Stats | null;
  sql: Stats | null;
  target: number | null;
  note: string;
  plans?: Plan[];
};
export type SeverityRun = { status: 'skipped'; note: string } | { status: 'ran'; open: number; seconds: number; result: string };
export type SectionInput = {
  version: string;
  sharedBuffers: string;
  generation: ComplaintGeneration;
  year: number;
  cohort: number;
  companyName: string;
  results: Measured[];
  severity: SeverityRun;
  iterations: number;
  warmup: number;
  projectsPerCompany: number;
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
};

const f = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(2) : '–');
const int = (v: number) => v.toLocaleString('en');
const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1)} %`;
// What each dashboard statement is, recognised by its text.
const statementName = (sql: string) =>
  sql.includes('complaint_callbacks') ? 'call-backs: latest per complaint (DISTINCT ON) joined to the cohort'
  : sql.includes('complaint_alerts') ? 'open now + open alerts'
  : sql.includes('GROUP BY 1, 2') ? 'cohort counts by month × project (a FILTER count per specialty and severity)'
  : 'scope (company name)';

function planTable(r: Measured): string[] {
  const plans = r.plans ?? [];
  if (!plans.length) return [];
  const slowest = [...plans].sort((a, b) => b.ms - a.ms)[0];
  return [
    '', `Statements of “${r.operation}”, PostgreSQL planning + execution time of one \`EXPLAIN (ANALYZE, BUFFERS)\` each:`, '',
    '| statement | server ms |', '|---|--:|',
    ...plans.map((p) => `| ${statementName(p.sql)} | ${f(p.ms)} |`),
    '', `<details><summary>Plan of the slowest (${f(slowest.ms)} ms)</summary>`, '', '```', slowest.plan, '```', '', '</details>',
  ];
}

export function complaintsSection(x: SectionInput): string {
  const m = machine();
  const g = x.generation;
  const spec = SPECIALTIES.map((s) => `${SPECIALTY_LABELS[s]} ${pct(g.bySpecialty[s] ?? 0, g.complaints)}`).join(', ');
  const lines = [
    `## Complaints: staff list and dashboard at ${int(g.complaints)} complaints`,
    '',
    `Run ${new Date().toISOString()} · ${m.cpu}, ${m.cores} logical CPUs, ${m.memoryGiB} GiB RAM · ${m.os} · Node ${m.node} ·`,
    `load average ${x.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before the run, ${x.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (${Math.round(x.seconds / 60)} min).`,
    `${x.version}, server settings as found (\`shared_buffers\` ${x.sharedBuffers}).`,
    '',
    'Method: a fresh PostgreSQL database, migrated; the organisation from the seed factories (2 companies ×',
    `${x.projectsPerCompany} projects, 2 buildings × 72 units each, 4 consultants per project, a company customer-relations manager per company);`,
    'complaints, call-backs and alerts generated in SQL (`bench/lib/complaint-data.ts`, `INSERT … SELECT` over `generate_series`,',
    'draws hashed from the row number): two years up to now with density rising towards now, 55 % in the first company, projects',
    'Zipf-weighted, specialties weighted like seed 002 (工程质量 6,360 : 规划设计 501 : 销售管理 183 : 物业管理 202 : 客户服务 71 : 其他 121),',
    'severity general 70 % / important 15 % / hot 10 % / major 5 %, older complaints almost all closed; every closed complaint has a',
    'call-back (12 % an earlier unhappy one too). Secondary indexes dropped for the load and re-created from their definitions, then',
    '`VACUUM ANALYZE` and `CHECKPOINT`.',
    '',
    `The server is the real app (\`buildApp\`) listening on 127.0.0.1 in the bench process; requests are sequential \`fetch\` calls (one`,
    `connection, no queueing) with the session cookie of the company manager of ${x.companyName} (company scope). Each operation:`,
    `${x.warmup} warm-up calls, then ${x.iterations} timed calls. **HTTP** is the full request (guard, session lookup, service, JSON).`,
    '**SQL** for the list is the equivalent statement (`company_id = $1 ORDER BY filed_at DESC, id DESC LIMIT 21` with the joins for',
    "project, building, unit and handler names); for the dashboard it replays the statements the service sends (captured through",
    'the Drizzle logger): the scope lookup, then the three aggregates in parallel on the pool, as the service does. All times in ms.',
    '',
    `Dataset: ${int(g.complaints)} complaints (${int(g.open)} open now), ${int(g.callbacks)} call-backs, ${int(g.alerts)} alerts. By specialty: ${spec}.`,
    `The dashboard's cohort (${x.companyName}, filed in ${x.year} up to now) is ${int(x.cohort)} complaints.`,
    `Generated in ${g.seconds.total.toFixed(1)} s (complaints ${g.seconds.complaints.toFixed(1)} s, call-backs ${g.seconds.callbacks.toFixed(1)} s, indexes ${g.seconds.indexes.toFixed(1)} s, vacuum ${g.seconds.vacuum.toFixed(1)} s).`,
    '',
    '| Operation | Path | calls | HTTP p50 | HTTP p95 | HTTP p99 | SQL p50 | SQL p95 | SQL p99 | p95 target | |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of x.results) {
    const p95 = r.http?.p95 ?? r.sql?.p95;
    const verdict = r.target === null || p95 === undefined ? '–' : p95 < r.target ? 'met' : '**not met**';
    const calls = r.http?.n ?? r.sql?.n ?? 0;
    lines.push(
      `| ${r.operation} | \`${r.path}\` | ${calls} | ${f(r.http?.p50)} | ${f(r.http?.p95)} | ${f(r.http?.p99)} | ${f(r.sql?.p50)} | ${f(r.sql?.p95)} | ${f(r.sql?.p99)} | ${r.target === null ? '–' : `< ${r.target}`} | ${verdict} |`,
    );
  }
  const notes = x.results.filter((r) => r.note);
  if (notes.length) lines.push('', ...notes.map((r) => `- ${r.operation}: ${r.note}.`));
  lines.push(
    '', 'The dashboard and the reports read a company\'s period from the covering index `complaints_company_filed_cover_idx` (migration 0010:',
    '`(company_id, filed_at) INCLUDE (id, project_id, specialty, severity, status, resolved_at, resolution_due_at)`), without touching the table.',
  );
  for (const r of x.results) lines.push(...planTable(r));
  lines.push('', '### Scheduled complaint job: severity re-evaluation with its escalations and SLA warnings (target < 30 s over 100,000 open complaints)', '');
  if (x.severity.status === 'skipped') lines.push(`Not measured: ${x.severity.note} (hook: \`benchSeverityJob\` in \`bench/complaints.ts\`).`);
  else lines.push(`${int(x.severity.open)} open complaints through the whole scheduled job (\`runComplaintSla\`) in ${x.severity.seconds.toFixed(1)} s — ${x.severity.seconds < 30 ? 'met' : '**not met**'}. Result: \`${x.severity.result}\`.`);
  lines.push('');
  return lines.join('\n');
}
