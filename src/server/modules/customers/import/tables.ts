import { customType, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../../db/columns.ts';
import { companies, projects } from '../../org/tables.ts';
import { users } from '../../users/tables.ts';

// Binary file content; pg answers a Buffer, PGlite a Uint8Array.
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

// One uploaded spreadsheet. The file itself lives here (servers keep nothing on disk) until the
// import is done; `processed` counts data rows already committed, so a restarted job resumes there.
export const customerImports = pgTable(
  'customer_imports',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    actorIp: text('actor_ip'),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    columns: jsonb('columns').$type<string[]>().notNull(),
    // Column header → customer field.
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    defaultSourceChannel: text('default_source_channel'),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    merged: integer('merged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    error: text('error'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('customer_imports_created_by_idx').on(t.createdBy, t.id), index('customer_imports_project_idx').on(t.projectId, t.id)],
);

// The outcome of each processed data row, written in the same transaction as its batch.
// `row_no` is the row's number in the sheet (the header is row 1).
export const customerImportRows = pgTable(
  'customer_import_rows',
  {
    importId: uuid('import_id').notNull().references(() => customerImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    raw: jsonb('raw').$type<string[]>().notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    // No foreign key: customers are never deleted (erasure anonymises them), and 1,000 key checks
    // per batch are a measurable share of an import on PGlite.
    customerId: uuid('customer_id'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] }), index('customer_import_rows_customer_idx').on(t.customerId)],
);
