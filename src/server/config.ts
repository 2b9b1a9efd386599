import { resolve } from 'node:path';

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  demo: boolean;
  adminUser?: string;
  adminPassword?: string;
  bodyLimit: number;
  logLevel: string;
  webDir: string;
  // smtp://user:pass@host:587 — when set, notifications are also e-mailed to users with an address.
  smtpUrl?: string;
  smtpFrom: string;
  // In-process read caches (principals, organisation lists); KEYUAN_READ_CACHE=0 turns them off.
  readCache: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    sessionTtlMs: Number(env.SESSION_TTL_HOURS ?? 12) * 3600_000,
    cookieSecure: env.COOKIE_SECURE === '1',
    trustProxy: env.TRUST_PROXY === '1',
    demo: env.KEYUAN_DEMO !== '0',
    adminUser: env.KEYUAN_ADMIN_USER || undefined,
    adminPassword: env.KEYUAN_ADMIN_PASSWORD || undefined,
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: resolve(env.WEB_DIR ?? './dist/web'),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? 'Keyuan CRM <noreply@keyuan.local>',
    readCache: env.KEYUAN_READ_CACHE !== '0',
  };
}
