import { lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { deleteExpiredSessions } from '../auth/sessions.ts';
import { loginFailures } from '../auth/tables.ts';
import { DAY, HOUR } from '../clock.ts';
import { pruneJobSlots, type Jobs } from './jobs.ts';

export const SESSION_CLEANUP_JOB = 'session-cleanup';

// Hourly: drop expired sessions, login failures older than a day, and old job slots.
export function registerSessionCleanup(jobs: Jobs, database: Database, onDone?: (deleted: number) => void) {
  jobs.every(SESSION_CLEANUP_JOB, HOUR, async ({ now }) => {
    const deleted = await deleteExpiredSessions(database.db, now);
    await database.db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - DAY)));
    await pruneJobSlots(database, now);
    onDone?.(deleted);
  });
}
