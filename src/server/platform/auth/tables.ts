import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../db/columns.ts';
import { users } from '../../modules/users/tables.ts';

// A session row is keyed by the SHA-256 of the cookie's secret, never the secret itself.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt), index('sessions_user_idx').on(t.userId)],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: id(),
    username: text('username').notNull(),
    at: ts('at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at)],
);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique('api_tokens_hash_key'),
  prefix: text('prefix').notNull(),
  role: text('role').notNull(),
  // The token acts with this role inside its owner's organisation and data scope.
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});
