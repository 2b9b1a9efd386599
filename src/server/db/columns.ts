import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column builders: every business row has a UUIDv7 id, timestamps with time zone
// and an optimistic-concurrency version.
export const id = () => uuid('id').primaryKey();
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const auditedColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
