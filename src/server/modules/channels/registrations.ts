import { and, desc, eq, lt, max, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { registrationCreate, registrationListQuery, visitConfirmBody } from '../../../common/contracts/channels.ts';
import { REFUSAL_REASON_LABELS, type RefusalReason } from '../../../common/channels.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition, canSeeProject } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { addInterest } from '../customers/create.ts';
import { interestOfMobile, markFirstVisit, setInterestAttribution } from '../customers/for-sales.ts';
import { findOrCreateCustomer } from '../customers/lookup.ts';
import { projects } from '../org/tables.ts';
import { agencyOfBroker } from './agency-brokers.ts';
import { takesOverProspect } from './appeal-rules.ts';
import { judgeMobile, lockMobileForJudgement } from './judge.ts';
import { registrationById, selectRegistrations, toRegistration } from './present.ts';
import { isProtecting, maskedMobile, mobileKey, mobilesMatch, windowEnd } from './rules.ts';
import { channelSettingsFor } from './settings.ts';
import { brokerRegistrations, registrationAppeals } from './tables.ts';

export type ChannelCtx = { db: Db; now: Date; actor: Actor; principal: Principal };
const r = brokerRegistrations;

function refused(reason: RefusalReason, registrationId: string) {
  return new AppError('REGISTRATION_REFUSED', REFUSAL_REASON_LABELS[reason], undefined, { reason, registrationId });
}

// 报备: judged by mobile at once. A refused registration is kept (status rejected, with the
// reason) so that the broker can appeal it; the answer is then 409 with the reason. A suspended
// agency's broker gets 409 AGENCY_SUSPENDED instead, and nothing is kept.
export async function createRegistration(ctx: ChannelCtx, input: z.infer<typeof registrationCreate>) {
  const p = ctx.principal;
  if (!p.projectIds.includes(input.projectId)) throw new AppError('VALIDATION_FAILED', '您未被授权报备该项目', [{ field: 'projectId', message: '您未被授权报备该项目' }]);
  const settings = await channelSettingsFor(ctx.db, input.projectId);
  if (settings.mobileMode === 'full' && !input.mobile) throw new AppError('VALIDATION_FAILED', '该项目须填写完整手机号', [{ field: 'mobile', message: '该项目须填写完整手机号' }]);
  const key = mobileKey(input);
  const id = uuidv7();
  const verdict = await ctx.db.transaction(async (tx) => {
    const [project] = await tx.select({ company_id: projects.companyId }).from(projects).where(eq(projects.id, input.projectId));
    // A broker of an agency registers under it (its name, not the typed text); a suspended agency's
    // brokers are refused outright, with nothing stored: there is nothing to appeal.
    const agency = await agencyOfBroker(tx, p.userId, true);
    const under = agency?.companyId === project.company_id ? agency : null;
    if (under?.status === 'suspended') throw new AppError('AGENCY_SUSPENDED', '所属机构已暂停合作，暂不能报备', undefined, { agencyId: under.id, agencyName: under.name });
    await lockMobileForJudgement(tx, input.projectId, key);
    const reason = await judgeMobile(tx, input.projectId, key, p.userId, ctx.now);
    await tx.insert(r).values({
      id, companyId: project.company_id, projectId: input.projectId, brokerId: p.userId, agency: under?.name ?? input.agency, agencyId: under?.id ?? null, customerName: input.customerName,
      mobilePrefix: key.prefix, mobileSuffix: key.suffix, mobileFull: key.full, note: input.note, status: reason ? 'rejected' : 'registered',
      registeredAt: ctx.now, visitDueAt: windowEnd(ctx.now, settings.visitDays), endedAt: reason ? ctx.now : null, endReason: reason ? REFUSAL_REASON_LABELS[reason] : '',
      createdAt: ctx.now, updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'create', entityType: 'broker_registration', entityId: id, entityLabel: `${input.customerName} ${maskedMobile(key)}${reason ? `（无效：${REFUSAL_REASON_LABELS[reason]}）` : ''}`, companyId: project.company_id,
      changes: diffChanges(null, { projectId: input.projectId, agency: under?.name ?? input.agency, customerName: input.customerName, mobile: maskedMobile(key), status: reason ? 'rejected' : 'registered' }),
    });
    return reason;
  });
  if (verdict) throw refused(verdict, id);
  const saved = await registrationById(ctx.db, id, 'broker');
  if (!saved) throw new Error('registration vanished');
  return saved;
}

function listWhere(q: z.infer<typeof registrationListQuery>, base: SQL | undefined): SQL | undefined {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  return and(
    base,
    q.projectId ? eq(r.projectId, q.projectId) : undefined,
    q.status ? eq(r.status, q.status) : undefined,
    after ? or(lt(r.registeredAt, new Date(after[0])), and(eq(r.registeredAt, new Date(after[0])), lt(r.id, after[1]))) : undefined,
  );
}

// A broker's own registrations; the sales office's are those of its projects.
export async function listRegistrations(db: Db, p: Principal, q: z.infer<typeof registrationListQuery>, audience: 'broker' | 'office') {
  const base = audience === 'broker' ? eq(r.brokerId, p.userId) : projectScopeCondition(p, r);
  const rows = await selectRegistrations(db).where(listWhere(q, base)).orderBy(desc(r.registeredAt), desc(r.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (x) => [x.registeredAt.toISOString(), x.id]);
  return { items: page.items.map((x) => toRegistration(x, audience)), nextCursor: page.nextCursor };
}

async function lockRegistration(tx: Db, p: Principal, id: string) {
  const [row] = await tx.select().from(r).where(eq(r.id, id)).for('update');
  if (!row || !canSeeProject(p, row)) throw new AppError('NOT_FOUND', '报备记录不存在');
  return row;
}

// 到访确认: the office takes the full mobile, which must agree with what the broker registered;
// the customer file and the project interest (channel broker) are made or linked, and the deal
// window starts. If the full mobile shows the person was already the project's, the registration
// is invalid.
export async function confirmVisit(ctx: ChannelCtx, id: string, body: z.infer<typeof visitConfirmBody>) {
  let refusal: RefusalReason | null = null;
  await ctx.db.transaction(async (tx) => {
    // The mobile's judgement lock first, then the row (the order appeal decisions take too).
    const [peek] = await tx.select({ projectId: r.projectId, suffix: r.mobileSuffix }).from(r).where(eq(r.id, id));
    if (peek) await lockMobileForJudgement(tx, peek.projectId, { prefix: '', suffix: peek.suffix, full: null });
    const row = await lockRegistration(tx, ctx.principal, id);
    if (row.version !== body.version) throw new AppError('VERSION_CONFLICT', '报备记录已被他人修改，请刷新后重试');
    if (row.status !== 'registered' || !isProtecting({ status: 'registered', visitDueAt: row.visitDueAt, dealDueAt: null }, ctx.now)) {
      throw new AppError('INVALID_TRANSITION', row.status === 'registered' ? '该报备已超过到访保护期' : '该报备不在待到访状态');
    }
    const key = mobileKey({ mobile: body.mobile });
    if (!mobilesMatch(key, { prefix: row.mobilePrefix, suffix: row.mobileSuffix, full: row.mobileFull })) {
      throw new AppError('VALIDATION_FAILED', '手机号与报备信息不符', [{ field: 'mobile', message: `手机号与报备的 ${row.mobilePrefix}****${row.mobileSuffix} 不符` }]);
    }
    refusal = await judgeMobile(tx, row.projectId, key, row.brokerId, ctx.now, row.id);
    if (refusal === 'already_registered') refusal = null; // the same broker's own earlier claim
    // Registered first, walked in later (the office recorded the person during the protection
    // window), or upheld on appeal after the person was recorded: the registration wins and takes
    // over that prospect (appeal-rules.ts takesOverProspect).
    const walkIn = refusal === 'owned_by_project' ? await interestOfMobile(tx, row.projectId, body.mobile) : null;
    if (walkIn && takesOverProspect({ registeredAt: row.registeredAt, upheldAt: await upheldAt(tx, row.id) }, walkIn.createdAt)) refusal = null;
    if (refusal) {
      await tx.update(r).set({ status: 'rejected', endedAt: ctx.now, endReason: REFUSAL_REASON_LABELS[refusal], updatedAt: ctx.now, version: row.version + 1 }).where(eq(r.id, id));
      await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'broker_registration', entityId: id, entityLabel: `到访时判定无效：${REFUSAL_REASON_LABELS[refusal]}`, companyId: row.companyId, changes: { status: { before: row.status, after: 'rejected' } } });
      return;
    }
    const settings = await channelSettingsFor(tx, row.projectId);
    const customer = walkIn ? { id: walkIn.customerId } : await findOrCreateCustomer(tx, { name: row.customerName, mobile: body.mobile, sourceChannel: 'broker', createdBy: ctx.principal.userId }, ctx.now);
    const interest = walkIn ? { id: walkIn.id } : await addInterest({ ...ctx, db: tx }, customer.id, { projectId: row.projectId, channel: 'broker', grade: 'B' });
    if (walkIn) await setInterestAttribution(tx, walkIn.id, { channel: 'broker' }, ctx.now);
    await markFirstVisit(tx, interest.id, ctx.now);
    await tx.update(r).set({
      status: 'visited', visitedAt: ctx.now, visitConfirmedBy: ctx.principal.userId, mobileFull: body.mobile, customerId: customer.id, interestId: interest.id,
      dealDueAt: windowEnd(ctx.now, settings.dealDays), updatedAt: ctx.now, version: row.version + 1,
    }).where(eq(r.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'broker_registration', entityId: id, entityLabel: `到访确认 ${row.customerName}`, companyId: row.companyId, changes: { status: { before: row.status, after: 'visited' } } });
  });
  if (refusal) throw refused(refusal, id);
  const saved = await registrationById(ctx.db, id, 'office');
  if (!saved) throw new Error('registration vanished');
  return saved;
}

// When a manager last upheld an appeal of this registration, if ever.
async function upheldAt(tx: Db, registrationId: string): Promise<Date | null> {
  const [row] = await tx.select({ at: max(registrationAppeals.decidedAt) }).from(registrationAppeals).where(and(eq(registrationAppeals.registrationId, registrationId), eq(registrationAppeals.status, 'approved')));
  return row?.at ?? null;
}

// Registrations whose window has passed stop protecting their customer (hourly job).
export async function expireRegistrations(db: Db, now: Date): Promise<number> {
  const t = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .update(r)
    .set({ status: 'expired', endedAt: now, endReason: sql`CASE WHEN ${r.status} = 'registered' THEN '超过到访保护期未到访' ELSE '超过成交保护期未成交' END`, updatedAt: now, version: sql`${r.version} + 1` })
    .where(or(and(eq(r.status, 'registered'), sql`${r.visitDueAt} <= ${t}`), and(eq(r.status, 'visited'), sql`${r.dealDueAt} <= ${t}`)))
    .returning({ id: r.id });
  return rows.length;
}

