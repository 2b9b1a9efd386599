// Every table, for drizzle's relational queries and for drizzle-kit's migration generator.
export * from '../modules/org/tables.ts';
export * from '../modules/users/tables.ts';
export * from '../platform/auth/tables.ts';
export * from '../platform/audit/tables.ts';
export * from '../platform/jobs/tables.ts';
export * from '../modules/customers/tables.ts';
export * from '../modules/customers/import/tables.ts';
export * from '../platform/notify/tables.ts';
export * from '../platform/rate-limit/tables.ts';
export * from '../modules/complaints/tables.ts';
export * from '../modules/sales/tables.ts';
export * from '../modules/channels/tables.ts';
export * from '../modules/channels/campaign-tables.ts';
