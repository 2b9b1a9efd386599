import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { companies, projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';

// A customer is one person in the group, unique by mobile (判重). Personal fields are erased
// (anonymised) on request; `erased_at` marks it and frees the mobile.
export const customers = pgTable(
  'customers',
  {
    id: id(),
    name: text('name').notNull(),
    // Search keys derived from the name: full pinyin (zhangwei) and initials (zw).
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    // Characters and character pairs of the name, kept by the database (migration 0005).
    nameGrams: text('name_grams').array().generatedAlwaysAs(sql`customer_name_grams(name)`),
    gender: text('gender').notNull().default('unknown'),
    ageBand: text('age_band'),
    mobile: text('mobile').notNull(),
    mobileTail: text('mobile_tail').notNull(),
    idNumber: text('id_number'),
    familyStructure: text('family_structure').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    incomeBand: text('income_band').notNull().default(''),
    residenceArea: text('residence_area').notNull().default(''),
    workArea: text('work_area').notNull().default(''),
    needLayout: text('need_layout').notNull().default(''),
    needAreaMin: numeric('need_area_min', { precision: 10, scale: 2, mode: 'number' }),
    needAreaMax: numeric('need_area_max', { precision: 10, scale: 2, mode: 'number' }),
    budgetMin: numeric('budget_min', { precision: 12, scale: 2, mode: 'number' }),
    budgetMax: numeric('budget_max', { precision: 12, scale: 2, mode: 'number' }),
    purpose: text('purpose'),
    focusFactors: text('focus_factors').array().notNull().default(sql`'{}'::text[]`),
    paymentMethod: text('payment_method'),
    fundsReady: boolean('funds_ready'),
    decisionMaker: text('decision_maker').notNull().default(''),
    decisionCycle: text('decision_cycle').notNull().default(''),
    competingProjects: text('competing_projects').notNull().default(''),
    sourceChannel: text('source_channel').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    buyerType: text('buyer_type'),
    familySegment: text('family_segment'),
    referrerName: text('referrer_name').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    erasedAt: ts('erased_at'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('customers_mobile_key').on(t.mobile).where(sql`erased_at IS NULL`),
    index('customers_mobile_tail_idx').on(t.mobileTail),
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_name_grams_idx').using('gin', t.nameGrams),
    index('customers_pinyin_idx').on(t.namePinyin.op('text_pattern_ops')),
    index('customers_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('customers_tags_idx').using('gin', t.tags),
  ],
);

export const customerConsents = pgTable(
  'customer_consents',
  {
    id: id(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    grantedAt: ts('granted_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('customer_consents_customer_idx').on(t.customerId)],
);

// A customer's relation to one project (意向): owner, stage, grade and follow-up plan. Rows in the
// public pool have no owner.
export const projectInterests = pgTable(
  'project_interests',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    ownerId: uuid('owner_id').references(() => users.id),
    // The owner's team when assigned, so a manager's team scope is one indexed condition.
    ownerTeamId: uuid('owner_team_id'),
    channel: text('channel').notNull(),
    stage: text('stage').notNull(),
    lostReason: text('lost_reason').notNull().default(''),
    grade: text('grade').notNull(),
    inPool: boolean('in_pool').notNull().default(false),
    poolReason: text('pool_reason').notNull().default(''),
    lastContactAt: ts('last_contact_at'),
    nextFollowUpAt: ts('next_follow_up_at'),
    assignedAt: ts('assigned_at'),
    // Copies of the customer's pinyin search keys, kept by triggers (migration 0008), so a
    // pinyin/initials search is one index range within the caller's scope.
    customerPinyin: text('customer_pinyin').notNull().default(''),
    customerInitials: text('customer_initials').notNull().default(''),
    // Funnel milestones, kept on the prospect so the funnel is one scan: the first visit (a visit
    // or site tour follow-up, or a broker's visit confirmed) and the first time each deal stage
    // was reached (set by the sales module; kept after a cancellation).
    firstVisitAt: ts('first_visit_at'),
    pledgedAt: ts('pledged_at'),
    subscribedAt: ts('subscribed_at'),
    contractedAt: ts('contracted_at'),
    // Attribution: the campaign that brought the prospect, and the owner who referred them (老带新).
    campaignId: uuid('campaign_id'),
    referrerCustomerId: uuid('referrer_customer_id'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('project_interests_project_customer_key').on(t.projectId, t.customerId),
    // Lists read "who is due next" within a scope: one ordered index per scope, open prospects only.
    index('project_interests_owner_due_idx').on(t.ownerId, t.nextFollowUpAt, t.id).where(sql`NOT in_pool`),
    index('project_interests_team_due_idx').on(t.ownerTeamId, t.nextFollowUpAt, t.id).where(sql`NOT in_pool`),
    index('project_interests_project_due_idx').on(t.projectId, t.nextFollowUpAt, t.id).where(sql`NOT in_pool`),
    index('project_interests_company_due_idx').on(t.companyId, t.nextFollowUpAt, t.id).where(sql`NOT in_pool`),
    index('project_interests_due_idx').on(t.nextFollowUpAt, t.id).where(sql`NOT in_pool`),
    index('project_interests_owner_initials_idx').on(t.ownerId, t.customerInitials.op('text_pattern_ops')),
    index('project_interests_owner_pinyin_idx').on(t.ownerId, t.customerPinyin.op('text_pattern_ops')),
    index('project_interests_company_initials_idx').on(t.companyId, t.customerInitials.op('text_pattern_ops')),
    index('project_interests_company_pinyin_idx').on(t.companyId, t.customerPinyin.op('text_pattern_ops')),
    index('project_interests_customer_idx').on(t.customerId),
    index('project_interests_pool_idx').on(t.projectId, t.inPool),
    index('project_interests_campaign_idx').on(t.campaignId).where(sql`campaign_id IS NOT NULL`),
    index('project_interests_referrer_idx').on(t.referrerCustomerId).where(sql`referrer_customer_id IS NOT NULL`),
  ],
);

// Quick-search keys of the open prospects (not in the pool): one row per name character, name
// character pair and "#" + mobile tail, carrying the prospect's scope columns and next follow-up.
// A search by name or tail is then one ordered index range per scope ("张强" among a company's
// prospects, soonest due first) that stops after a page, however many customers share the name.
// Kept by triggers on project_interests and customers (migrations 0017–0019), never written by the
// app; derived rows, so no foreign key (a deleted prospect's keys go by trigger).
export const prospectSearchKeys = pgTable(
  'prospect_search_keys',
  {
    interestId: uuid('interest_id').notNull(),
    key: text('key').notNull(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull(),
    ownerId: uuid('owner_id'),
    ownerTeamId: uuid('owner_team_id'),
    nextFollowUpAt: ts('next_follow_up_at'),
  },
  (t) => [
    primaryKey({ columns: [t.interestId, t.key] }),
    index('prospect_search_keys_owner_idx').on(t.ownerId, t.key, t.nextFollowUpAt, t.interestId),
    index('prospect_search_keys_team_idx').on(t.ownerTeamId, t.key, t.nextFollowUpAt, t.interestId),
    index('prospect_search_keys_company_idx').on(t.companyId, t.key, t.nextFollowUpAt, t.interestId),
    index('prospect_search_keys_key_idx').on(t.key, t.nextFollowUpAt, t.interestId),
  ],
);

// Stage, grade and ownership changes: the history that conversion rates and "every owner" need.
export const interestEvents = pgTable(
  'interest_events',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    interestId: uuid('interest_id').notNull().references(() => projectInterests.id),
    customerId: uuid('customer_id').notNull(),
    type: text('type').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('interest_events_customer_idx').on(t.customerId, t.at), index('interest_events_interest_idx').on(t.interestId, t.at)],
);

export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull(),
    interestId: uuid('interest_id').notNull().references(() => projectInterests.id),
    customerId: uuid('customer_id').notNull(),
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    content: text('content').notNull(),
    reaction: text('reaction').notNull(),
    nextAction: text('next_action').notNull().default(''),
    nextDueAt: ts('next_due_at'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('interactions_customer_idx').on(t.customerId, t.occurredAt), index('interactions_interest_idx').on(t.interestId, t.occurredAt)],
);

export const projectSalesSettings = pgTable('project_sales_settings', {
  projectId: uuid('project_id').primaryKey().references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  followUpDaysA: integer('follow_up_days_a').notNull(),
  followUpDaysB: integer('follow_up_days_b').notNull(),
  followUpDaysC: integer('follow_up_days_c').notNull(),
  reclaimDays: integer('reclaim_days').notNull(),
  poolClaimLimit: integer('pool_claim_limit').notNull(),
  ...auditedColumns(),
});

export const savedFilters = pgTable(
  'saved_filters',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('saved_filters_user_idx').on(t.userId)],
);

// The group's tag catalogue (标签库): customers carry tag names chosen from it. A deactivated tag
// stays on the customers that have it but cannot be newly chosen. Names are unique in the group
// (a customer's tags are plain names). Migration 0025 seeds a default set and adopts every tag
// already on a customer (category 其他).
export const customerTags = pgTable(
  'customer_tags',
  {
    id: id(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('customer_tags_name_key').on(t.name)],
);
