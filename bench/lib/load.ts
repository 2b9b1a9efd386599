import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export type LoadSpec = { label: string; path: string; headers?: Record<string, string>; connections: number; seconds: number };

export type LoadResult = {
  label: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

// One autocannon run in this process. Latencies are taken from every 2xx response's own hrtime
// duration (autocannon's built-in histogram rounds to whole milliseconds and has no p95).
export function runLoadHere(baseUrl: string, spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${baseUrl}${spec.path}`, connections: spec.connections, duration: spec.seconds, headers: spec.headers ?? {}, timeout: 10 },
      (err: Error | null, result: autocannon.Result) => {
        if (err) return reject(err);
        const sorted = Float64Array.from(latencies).sort();
        const statusCodes: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
        resolve({
          label: spec.label,
          path: spec.path,
          connections: spec.connections,
          seconds: result.duration,
          requests: result.requests.total,
          reqPerSec: result.requests.average,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.length ? sorted[sorted.length - 1] : NaN,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client: autocannon.Client, statusCode: number, _bytes: number, ms: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

// One autocannon run in a fresh child process: the load generator then shares nothing with the
// bench harness (its heap, its garbage collections, a PGlite it opened), which would otherwise
// show up in the measured latencies.
export function runLoad(baseUrl: string, spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify({ baseUrl, spec })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}
