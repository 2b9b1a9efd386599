import { eq, getTableColumns } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { InterestEventType } from '../../../common/customers.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { customers, interestEvents, projectInterests, prospectSearchKeys } from './tables.ts';

export const interestColumns = { ...getTableColumns(projectInterests), projectName: projects.name, ownerName: users.displayName };

// Interests with their project's and owner's names.
export function selectInterests(db: Db) {
  return db.select(interestColumns).from(projectInterests).innerJoin(projects, eq(projects.id, projectInterests.projectId)).leftJoin(users, eq(users.id, projectInterests.ownerId));
}

const { id, name, mobile, tags, sourceChannel, buyerType, familySegment, erasedAt } = customers;
export const prospectColumns = { ...interestColumns, customer: { id, name, mobile, tags, sourceChannel, buyerType, familySegment, erasedAt } };

export function selectProspects(db: Db) {
  return db
    .select(prospectColumns)
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .innerJoin(projects, eq(projects.id, projectInterests.projectId))
    .leftJoin(users, eq(users.id, projectInterests.ownerId));
}

// The same rows, reached through their quick-search keys (see prospectSearchKeys).
export function selectProspectsByKey(db: Db) {
  return db
    .select(prospectColumns)
    .from(prospectSearchKeys)
    .innerJoin(projectInterests, eq(projectInterests.id, prospectSearchKeys.interestId))
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .innerJoin(projects, eq(projects.id, projectInterests.projectId))
    .leftJoin(users, eq(users.id, projectInterests.ownerId));
}

export type EventInput = { companyId: string; interestId: string; customerId: string; type: InterestEventType; from?: string | null; to?: string | null; reason?: string };

export function eventRow(actor: Actor, at: Date, e: EventInput) {
  return {
    id: uuidv7(),
    companyId: e.companyId,
    interestId: e.interestId,
    customerId: e.customerId,
    type: e.type,
    fromValue: e.from ?? null,
    toValue: e.to ?? null,
    reason: e.reason ?? '',
    actorId: actor.principal?.userId ?? null,
    actorName: actor.principal?.displayName ?? actor.name ?? '系统',
    at,
  };
}

export async function recordEvents(db: Db, actor: Actor, at: Date, events: EventInput[]) {
  for (let i = 0; i < events.length; i += 1000) {
    const batch = events.slice(i, i + 1000);
    if (batch.length) await db.insert(interestEvents).values(batch.map((e) => eventRow(actor, at, e)));
  }
}
