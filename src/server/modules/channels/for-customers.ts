import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { brokerRegistrations, registrationAppeals } from './tables.ts';

export const ERASED_NAME = '已删除客户';

// The channels module's door for the customers module. Erasing a person reaches the
// registrations brokers made for them — linked at the visit, or carrying their full mobile — and
// the appeals about those. The registration's status, dates and commission stay (statistics); the
// placeholder mobile starts with 000, which no real mobile does, so 判客 never matches it.
// Returns the ids of the records changed (for the audit redaction).
export async function anonymiseRegistrations(tx: Db, person: { id: string; name: string; mobile: string }, now: Date): Promise<string[]> {
  const regs = await tx
    .update(brokerRegistrations)
    .set({ customerName: ERASED_NAME, mobilePrefix: '000', mobileSuffix: '0000', mobileFull: null, note: '', updatedAt: now, version: sql`${brokerRegistrations.version} + 1` })
    .where(or(eq(brokerRegistrations.customerId, person.id), eq(brokerRegistrations.mobileFull, person.mobile)))
    .returning({ id: brokerRegistrations.id });
  if (regs.length === 0) return [];
  const ids = regs.map((r) => r.id);
  const appeals = await tx
    .update(registrationAppeals)
    .set({ reason: sql`replace(${registrationAppeals.reason}, ${person.name}, ${ERASED_NAME})`, decisionNote: sql`replace(${registrationAppeals.decisionNote}, ${person.name}, ${ERASED_NAME})` })
    .where(inArray(registrationAppeals.registrationId, ids))
    .returning({ id: registrationAppeals.id });
  return [...ids, ...appeals.map((a) => a.id)];
}
