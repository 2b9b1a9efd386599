import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { userCreate } from '../../common/contracts/users.ts';
import { ROLE_LABELS, type Role } from '../../common/roles.ts';
import { passwordSchema } from '../../common/validators.ts';
import type { Db } from '../db/client.ts';
import { DEMO_USERNAMES, isFirstStart, seedDemo, workingDemoLogins } from './demo.ts';
import { seedGroup, seedUser } from './factories.ts';

// What the first start of an empty database does: seed the demo (KEYUAN_DEMO, default on) or an
// empty group (KEYUAN_DEMO=0), and create the administrator given by KEYUAN_ADMIN_USER /
// KEYUAN_ADMIN_PASSWORD. Every later start seeds nothing. Several instances may start together
// on one fresh PostgreSQL database: detection and seeding run in one transaction under an
// advisory lock, so the first seeds and the others wait, then find the group and seed nothing.

export type FirstStartOptions = {
  demo: boolean;
  adminUser?: string;
  adminPassword?: string;
  groupName?: string;
};

// A login printed on the console. `password` is null when it was given by the operator
// (KEYUAN_ADMIN_PASSWORD): it is not echoed.
export type StartLogin = { username: string; displayName: string; role: Role; password: string | null; kind: 'demo' | 'admin' };

export type FirstStartResult = { seeded: boolean; logins: StartLogin[]; notes: string[] };

// A misconfigured KEYUAN_ADMIN_*: the server must not start (main.ts prints it and exits).
export class FirstStartConfigError extends Error {}

// Two-key advisory locks live in their own key space, apart from the one-key migration lock
// (727274) and hashtext() locks; (727274, hashtext(username)) are the login locks.
const FIRST_START_LOCK = sql`SELECT pg_advisory_xact_lock(727275, 1)`;

type AdminPlan = { username: string; password: string; passwordGiven: boolean };

// KEYUAN_ADMIN_USER is normalised as login normalises usernames (trimmed, lower case) and must
// pass the same rule as a user created in the app. KEYUAN_ADMIN_PASSWORD alone sets the password
// of the default administrator `admin` (with the demo, instead of the demo password).
// Returns undefined when the demo's own administrator (admin / Keyuan2026) is wanted.
export function planAdmin(opts: FirstStartOptions, notes: string[] = []): AdminPlan | undefined {
  if (opts.demo && !opts.adminUser && !opts.adminPassword) return undefined;
  let username = 'admin';
  if (opts.adminUser) {
    const check = userCreate.shape.username.safeParse(opts.adminUser.trim().toLowerCase());
    if (!check.success) throw new FirstStartConfigError(`KEYUAN_ADMIN_USER「${opts.adminUser}」无效：${check.error.issues[0].message}`);
    username = check.data;
    if (username !== opts.adminUser) notes.push(`KEYUAN_ADMIN_USER「${opts.adminUser}」已按登录规则规范为 ${username}`);
    if (opts.demo && username !== 'admin' && DEMO_USERNAMES.includes(username)) {
      throw new FirstStartConfigError(`KEYUAN_ADMIN_USER「${username}」与演示账号重名：请换一个用户名，或设 KEYUAN_DEMO=0 不生成演示数据`);
    }
  }
  if (opts.adminPassword) {
    const check = passwordSchema.safeParse(opts.adminPassword);
    if (!check.success) throw new FirstStartConfigError(`KEYUAN_ADMIN_PASSWORD 无效：${check.error.issues[0].message}`);
    if (!opts.adminUser) notes.push('未设 KEYUAN_ADMIN_USER：KEYUAN_ADMIN_PASSWORD 用作默认管理员 admin 的密码');
  }
  return {
    username,
    password: opts.adminPassword ?? `Ky${randomBytes(9).toString('base64url')}1`,
    passwordGiven: Boolean(opts.adminPassword),
  };
}

export async function firstStart(db: Db, opts: FirstStartOptions, now = new Date()): Promise<FirstStartResult> {
  const notes: string[] = [];
  // Judged before the lock, thrown only if this start seeds: later starts ignore KEYUAN_ADMIN_*.
  let plan: AdminPlan | undefined;
  let planError: unknown;
  try {
    plan = planAdmin(opts, notes);
  } catch (e) {
    planError = e;
  }
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(FIRST_START_LOCK);
    if (!(await isFirstStart(tx))) return false;
    if (planError) throw planError;
    if (opts.demo) await seedDemo(tx, { withAdmin: !plan });
    else await seedGroup(tx, opts.groupName?.trim() || '集团总部', now);
    if (plan) await seedUser(tx, { username: plan.username, displayName: '系统管理员', password: plan.password, role: 'system_admin' }, now);
    return true;
  });
  if (!seeded) {
    notes.length = 0;
    if (opts.adminUser || opts.adminPassword) notes.push('KEYUAN_ADMIN_USER / KEYUAN_ADMIN_PASSWORD 只在首次启动（空数据库）时生效，本次已忽略');
  }

  const admin = seeded ? plan : undefined;
  const logins: StartLogin[] = (await workingDemoLogins(db))
    .filter((d) => d.username !== admin?.username)
    .map((d) => ({ ...d, kind: 'demo' }));
  if (admin) logins.push({ username: admin.username, displayName: '系统管理员', role: 'system_admin', password: admin.passwordGiven ? null : admin.password, kind: 'admin' });
  return { seeded, logins, notes };
}

// The console lines for the logins: the demo accounts that work, and the administrator this start
// created.
export function loginLines(result: FirstStartResult): string[] {
  const lines: string[] = [];
  const demo = result.logins.filter((l) => l.kind === 'demo');
  if (demo.length) {
    lines.push('演示账号：');
    for (const d of demo) lines.push(`  ${ROLE_LABELS[d.role].padEnd(10, '　')} ${d.username.padEnd(12)} ${d.password}  ${d.displayName}`);
  }
  for (const a of result.logins.filter((l) => l.kind === 'admin')) {
    lines.push(
      a.password === null
        ? `管理员账号：${a.username}  密码：KEYUAN_ADMIN_PASSWORD 所设（请登录后修改）`
        : `管理员账号：${a.username}  初始密码：${a.password}（请登录后立即修改）`,
    );
  }
  for (const n of result.notes) lines.push(`提示：${n}`);
  return lines;
}
