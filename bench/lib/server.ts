import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export type RunningServer = { url: string; pid: number; stop(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

// The real server (src/server/main.ts) in its own process, so the load generator does not
// share its event loop. PGlite gets a fresh temporary data directory; PostgreSQL the given URL.
// `nodeArgs` (e.g. --cpu-prof) go to node before the script; `extraEnv` (e.g. KEYUAN_READ_CACHE)
// to the server's environment.
export async function startServer(
  db: { kind: 'pglite' } | { kind: 'postgres'; url: string },
  nodeArgs: string[] = [],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = db.kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'keyuan-bench-')) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KEYUAN_DEMO: '1',
    LOG_LEVEL: 'warn',
    KEYUAN_ADMIN_USER: '',
    KEYUAN_ADMIN_PASSWORD: '',
    DATABASE_URL: db.kind === 'postgres' ? db.url : '',
    DATA_DIR: dataDir ?? join(tmpdir(), 'keyuan-bench-unused'),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid ?? -1, stop };
}
