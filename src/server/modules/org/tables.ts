import { index, integer, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id } from '../../db/columns.ts';

// Organisation: group → companies → projects → buildings → units. Every row below the group
// carries company_id, the column a distribution by company (Citus) would use; README › Scale-out
// lists what else that would take (keys and unique constraints are not yet per company).
export const orgGroups = pgTable('org_groups', {
  id: id(),
  name: text('name').notNull(),
  ...auditedColumns(),
});

export const companies = pgTable('companies', {
  id: id(),
  groupId: uuid('group_id').notNull().references(() => orgGroups.id),
  name: text('name').notNull(),
  city: text('city').notNull(),
  code: text('code').notNull().unique('companies_code_key'),
  ...auditedColumns(),
});

export const projects = pgTable(
  'projects',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    name: text('name').notNull(),
    code: text('code').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull().default(''),
    status: text('status').notNull(),
    // Kept by the building and unit services in the same transactions, so lists need no counting.
    buildingCount: integer('building_count').notNull().default(0),
    unitCount: integer('unit_count').notNull().default(0),
    ...auditedColumns(),
  },
  (t) => [unique('projects_code_key').on(t.code), index('projects_company_name_idx').on(t.companyId, t.name, t.id)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    name: text('name').notNull(),
    floors: integer('floors').notNull(),
    unitCount: integer('unit_count').notNull().default(0),
    ...auditedColumns(),
  },
  (t) => [unique('buildings_project_name_key').on(t.projectId, t.name)],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
    number: text('number').notNull(),
    floor: integer('floor').notNull(),
    layout: text('layout').notNull(),
    area: numeric('area', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    listPrice: numeric('list_price', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    status: text('status').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    unique('units_building_number_key').on(t.buildingId, t.number),
    index('units_building_order_idx').on(t.buildingId, t.floor, t.number),
    index('units_project_status_idx').on(t.projectId, t.status),
  ],
);
