import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../db/columns.ts';

// Append-only: a trigger (migration 0001) refuses UPDATE and DELETE on this table.
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    entityLabel: text('entity_label').notNull().default(''),
    companyId: uuid('company_id'),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    ip: text('ip'),
  },
  (t) => [
    index('audit_logs_entity_idx').on(t.entityType, t.entityId),
    index('audit_logs_actor_idx').on(t.actorId, t.id),
    index('audit_logs_action_idx').on(t.action, t.id),
  ],
);
