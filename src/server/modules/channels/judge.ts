import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RefusalReason } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { deals } from '../sales/tables.ts';
import type { Claim } from './appeal-rules.ts';
import { isProtecting, mobileKey, mobilesMatch, type MobileKey } from './rules.ts';
import { brokerRegistrations } from './tables.ts';

// One judgement at a time per project and mobile tail: the first valid registration wins even
// when two brokers press the button together (a transaction-scoped advisory lock).
export async function lockMobileForJudgement(db: Db, projectId: string, key: MobileKey) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${projectId}:${key.suffix}`}))`);
}

// The project's prospects whose customer has this mobile (by whole number, or by first three and
// last four digits when either side is partial).
async function prospectsOf(db: Db, projectId: string, key: MobileKey) {
  const rows = await db
    .select({ interestId: projectInterests.id, mobile: customers.mobile })
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .where(and(eq(projectInterests.projectId, projectId), eq(customers.mobileTail, key.suffix), sql`left(${customers.mobile}, 3) = ${key.prefix}`));
  return rows.filter((c) => mobilesMatch(key, mobileKey({ mobile: c.mobile })));
}

// The registrations that still protect this mobile at `now` (any broker), other than one.
export async function claimsOn(db: Db, projectId: string, key: MobileKey, now: Date, exceptRegistrationId?: string): Promise<Claim[]> {
  const live = await db
    .select()
    .from(brokerRegistrations)
    .where(and(eq(brokerRegistrations.projectId, projectId), eq(brokerRegistrations.mobileSuffix, key.suffix), inArray(brokerRegistrations.status, ['registered', 'visited', 'dealt'])));
  return live
    .filter((r) => r.id !== exceptRegistrationId)
    .filter((r) => mobilesMatch(key, { prefix: r.mobilePrefix, suffix: r.mobileSuffix, full: r.mobileFull }))
    .filter((r) => isProtecting({ status: r.status as 'registered', visitDueAt: r.visitDueAt, dealDueAt: r.dealDueAt }, now))
    .map((r) => ({ id: r.id, brokerId: r.brokerId, status: r.status as Claim['status'] }));
}

// The project's prospect with this mobile, if any, and whether it holds an active contract.
export async function projectProspectOf(db: Db, projectId: string, key: MobileKey): Promise<{ contracted: boolean } | null> {
  const prospects = await prospectsOf(db, projectId, key);
  if (prospects.length === 0) return null;
  const [signed] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(inArray(deals.interestId, prospects.map((p) => p.interestId)), eq(deals.status, 'active'), eq(deals.stage, 'contract')))
    .limit(1);
  return { contracted: Boolean(signed) };
}

// 判客: is this mobile already the project's customer, or under another broker's protection?
export async function judgeMobile(db: Db, projectId: string, key: MobileKey, brokerId: string | null, now: Date, exceptRegistrationId?: string): Promise<RefusalReason | null> {
  if ((await prospectsOf(db, projectId, key)).length > 0) return 'owned_by_project';
  const [claim] = await claimsOn(db, projectId, key, now, exceptRegistrationId);
  if (!claim) return null;
  return claim.brokerId === brokerId ? 'already_registered' : 'protected_by_other';
}
