import { sql } from 'drizzle-orm';
import { date, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { buildings, companies, projects, units } from '../org/tables.ts';
import { users } from '../users/tables.ts';

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

// A deal (成交) of one unit with one customer: pledge → subscription → contract, or cancelled.
// At most one active deal per unit, enforced by the database: a unit is never sold twice.
export const deals = pgTable(
  'deals',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    interestId: uuid('interest_id').notNull().references(() => projectInterests.id),
    consultantId: uuid('consultant_id').references(() => users.id),
    stage: text('stage').notNull(),
    status: text('status').notNull().default('active'),
    pledgeAmount: money('pledge_amount'),
    deposit: money('deposit'),
    paymentMethod: text('payment_method'),
    contractDueDate: date('contract_due_date', { mode: 'string' }),
    price: money('price'),
    signedOn: date('signed_on', { mode: 'string' }),
    pledgedAt: ts('pledged_at'),
    subscribedAt: ts('subscribed_at'),
    contractedAt: ts('contracted_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('deals_unit_active_key').on(t.unitId).where(sql`status = 'active'`),
    index('deals_project_idx').on(t.projectId, t.createdAt),
    index('deals_customer_idx').on(t.customerId),
    index('deals_consultant_idx').on(t.consultantId, t.createdAt),
  ],
);

// 业主: a contract makes the customer an owner of the unit (kept when later modules deliver it).
export const unitOwners = pgTable(
  'unit_owners',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    dealId: uuid('deal_id').notNull().references(() => deals.id),
    since: ts('since').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('unit_owners_current_key').on(t.unitId, t.customerId).where(sql`ended_at IS NULL`),
    index('unit_owners_customer_idx').on(t.customerId),
  ],
);
