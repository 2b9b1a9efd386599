import PgBoss from 'pg-boss';
import type { Database } from '../../../db/client.ts';
import { systemClock, type Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { markImportFailed, runCustomerImport } from './run.ts';

export const CUSTOMER_IMPORT_QUEUE = 'customer-import';
type ImportJob = { importId: string };

// A crashed worker's job expires and is retried; the retry resumes at the first unprocessed row.
const QUEUE_OPTIONS = { name: CUSTOMER_IMPORT_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 };

async function ensureQueue(boss: PgBoss, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(CUSTOMER_IMPORT_QUEUE)) return;
    try {
      await boss.createQueue(CUSTOMER_IMPORT_QUEUE, QUEUE_OPTIONS);
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

// Request handlers enqueue through a sender of their own (the app does not hold the job
// platform): a pg-boss instance that only inserts jobs — no polling, no maintenance.
const senders = new WeakMap<Database, Promise<PgBoss>>();
function senderFor(database: Database): Promise<PgBoss> {
  let sender = senders.get(database);
  if (!sender) {
    sender = (async () => {
      const boss = new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) }, schema: 'pgboss', supervise: false, schedule: false, migrate: true });
      boss.on('error', () => undefined);
      await boss.start();
      await ensureQueue(boss);
      return boss;
    })();
    sender.catch(() => senders.delete(database));
    senders.set(database, sender);
  }
  return sender;
}

export async function enqueueCustomerImport(database: Database, importId: string): Promise<void> {
  const boss = await senderFor(database);
  const id = await boss.send(CUSTOMER_IMPORT_QUEUE, { importId } satisfies ImportJob);
  if (!id) throw new Error(`customer import ${importId} was not enqueued`);
}

// Call after jobs.start(): imports are queue jobs, not periodic ones.
export async function registerCustomerImportWorker(jobs: Jobs, database: Database, opts: { clock?: Clock; pollingSeconds?: number } = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  await ensureQueue(jobs.boss);
  await jobs.boss.work<ImportJob>(CUSTOMER_IMPORT_QUEUE, { pollingIntervalSeconds: opts.pollingSeconds ?? 2, batchSize: 1, includeMetadata: true }, async ([job]) => {
    try {
      await runCustomerImport(database.db, job.data.importId, clock);
    } catch (err) {
      // The last attempt: say so on the import instead of leaving it 'running' forever.
      if (job.retryCount >= job.retryLimit) await markImportFailed(database.db, job.data.importId, '导入过程中出错，请稍后重新上传', clock.now()).catch(() => undefined);
      throw err;
    }
  });
}
