import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { systemClock } from './platform/clock.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { registerSessionCleanup } from './platform/jobs/session-cleanup.ts';
import { registerProspectReclaim } from './modules/customers/jobs.ts';
import { registerComplaintJobs } from './modules/complaints/sla-job.ts';
import { registerRegistrationExpiry } from './modules/channels/jobs.ts';
import { registerNotificationMail } from './platform/notify/mailer.ts';
import { pruneRateLimits } from './platform/rate-limit/rate-limit.ts';
import { HOUR } from './platform/clock.ts';
import { registerCustomerImportWorker } from './modules/customers/import/queue.ts';
import { FirstStartConfigError, firstStart, loginLines, type FirstStartResult } from './seed/first-start.ts';

// config → database → migrations → first-start seed → app → jobs → listen
const config = loadConfig();
const database = await openDatabase(config);
await database.migrate();

let firstStartResult: FirstStartResult;
try {
  firstStartResult = await firstStart(database.db, {
    demo: config.demo,
    adminUser: config.adminUser,
    adminPassword: config.adminPassword,
    groupName: process.env.KEYUAN_GROUP_NAME,
  });
} catch (e) {
  if (!(e instanceof FirstStartConfigError)) throw e;
  console.error(`无法启动：${e.message}`);
  await database.close();
  process.exit(1);
}

const app = await buildApp({ database, clock: systemClock, config, logger: { level: config.logLevel } });
const log = app.log;
if (firstStartResult.seeded) log.info(config.demo ? 'first start: demo data seeded' : 'first start: empty organisation created');

const jobs = createJobs({ database, clock: systemClock, log });
registerSessionCleanup(jobs, database);
registerProspectReclaim(jobs, database);
registerComplaintJobs(jobs, database);
registerRegistrationExpiry(jobs, database);
jobs.every('rate-limit-prune', HOUR, ({ now }) => pruneRateLimits(database.db, now));
if (config.smtpUrl) registerNotificationMail(jobs, database, { smtpUrl: config.smtpUrl, from: config.smtpFrom, baseUrl: process.env.PUBLIC_URL });
await jobs.start();
await registerCustomerImportWorker(jobs, database);
await jobs.tick();

await app.listen({ port: config.port, host: config.host });

const where = database.kind === 'pglite' ? `内置数据库 PGlite（${config.dataDir}）` : 'PostgreSQL';
const lines = [`客源 Keyuan CRM 已启动：http://localhost:${config.port}  （${where}；API 文档 /api/docs）`];
lines.push(...loginLines(firstStartResult));
console.log(lines.join('\n'));

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
