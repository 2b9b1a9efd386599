import { eq, getTableColumns } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintEventKind } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { complaintEvents, complaintIssues, complaints } from './tables.ts';

const handler = alias(users, 'handler');
const responder = alias(users, 'first_responder');

export const complaintColumns = {
  ...getTableColumns(complaints),
  projectName: projects.name,
  buildingName: buildings.name,
  unitNumber: units.number,
  handlerName: handler.displayName,
  firstResponderName: responder.displayName,
  issueTitle: complaintIssues.title,
};

// Complaints with the names people read: project, building, unit, handler, first responder, issue.
export function selectComplaints(db: Db) {
  return db
    .select(complaintColumns)
    .from(complaints)
    .innerJoin(projects, eq(projects.id, complaints.projectId))
    .leftJoin(buildings, eq(buildings.id, complaints.buildingId))
    .leftJoin(units, eq(units.id, complaints.unitId))
    .leftJoin(handler, eq(handler.id, complaints.handlerId))
    .leftJoin(responder, eq(responder.id, complaints.firstResponderId))
    .leftJoin(complaintIssues, eq(complaintIssues.id, complaints.issueId));
}
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['execute']>>[number];

export type ComplaintRecord = typeof complaints.$inferSelect;

// The row itself, locked for the rest of the transaction (every workflow step starts here).
export async function lockComplaint(tx: Db, id: string): Promise<ComplaintRecord> {
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  if (!row) throw new AppError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
  return row;
}

export type EventInput = { kind: ComplaintEventKind; from?: string | null; to?: string | null; content?: string; public?: boolean };

export async function recordComplaintEvents(db: Db, actor: Actor, at: Date, c: { id: string; companyId: string }, events: EventInput[]) {
  if (!events.length) return;
  await db.insert(complaintEvents).values(
    events.map((e) => ({
      id: uuidv7(),
      companyId: c.companyId,
      complaintId: c.id,
      kind: e.kind,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      content: e.content ?? '',
      public: e.public ?? false,
      actorId: actor.principal?.userId ?? null,
      actorName: actor.principal?.displayName ?? actor.name ?? '系统',
      at,
    })),
  );
}
