import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';

// One row per (job, time slot): the instance that inserts it enqueues the run, so a schedule
// fires once across any number of app servers.
export const jobSlots = pgTable(
  'job_slots',
  {
    name: text('name').notNull(),
    slot: bigint('slot', { mode: 'number' }).notNull(),
    claimedAt: ts('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] })],
);
