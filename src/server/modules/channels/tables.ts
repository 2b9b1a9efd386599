import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { companies, projects } from '../org/tables.ts';
import { deals } from '../sales/tables.ts';
import { users } from '../users/tables.ts';

// Per project: how brokers give mobiles, the protection windows and the commission rule.
export const projectChannelSettings = pgTable('project_channel_settings', {
  projectId: uuid('project_id').primaryKey().references(() => projects.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  mobileMode: text('mobile_mode').notNull(),
  visitDays: integer('visit_days').notNull(),
  dealDays: integer('deal_days').notNull(),
  commissionRule: text('commission_rule').notNull(),
  ...auditedColumns(),
});

// 报备: a broker's claim on a prospect for a project, judged by mobile (判客) when made.
export const brokerRegistrations = pgTable(
  'broker_registrations',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    brokerId: uuid('broker_id').notNull().references(() => users.id),
    agency: text('agency').notNull().default(''),
    customerName: text('customer_name').notNull(),
    mobilePrefix: text('mobile_prefix').notNull(),
    mobileSuffix: text('mobile_suffix').notNull(),
    mobileFull: text('mobile_full'),
    note: text('note').notNull().default(''),
    status: text('status').notNull(),
    registeredAt: ts('registered_at').notNull(),
    visitDueAt: ts('visit_due_at').notNull(),
    visitedAt: ts('visited_at'),
    visitConfirmedBy: uuid('visit_confirmed_by').references(() => users.id),
    dealDueAt: ts('deal_due_at'),
    customerId: uuid('customer_id').references(() => customers.id),
    interestId: uuid('interest_id').references(() => projectInterests.id),
    dealId: uuid('deal_id').references(() => deals.id),
    dealtAt: ts('dealt_at'),
    commissionEligible: boolean('commission_eligible').notNull().default(false),
    endedAt: ts('ended_at'),
    endReason: text('end_reason').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    // 判客 looks up a project's live registrations by the last four digits.
    index('broker_registrations_match_idx').on(t.projectId, t.mobileSuffix).where(sql`status IN ('registered', 'visited', 'dealt')`),
    index('broker_registrations_broker_idx').on(t.brokerId, t.registeredAt),
    index('broker_registrations_project_idx').on(t.projectId, t.registeredAt),
    index('broker_registrations_interest_idx').on(t.interestId),
    index('broker_registrations_due_idx').on(t.visitDueAt).where(sql`status IN ('registered', 'visited')`),
  ],
);

// 申诉: a broker contests an expired or refused registration; a manager decides.
export const registrationAppeals = pgTable(
  'registration_appeals',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    registrationId: uuid('registration_id').notNull().references(() => brokerRegistrations.id),
    brokerId: uuid('broker_id').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [index('registration_appeals_company_idx').on(t.companyId, t.status, t.createdAt)],
);
