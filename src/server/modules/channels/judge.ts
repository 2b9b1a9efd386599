import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RefusalReason } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { isProtecting, mobileKey, mobilesMatch, type MobileKey } from './rules.ts';
import { brokerRegistrations } from './tables.ts';

// One judgement at a time per project and mobile tail: the first valid registration wins even
// when two brokers press the button together (a transaction-scoped advisory lock).
export async function lockMobileForJudgement(db: Db, projectId: string, key: MobileKey) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${projectId}:${key.suffix}`}))`);
}

// 判客: is this mobile already the project's customer, or under another broker's protection?
export async function judgeMobile(db: Db, projectId: string, key: MobileKey, brokerId: string | null, now: Date, exceptRegistrationId?: string): Promise<RefusalReason | null> {
  const known = await db
    .select({ mobile: customers.mobile })
    .from(projectInterests)
    .innerJoin(customers, eq(customers.id, projectInterests.customerId))
    .where(and(eq(projectInterests.projectId, projectId), eq(customers.mobileTail, key.suffix), sql`left(${customers.mobile}, 3) = ${key.prefix}`));
  if (known.some((c) => mobilesMatch(key, mobileKey({ mobile: c.mobile })))) return 'owned_by_project';
  const live = await db
    .select()
    .from(brokerRegistrations)
    .where(and(eq(brokerRegistrations.projectId, projectId), eq(brokerRegistrations.mobileSuffix, key.suffix), inArray(brokerRegistrations.status, ['registered', 'visited', 'dealt'])));
  for (const r of live) {
    if (r.id === exceptRegistrationId) continue;
    if (!mobilesMatch(key, { prefix: r.mobilePrefix, suffix: r.mobileSuffix, full: r.mobileFull })) continue;
    if (!isProtecting({ status: r.status as 'registered', visitDueAt: r.visitDueAt, dealDueAt: r.dealDueAt }, now)) continue;
    return r.brokerId === brokerId ? 'already_registered' : 'protected_by_other';
  }
  return null;
}
