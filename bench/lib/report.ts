import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import type { LoadResult } from './load.ts';

export type Machine = { cpu: string; cores: number; memoryGiB: number; os: string; node: string };

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '–');

export function resultTable(rows: LoadResult[]): string {
  const head = '| Route | Conn. | p50 ms | p95 ms | p99 ms | max ms | req/s (mean) | requests | errors / timeouts | non-2xx |';
  const sep = '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const body = rows.map(
    (r) =>
      `| ${r.label} \`${r.path}\` | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${Math.round(r.reqPerSec)} | ${r.requests} | ${r.errors} / ${r.timeouts} | ${r.non2xx} |`,
  );
  return [head, sep, ...body].join('\n');
}

export function ratioLine(auth: LoadResult, bare: LoadResult, label = 'Authenticated'): string {
  return `${label} / bare: p50 ${ratio(auth.p50, bare.p50)}, p95 ${ratio(auth.p95, bare.p95)}, p99 ${ratio(auth.p99, bare.p99)}, req/s ${ratio(auth.reqPerSec, bare.reqPerSec)}.`;
}

const HEADER = `# Benchmarks

Produced by \`npm run bench\` (see \`bench/\`). Each section is rewritten by the run that owns
it, between its marker comments; figures are only comparable within one section, on one machine.
`;

// Replace (or add) the section between <!-- bench:<id>:start --> and <!-- bench:<id>:end -->.
export function writeSection(file: string, id: string, markdown: string): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
