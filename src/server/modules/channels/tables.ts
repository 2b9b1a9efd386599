import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

// 渠道机构: an agency cooperating with one city company; brokers belong to at most one.
export const channelAgencies = pgTable(
  'channel_agencies',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    name: text('name').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactMobile: text('contact_mobile').notNull().default(''),
    status: text('status').notNull().default('active'),
    note: text('note').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('channel_agencies_company_name_key').on(t.companyId, t.name), index('channel_agencies_company_idx').on(t.companyId, t.createdAt)],
);

// A broker's agency: the primary key on broker_id keeps a broker in one agency at most.
export const agencyBrokers = pgTable(
  'agency_brokers',
  {
    brokerId: uuid('broker_id').primaryKey().references(() => users.id),
    agencyId: uuid('agency_id').notNull().references(() => channelAgencies.id),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [index('agency_brokers_agency_idx').on(t.agencyId)],
);

// 报备: a broker's claim on a prospect for a project, judged by mobile (判客) when made.
export const brokerRegistrations = pgTable(
  'broker_registrations',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    brokerId: uuid('broker_id').notNull().references(() => users.id),
    // The agency's name at registration time (or the broker's free text when without one).
    agency: text('agency').notNull().default(''),
    agencyId: uuid('agency_id').references(() => channelAgencies.id),
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
    index('broker_registrations_agency_idx').on(t.agencyId, t.registeredAt).where(sql`agency_id IS NOT NULL`),
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
