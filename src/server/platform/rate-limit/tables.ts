import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';

// Fixed-window counters for anonymous endpoints, in the database so every app instance shares
// them. `key` is the limit's name and the caller's address; rows expire with their window.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});
