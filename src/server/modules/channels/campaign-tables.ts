import { sql } from 'drizzle-orm';
import { date, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { companies, projects } from '../org/tables.ts';
import { deals } from '../sales/tables.ts';

// 推广活动: a channel, a period and what it cost; prospects are attributed to it.
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    cost: numeric('cost', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    ...auditedColumns(),
  },
  (t) => [index('campaigns_project_idx').on(t.projectId, t.startsOn)],
);

// 老带新 rewards owed to a referring owner: one for the referral, one for the resulting contract.
// The club pays them out later (status entitled → paid). An entitlement that no longer holds — the
// prospect's referrer changed or was cleared, the contract was cancelled (退房) — is voided, never
// deleted (status void, with when and why). At most one live entitlement of a kind per prospect.
export const referralRewards = pgTable(
  'referral_rewards',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    referrerCustomerId: uuid('referrer_customer_id').notNull().references(() => customers.id),
    interestId: uuid('interest_id').notNull().references(() => projectInterests.id),
    dealId: uuid('deal_id').references(() => deals.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('entitled'),
    createdAt: ts('created_at').notNull(),
    voidedAt: ts('voided_at'),
    voidReason: text('void_reason').notNull().default(''),
  },
  (t) => [
    index('referral_rewards_referrer_idx').on(t.referrerCustomerId),
    uniqueIndex('referral_rewards_interest_kind_key').on(t.interestId, t.kind).where(sql`status <> 'void'`),
  ],
);
