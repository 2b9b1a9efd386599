import { and, eq, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { formatShanghaiTime } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../modules/users/tables.ts';
import { findUserByUsername } from '../../modules/users/repo.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/app-error.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { LOCKOUT_WINDOW_MS, lockedUntil } from './rules.ts';
import { createSession, deleteUserSessions } from './sessions.ts';
import { loginFailures } from './tables.ts';

type LoginCtx = { db: Db; now: Date; ip: string | null; userAgent: string | null; sessionTtlMs: number };

// The same message whether the username or the password was wrong.
const INVALID = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

async function recentFailures(db: Db, username: string, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - 2 * LOCKOUT_WINDOW_MS);
  const rows = await db.select({ at: loginFailures.at }).from(loginFailures).where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  return rows.map((r) => r.at);
}

type Attempt = { kind: 'locked'; until: Date } | { kind: 'invalid' } | { kind: 'ok'; session: Awaited<ReturnType<typeof createSession>> & { userId: string } };

// One attempt per username at a time: a transaction-scoped advisory lock on the (lower-case)
// username covers reading the recent failures, checking the password and recording the outcome,
// so parallel wrong guesses queue and the 6th within the window sees the lock (two-key locks have
// their own key space; (727275, 1) is the first-start lock). A refused attempt's failure and
// audit entry commit before the error is thrown.
export async function login(ctx: LoginCtx, username: string, password: string) {
  const name = username.trim().toLowerCase();
  const anonymous = { principal: null, ip: ctx.ip, name };
  const attempt = await ctx.db.transaction(async (tx): Promise<Attempt> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274, hashtext(${name}))`);
    const lock = lockedUntil(await recentFailures(tx, name, ctx.now), ctx.now);
    if (lock) {
      await recordAudit(tx, anonymous, ctx.now, { action: 'login.failure', entityType: 'session', entityLabel: `${name}（账号已锁定）` });
      return { kind: 'locked', until: lock };
    }
    const user = await findUserByUsername(tx, name);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || !user.active) {
      await tx.insert(loginFailures).values({ id: uuidv7(), username: name, at: ctx.now, ip: ctx.ip });
      const nowLocked = lockedUntil(await recentFailures(tx, name, ctx.now), ctx.now);
      if (user && nowLocked) await tx.update(users).set({ lockedUntil: nowLocked }).where(eq(users.id, user.id));
      await recordAudit(tx, anonymous, ctx.now, { action: 'login.failure', entityType: 'session', entityId: user?.id ?? null, entityLabel: name, companyId: user?.companyId ?? null });
      return { kind: 'invalid' };
    }
    await tx.delete(loginFailures).where(eq(loginFailures.username, name));
    await tx.update(users).set({ lastLoginAt: ctx.now, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id, now: ctx.now, ttlMs: ctx.sessionTtlMs, ip: ctx.ip, userAgent: ctx.userAgent });
    await recordAudit(tx, { principal: null, ip: ctx.ip, name: user.displayName }, ctx.now, {
      action: 'login.success',
      entityType: 'session',
      entityId: user.id,
      entityLabel: `${user.displayName}（${user.username}）`,
      companyId: user.companyId,
    });
    return { kind: 'ok', session: { ...session, userId: user.id } };
  });
  if (attempt.kind === 'locked') throw new AppError('TOO_MANY_ATTEMPTS', `登录失败次数过多，账号已临时锁定，请于 ${formatShanghaiTime(attempt.until)} 后重试`);
  if (attempt.kind === 'invalid') throw INVALID();
  return attempt.session;
}

export async function changePassword(ctx: { db: Db; now: Date; ip: string | null }, p: Principal, current: string, next: string) {
  const user = await findUserByUsername(ctx.db, p.username);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now }).where(eq(users.id, user.id));
    // Other sessions of this user end; the one that changed the password stays.
    await deleteUserSessions(tx, user.id, p.sessionId);
    await recordAudit(tx, { principal: p, ip: ctx.ip }, ctx.now, { action: 'password.change', entityType: 'user', entityId: user.id, entityLabel: `${user.displayName}（${user.username}）`, companyId: user.companyId });
  });
}
