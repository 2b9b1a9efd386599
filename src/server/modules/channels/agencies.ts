import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Agency, AgencyDetail, agencyCreate, agencyListQuery, agencyPeriodQuery, agencyUpdate } from '../../../common/contracts/agencies.ts';
import type { AgencyStatus } from '../../../common/channels.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import { containsPattern } from '../../db/like.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import { companyScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, versionConflict } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { assertCompanyVisible } from '../org/companies.ts';
import { companies } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { agencyPeriod, agencyStats, NO_STATS, type AgencyStats } from './agency-stats.ts';
import type { ChannelCtx } from './registrations.ts';
import { agencyBrokers, channelAgencies } from './tables.ts';

const ag = channelAgencies;
type AgencyRow = typeof ag.$inferSelect & { companyName: string };

export const NAME_TAKEN = { channel_agencies_company_name_key: ['AGENCY_NAME_TAKEN', '本公司已有同名机构'] } as const satisfies Parameters<typeof rethrowUnique>[1];
export const agencyNotFound = () => new AppError('AGENCY_NOT_FOUND', '机构不存在或无权查看');

// Agencies belong to a company: company staff see their company's, project staff their
// projects' company's (p.companyId), group staff all.
export function agencyScope(p: Principal): SQL | undefined {
  return companyScopeCondition(p, ag.companyId, p.companyId && p.projectIds.length ? [p.companyId] : []);
}

// The contact is a business contact: in full for those who manage channels, masked for readers.
function toAgency(row: AgencyRow, p: Principal, stats: AgencyStats): Agency {
  return {
    id: row.id, companyId: row.companyId, companyName: row.companyName, name: row.name, contactName: row.contactName,
    contactMobile: can(p, 'channels.manage') ? row.contactMobile : maskMobile(row.contactMobile), status: row.status as AgencyStatus, note: row.note,
    stats, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

const selectAgencies = (db: Db) => db.select({ a: ag, companyName: companies.name }).from(ag).innerJoin(companies, eq(companies.id, ag.companyId));

export async function listAgencies(db: Db, p: Principal, q: z.infer<typeof agencyListQuery>, now: Date) {
  const period = agencyPeriod(q, now);
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  const rows = await selectAgencies(db)
    .where(and(
      agencyScope(p),
      q.companyId ? eq(ag.companyId, q.companyId) : undefined,
      q.status ? eq(ag.status, q.status) : undefined,
      q.q ? ilike(ag.name, containsPattern(q.q)) : undefined,
      after ? sql`(${ag.name}, ${ag.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
    ))
    .orderBy(asc(ag.name), asc(ag.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (x) => [x.a.name, x.a.id]);
  const stats = await agencyStats(db, page.items.map((x) => x.a.id), period);
  return { items: page.items.map((x) => toAgency({ ...x.a, companyName: x.companyName }, p, stats.get(x.a.id) ?? NO_STATS)), nextCursor: page.nextCursor, from: period.from, to: period.to };
}

async function findAgency(db: Db, p: Principal, id: string, lock = false) {
  const query = selectAgencies(db).where(and(eq(ag.id, id), agencyScope(p)));
  const [row] = lock ? await query.for('update', { of: ag }) : await query;
  if (!row) throw agencyNotFound();
  return { ...row.a, companyName: row.companyName };
}

async function agencyBrokerList(db: Db, agencyId: string) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username, joinedAt: agencyBrokers.joinedAt })
    .from(agencyBrokers)
    .innerJoin(users, eq(users.id, agencyBrokers.brokerId))
    .where(eq(agencyBrokers.agencyId, agencyId))
    .orderBy(asc(agencyBrokers.joinedAt), asc(users.id));
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}

// One agency with its brokers and its counts for the period.
export async function getAgency(db: Db, p: Principal, id: string, q: z.infer<typeof agencyPeriodQuery>, now: Date): Promise<AgencyDetail> {
  const when = agencyPeriod(q, now);
  const row = await findAgency(db, p, id);
  const stats = await agencyStats(db, [id], when);
  return { ...toAgency(row, p, stats.get(id) ?? NO_STATS), brokers: await agencyBrokerList(db, id), from: when.from, to: when.to };
}

export async function createAgency(ctx: ChannelCtx, input: z.infer<typeof agencyCreate>): Promise<AgencyDetail> {
  const { companyId: chosen, ...fields } = input;
  const companyId = chosen ?? ctx.principal.companyId;
  if (!companyId) throw new AppError('VALIDATION_FAILED', '请选择机构合作的公司', [{ field: 'companyId', message: '请选择机构合作的公司' }]);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await assertCompanyVisible(tx, ctx.principal, companyId);
    await tx.insert(ag).values({ id, companyId, ...fields, status: 'active', createdAt: ctx.now, updatedAt: ctx.now }).catch((e) => rethrowUnique(e, NAME_TAKEN));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'channel_agency', entityId: id, entityLabel: fields.name, companyId, changes: diffChanges(null, { ...fields, status: 'active' }) });
  });
  return getAgency(ctx.db, ctx.principal, id, {}, ctx.now);
}

export async function updateAgency(ctx: ChannelCtx, id: string, input: z.infer<typeof agencyUpdate>): Promise<AgencyDetail> {
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const before = await findAgency(tx, ctx.principal, id, true);
    if (before.version !== version) throw versionConflict();
    await tx.update(ag).set({ ...fields, updatedAt: ctx.now, version: before.version + 1 }).where(eq(ag.id, id)).catch((e) => rethrowUnique(e, NAME_TAKEN));
    const old = { name: before.name, contactName: before.contactName, contactMobile: before.contactMobile, note: before.note };
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'channel_agency', entityId: id, entityLabel: fields.name ?? before.name, companyId: before.companyId, changes: diffChanges(old, { ...old, ...fields }) });
  });
  return getAgency(ctx.db, ctx.principal, id, {}, ctx.now);
}

// 暂停合作 stops the agency's brokers registering (running registrations keep their protection);
// 恢复合作 lets them register again.
export async function setAgencyStatus(ctx: ChannelCtx, id: string, status: AgencyStatus, version: number): Promise<AgencyDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await findAgency(tx, ctx.principal, id, true);
    if (before.version !== version) throw versionConflict();
    if (before.status === status) throw new AppError('INVALID_TRANSITION', status === 'suspended' ? '该机构已暂停合作' : '该机构正在合作中');
    await tx.update(ag).set({ status, updatedAt: ctx.now, version: before.version + 1 }).where(eq(ag.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update', entityType: 'channel_agency', entityId: id, entityLabel: `${before.name} ${status === 'suspended' ? '暂停合作' : '恢复合作'}`, companyId: before.companyId,
      changes: { status: { before: before.status, after: status } },
    });
  });
  return getAgency(ctx.db, ctx.principal, id, {}, ctx.now);
}

// For the membership service: the agency within the caller's scope (locked when about to change it).
export const requireAgency = (db: Db, p: Principal, id: string, forUpdate = false) => findAgency(db, p, id, forUpdate);
