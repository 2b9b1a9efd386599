import type { Database } from '../../db/client.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { reclaimOverdueProspects } from './ownership.ts';

export const PROSPECT_RECLAIM_JOB = 'prospect-reclaim';

// Hourly: prospects not followed up within their project's limit return to the public pool.
export function registerProspectReclaim(jobs: Jobs, database: Database, onDone?: (moved: number) => void) {
  jobs.every(PROSPECT_RECLAIM_JOB, HOUR, async ({ now }) => {
    const moved = await reclaimOverdueProspects(database.db, now);
    onDone?.(moved);
  });
}
