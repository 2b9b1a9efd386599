import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import { jobSlots } from './tables.ts';

export type JobHandler = (ctx: { now: Date; slot: number }) => Promise<void>;
type Schedule = { name: string; everyMs: number; handler: JobHandler };

export type Jobs = {
  // Register a job that should run once per period across every app instance.
  every(name: string, everyMs: number, handler: JobHandler): void;
  start(): Promise<void>;
  // One scheduler pass at the clock's current time (the timer calls this; tests call it directly).
  tick(): Promise<string[]>;
  stop(): Promise<void>;
  boss: PgBoss;
};

export type JobsOptions = { database: Database; clock: Clock; log: FastifyBaseLogger; tickMs?: number; pollingSeconds?: number };

// Jobs run on pg-boss (SKIP LOCKED queues in the same database, PGlite or PostgreSQL). Periodic
// jobs are scheduled by claiming a (name, time slot) row: whichever instance inserts it first
// enqueues the run, so N servers produce one run per period. Slots come from the injectable
// clock, so time-based jobs can be tested by moving the clock.
export function createJobs(opts: JobsOptions): Jobs {
  const { database, clock, log } = opts;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job platform error'));
  const schedules: Schedule[] = [];
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  async function tick(): Promise<string[]> {
    const now = clock.now();
    const enqueued: string[] = [];
    for (const s of schedules) {
      const slot = Math.floor(now.getTime() / s.everyMs);
      const claimed = await database.db.insert(jobSlots).values({ name: s.name, slot, claimedAt: now }).onConflictDoNothing().returning();
      if (claimed.length) {
        await boss.send(s.name, { slot, at: now.toISOString() });
        enqueued.push(s.name);
      }
    }
    return enqueued;
  }

  return {
    boss,
    every(name, everyMs, handler) {
      schedules.push({ name, everyMs, handler });
    },
    async start() {
      await boss.start();
      for (const s of schedules) {
        await ensureQueue(boss, s.name);
        await boss.work<{ slot: number; at: string }>(s.name, { pollingIntervalSeconds: opts.pollingSeconds ?? 2 }, async ([job]) => {
          await s.handler({ now: clock.now(), slot: job.data.slot });
        });
      }
      started = true;
      const tickMs = opts.tickMs ?? 30_000;
      if (tickMs > 0) {
        timer = setInterval(() => tick().catch((err) => log.error({ err }, 'job scheduler tick failed')), tickMs);
        timer.unref();
      }
    },
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
  };
}

// Slots older than a week are no longer needed to prevent double runs.
export async function pruneJobSlots(database: Database, now: Date) {
  await database.db.execute(sql`DELETE FROM job_slots WHERE claimed_at < ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}`);
}

// Instances starting together may race to create a queue (pg-boss creates a table per queue and
// PostgreSQL can report a deadlock); the loser waits a moment and finds the queue there.
async function ensureQueue(boss: PgBoss, name: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name);
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}
