import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Registration } from '../../../common/contracts/channels.ts';
import type { RegistrationStatus } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import { iso } from '../../platform/http/types.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { maskedMobile } from './rules.ts';
import { brokerRegistrations, registrationAppeals } from './tables.ts';

const r = brokerRegistrations;

export function selectRegistrations(db: Db) {
  return db
    .select({
      ...getTableColumns(r),
      projectName: projects.name,
      brokerName: users.displayName,
      pendingAppeal: sql<boolean>`EXISTS (SELECT 1 FROM ${registrationAppeals} a WHERE a.registration_id = ${r.id} AND a.status = 'pending')`,
    })
    .from(r)
    .innerJoin(projects, eq(projects.id, r.projectId))
    .innerJoin(users, eq(users.id, r.brokerId));
}
export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['execute']>>[number];

// Brokers see every mobile masked; the sales office sees the full one once the visit confirmed it.
export function toRegistration(row: RegistrationRow, audience: 'broker' | 'office'): Registration {
  const key = { prefix: row.mobilePrefix, suffix: row.mobileSuffix, full: row.mobileFull };
  return {
    id: row.id, projectId: row.projectId, projectName: row.projectName, broker: { id: row.brokerId, name: row.brokerName }, agency: row.agency, agencyId: row.agencyId, customerName: row.customerName,
    mobile: audience === 'office' && row.visitedAt && row.mobileFull ? row.mobileFull : maskedMobile(key), note: row.note, status: row.status as RegistrationStatus,
    registeredAt: row.registeredAt.toISOString(), visitDueAt: row.visitDueAt.toISOString(), visitedAt: iso(row.visitedAt), dealDueAt: iso(row.dealDueAt), dealtAt: iso(row.dealtAt),
    commissionEligible: row.commissionEligible, endReason: row.endReason, pendingAppeal: Boolean(row.pendingAppeal), version: row.version,
  };
}

export async function registrationById(db: Db, id: string, audience: 'broker' | 'office') {
  const [row] = await selectRegistrations(db).where(and(eq(r.id, id)));
  return row ? toRegistration(row, audience) : null;
}
