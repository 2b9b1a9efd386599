import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../db/columns.ts';
import { users } from '../../modules/users/tables.ts';

// The in-app notification centre: assignments, escalations, SLA warnings, alerts. `link` is a
// path in the web app; `mailedAt` is set when the e-mail copy was sent (SMTP configured).
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    companyId: uuid('company_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link').notNull().default(''),
    readAt: ts('read_at'),
    mailedAt: ts('mailed_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt, t.id)],
);
