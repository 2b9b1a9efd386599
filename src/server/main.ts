import { randomBytes } from 'node:crypto';
import { ROLE_LABELS } from '../common/roles.ts';
import { passwordSchema } from '../common/validators.ts';
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
import { existingDemoLogins, hasUser, isFirstStart, seedDemo } from './seed/demo.ts';
import { seedGroup, seedUser } from './seed/factories.ts';

// config → database → migrations → first-start seed → app → jobs → listen
const config = loadConfig();
const database = await openDatabase(config);
await database.migrate();

const app = await buildApp({ database, clock: systemClock, config, logger: { level: config.logLevel } });
const log = app.log;

let generatedAdmin: { username: string; password: string } | undefined;
if (await isFirstStart(database.db)) {
  if (config.adminPassword) {
    const check = passwordSchema.safeParse(config.adminPassword);
    if (!check.success) throw new Error(`KEYUAN_ADMIN_PASSWORD: ${check.error.issues[0].message}`);
  }
  await database.db.transaction(async (tx) => {
    if (config.demo) await seedDemo(tx, { withAdmin: !config.adminUser });
    else await seedGroup(tx, process.env.KEYUAN_GROUP_NAME ?? '集团总部');
    if (config.adminUser || !config.demo) {
      const username = config.adminUser ?? 'admin';
      const password = config.adminPassword ?? `Ky${randomBytes(9).toString('base64url')}1`;
      if (!config.adminPassword) generatedAdmin = { username, password };
      if (!(await hasUser(tx, username))) await seedUser(tx, { username, displayName: '系统管理员', password, role: 'system_admin' });
    }
  });
  log.info(config.demo ? 'first start: demo data seeded' : 'first start: empty organisation created');
}

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
const demo = await existingDemoLogins(database.db);
if (demo.length) {
  lines.push('演示账号（首次启动时的密码；如已修改以修改后为准）：');
  for (const d of demo) lines.push(`  ${ROLE_LABELS[d.role].padEnd(10, '　')} ${d.username.padEnd(12)} ${d.password}  ${d.displayName}`);
}
if (generatedAdmin) lines.push(`管理员账号：${generatedAdmin.username}  初始密码：${generatedAdmin.password}（请登录后立即修改）`);
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
