import { and, desc, eq, inArray } from 'drizzle-orm';
import { COMPLAINT_STATUS_LABELS, SEVERITY_LABELS, type ComplaintStatus, type Severity } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { projects } from '../org/tables.ts';
import { complaints } from './tables.ts';

// The complaints module's door for the customers module: a customer's complaints in the given
// projects, summarised for the timeline (number, title, severity, status; no contact data).
export async function complaintSummariesOf(db: Db, customerId: string, projectIds: string[]) {
  if (!projectIds.length) return [];
  const rows = await db
    .select({ id: complaints.id, no: complaints.no, title: complaints.title, severity: complaints.severity, status: complaints.status, filedAt: complaints.filedAt, projectName: projects.name })
    .from(complaints)
    .innerJoin(projects, eq(projects.id, complaints.projectId))
    .where(and(eq(complaints.customerId, customerId), inArray(complaints.projectId, projectIds)))
    .orderBy(desc(complaints.filedAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    at: r.filedAt,
    projectName: r.projectName,
    text: `${r.no} ${r.title}（${SEVERITY_LABELS[r.severity as Severity]}，${COMPLAINT_STATUS_LABELS[r.status as ComplaintStatus]}）`,
  }));
}

// Erasure of a customer reaches their complaints: the contact name and mobile are anonymised,
// the complaint itself (and the statistics) stay.
// Returns the ids of the complaints changed (for the audit redaction).
export async function anonymiseComplaintContacts(db: Db, customerId: string, now: Date): Promise<string[]> {
  // A suggestion (an unconfirmed public filing with their mobile) is not theirs: just forget it.
  await db.update(complaints).set({ suggestedCustomerId: null, updatedAt: now }).where(eq(complaints.suggestedCustomerId, customerId));
  const changed = await db.update(complaints).set({ contactName: '已删除', contactMobile: '00000000000', updatedAt: now }).where(eq(complaints.customerId, customerId)).returning({ id: complaints.id });
  return changed.map((c) => c.id);
}

// A customer's right of access: the complaints they made, as recorded.
export async function complaintsForExport(db: Db, customerId: string) {
  return db
    .select({ no: complaints.no, filedAt: complaints.filedAt, channel: complaints.channel, title: complaints.title, description: complaints.description, remedyWanted: complaints.remedyWanted, contactName: complaints.contactName, contactMobile: complaints.contactMobile, status: complaints.status, closedAt: complaints.closedAt })
    .from(complaints)
    .where(eq(complaints.customerId, customerId))
    .orderBy(desc(complaints.filedAt));
}
