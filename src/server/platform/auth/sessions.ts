import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from './tables.ts';
import { hashSecret, newSecret } from './tokens.ts';
import { shouldExtendSession } from './rules.ts';

export const SESSION_COOKIE = 'keyuan_session';

export async function createSession(db: Db, input: { userId: string; now: Date; ttlMs: number; ip: string | null; userAgent: string | null }) {
  const secret = newSecret();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await db.insert(sessions).values({
    id: hashSecret(secret),
    userId: input.userId,
    createdAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { secret, expiresAt };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}

// Sliding expiry: extend a session once it is past half its life.
export async function touchSession(db: Db, sessionId: string, expiresAt: Date, now: Date, ttlMs: number): Promise<Date | null> {
  if (!shouldExtendSession(expiresAt, now, ttlMs)) return null;
  const next = new Date(now.getTime() + ttlMs);
  await db.update(sessions).set({ expiresAt: next }).where(eq(sessions.id, sessionId));
  return next;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return deleted.length;
}

export async function countSessions(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(sessions);
  return r.n;
}
