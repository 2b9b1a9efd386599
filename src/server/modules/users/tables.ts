import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { companies, projects } from '../org/tables.ts';

export const teams = pgTable(
  'teams',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    name: text('name').notNull(),
    leaderId: uuid('leader_id'),
    ...auditedColumns(),
  },
  (t) => [index('teams_company_idx').on(t.companyId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull().unique('users_username_key'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    scope: text('scope').notNull(),
    // Null for group-level staff (group centre, executives, administrators).
    companyId: uuid('company_id').references(() => companies.id),
    teamId: uuid('team_id').references(() => teams.id),
    // Where e-mail copies of notifications go (when SMTP is configured); empty for none.
    email: text('email').notNull().default(''),
    active: boolean('active').notNull().default(true),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    ...auditedColumns(),
  },
  (t) => [index('users_company_idx').on(t.companyId), index('users_team_idx').on(t.teamId)],
);

export const userProjects = pgTable(
  'user_projects',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    companyId: uuid('company_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId] }), index('user_projects_project_idx').on(t.projectId)],
);
