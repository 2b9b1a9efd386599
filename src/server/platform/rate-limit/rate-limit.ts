import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { rateLimits } from './tables.ts';

export type RateLimit = { name: string; max: number; windowMs: number };

// Count one hit for `who` (usually the client's address) against a fixed window shared by every
// app instance; past `max` in the window the caller gets 429 RATE_LIMITED.
export async function hitRateLimit(db: Db, limit: RateLimit, who: string, now: Date): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
  const key = `${limit.name}:${who}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  if (row.count > limit.max) {
    const retryAfter = Math.ceil((windowStart.getTime() + limit.windowMs - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', `操作过于频繁，请 ${retryAfter} 秒后再试`);
  }
}

// Windows that have ended are no longer needed.
export async function pruneRateLimits(db: Db, now: Date, olderThanMs = 86_400_000): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${new Date(now.getTime() - olderThanMs).toISOString()}::timestamptz`);
}
