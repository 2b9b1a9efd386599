import type { Database } from '../../db/client.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { expireRegistrations } from './registrations.ts';

export const REGISTRATION_EXPIRY_JOB = 'registration-expiry';

// Hourly: registrations whose protection window has passed stop protecting their customer.
export function registerRegistrationExpiry(jobs: Jobs, database: Database) {
  jobs.every(REGISTRATION_EXPIRY_JOB, HOUR, async ({ now }) => {
    await expireRegistrations(database.db, now);
  });
}
