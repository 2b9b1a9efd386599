import { and, asc, eq } from 'drizzle-orm';
import type { AgencyStatus } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { users } from '../users/tables.ts';
import { getAgency, requireAgency } from './agencies.ts';
import type { ChannelCtx } from './registrations.ts';
import { agencyBrokers, channelAgencies } from './tables.ts';

const ab = agencyBrokers;
const invalidBroker = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'brokerId', message }]);

// The company's broker users (active), each with the agency they belong to, for 「添加经纪人」.
export async function brokerCandidates(db: Db, p: Principal, agencyId: string) {
  const agency = await requireAgency(db, p, agencyId);
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username, agencyId: channelAgencies.id, agencyName: channelAgencies.name })
    .from(users)
    .leftJoin(ab, eq(ab.brokerId, users.id))
    .leftJoin(channelAgencies, eq(channelAgencies.id, ab.agencyId))
    .where(and(eq(users.companyId, agency.companyId), eq(users.role, 'channel_broker'), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(500);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, username: r.username, agency: r.agencyId ? { id: r.agencyId, name: r.agencyName ?? '' } : null })) };
}

// A broker joins an agency: a channel_broker user of the agency's company, in no other agency.
export async function addAgencyBroker(ctx: ChannelCtx, agencyId: string, brokerId: string) {
  await ctx.db.transaction(async (tx) => {
    const agency = await requireAgency(tx, ctx.principal, agencyId, true);
    const [broker] = await tx.select({ id: users.id, name: users.displayName, role: users.role, companyId: users.companyId, active: users.active }).from(users).where(eq(users.id, brokerId));
    if (!broker || broker.companyId !== agency.companyId || broker.role !== 'channel_broker') throw invalidBroker('请选择本公司的渠道经纪人');
    if (!broker.active) throw invalidBroker('该经纪人账号已停用');
    const [current] = await tx.select({ agencyId: ab.agencyId, name: channelAgencies.name }).from(ab).innerJoin(channelAgencies, eq(channelAgencies.id, ab.agencyId)).where(eq(ab.brokerId, brokerId));
    if (current) throw new AppError('BROKER_IN_AGENCY', current.agencyId === agencyId ? `${broker.name} 已在本机构` : `${broker.name} 已属于机构「${current.name}」，请先将其移出`);
    await tx.insert(ab).values({ brokerId, agencyId, companyId: agency.companyId, joinedAt: ctx.now }).catch((e) => {
      throw isUniqueViolation(e) ? new AppError('BROKER_IN_AGENCY', `${broker.name} 已属于其他机构`) : e;
    });
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'channel_agency', entityId: agencyId, entityLabel: `${agency.name} 加入经纪人 ${broker.name}`, companyId: agency.companyId,
      changes: { broker: { before: null, after: broker.name } },
    });
  });
  return getAgency(ctx.db, ctx.principal, agencyId, {}, ctx.now);
}

// Leaving keeps the broker's earlier registrations with the agency; new ones are independent.
export async function removeAgencyBroker(ctx: ChannelCtx, agencyId: string, brokerId: string) {
  await ctx.db.transaction(async (tx) => {
    const agency = await requireAgency(tx, ctx.principal, agencyId, true);
    const [gone] = await tx.delete(ab).where(and(eq(ab.agencyId, agencyId), eq(ab.brokerId, brokerId))).returning({ brokerId: ab.brokerId });
    if (!gone) throw new AppError('NOT_FOUND', '该经纪人不在本机构');
    const [broker] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, brokerId));
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'channel_agency', entityId: agencyId, entityLabel: `${agency.name} 移出经纪人 ${broker?.name ?? ''}`, companyId: agency.companyId,
      changes: { broker: { before: broker?.name ?? brokerId, after: null } },
    });
  });
  return getAgency(ctx.db, ctx.principal, agencyId, {}, ctx.now);
}

export type BrokerAgency = { id: string; name: string; status: AgencyStatus; companyId: string };

// The agency a broker registers under. Within a registration's transaction the row is locked
// (FOR SHARE) so that a suspension waits for the registration, or the registration sees it.
export async function agencyOfBroker(db: Db, brokerId: string, lock = false): Promise<BrokerAgency | null> {
  const query = db
    .select({ id: channelAgencies.id, name: channelAgencies.name, status: channelAgencies.status, companyId: channelAgencies.companyId })
    .from(ab)
    .innerJoin(channelAgencies, eq(channelAgencies.id, ab.agencyId))
    .where(eq(ab.brokerId, brokerId));
  const [row] = lock ? await query.for('share', { of: channelAgencies }) : await query;
  return row ? { ...row, status: row.status as AgencyStatus } : null;
}
