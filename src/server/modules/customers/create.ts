import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Customer, customerCreate, interestCreate } from '../../../common/contracts/customers.ts';
import type { Stage } from '../../../common/customers.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { can, type Actor, type Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { requireProject } from '../org/projects.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { requireOwner } from './owners.ts';
import { maskName, mobileFor } from './present.ts';
import { selectInterests, recordEvents } from './queries.ts';
import { nameSearchKeys, nextFollowUpDue } from './rules.ts';
import { poolScope, prospectScope } from './scope.ts';
import { salesSettingsFor } from './settings.ts';
import { customerConsents, customers, projectInterests } from './tables.ts';
import { checkCustomerTags } from './tags.ts';
import { getCustomer } from './read.ts';

export type Ctx = { db: Db; now: Date; actor: Actor; principal: Principal };

// Personal identifiers never enter the audit log in clear.
export function auditSafe<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  if (typeof out.mobile === 'string') out.mobile = maskMobile(out.mobile);
  if (typeof out.idNumber === 'string') out.idNumber = '已加密';
  delete out.mobileTail;
  delete out.namePinyin;
  delete out.nameInitials;
  return out as T;
}

// Who owns a new prospect: the caller, or someone a manager names.
async function ownerFor(ctx: Ctx, ownerId: string | undefined, projectId: string) {
  const id = ownerId ?? ctx.principal.userId;
  if (id !== ctx.principal.userId && !can(ctx.principal, 'customers.assign')) throw forbidden('只有销售经理可以把客户分配给他人');
  return requireOwner(ctx.db, id, projectId);
}

async function newInterest(ctx: Ctx, tx: Db, input: { customerId: string; project: { id: string; companyId: string }; owner: { id: string; name: string; teamId: string | null }; channel: string; grade: 'A' | 'B' | 'C'; stage: Stage }) {
  const settings = await salesSettingsFor(tx, input.project.id);
  const row = {
    id: uuidv7(),
    companyId: input.project.companyId,
    projectId: input.project.id,
    customerId: input.customerId,
    ownerId: input.owner.id,
    ownerTeamId: input.owner.teamId,
    channel: input.channel,
    stage: input.stage,
    grade: input.grade,
    assignedAt: ctx.now,
    nextFollowUpAt: nextFollowUpDue(ctx.now, input.grade, settings),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await tx.insert(projectInterests).values(row);
  await recordEvents(tx, ctx.actor, ctx.now, [
    { companyId: row.companyId, interestId: row.id, customerId: row.customerId, type: 'created', to: input.stage },
    { companyId: row.companyId, interestId: row.id, customerId: row.customerId, type: 'owner', from: null, to: input.owner.name, reason: '新建客户' },
  ]);
  return row;
}

// 判重: the mobile is unique in the group. The database's unique index decides (so two
// simultaneous creates make one person); the loser is told who holds the customer — as far as
// their scope allows. In a project they work on (in scope) they see the project, the owner and the
// stage, and whether they can open the record (`visible`: the prospect is in their data scope); a
// project outside their scope is only said to exist, masked, without names.
async function customerExists(db: Db, p: Principal, mobile: string): Promise<AppError> {
  const [c] = await db.select({ id: customers.id, name: customers.name, mobile: customers.mobile }).from(customers).where(and(eq(customers.mobile, mobile), isNull(customers.erasedAt)));
  if (!c) return new AppError('CONFLICT', '该手机号正在被登记，请稍后重试');
  const inScope = (cond: SQL | undefined) => (cond ? sql<boolean>`coalesce((${cond}), false)` : sql<boolean>`true`);
  const interests = await db
    .select({ ownerId: projectInterests.ownerId, projectId: projectInterests.projectId, projectName: projects.name, ownerName: users.displayName, inPool: projectInterests.inPool, stage: projectInterests.stage, visible: inScope(prospectScope(p)), inProjectScope: inScope(poolScope(p)) })
    .from(projectInterests)
    .innerJoin(projects, eq(projects.id, projectInterests.projectId))
    .leftJoin(users, eq(users.id, projectInterests.ownerId))
    .where(eq(projectInterests.customerId, c.id))
    .orderBy(asc(projectInterests.createdAt), asc(projectInterests.id));
  const entries = interests.map((i) =>
    i.visible || i.inProjectScope
      ? { projectId: i.projectId, projectName: i.projectName, ownerName: i.inPool ? null : i.ownerName, stage: i.stage as Stage, masked: false, visible: i.visible }
      : { projectId: null, projectName: null, ownerName: null, stage: null, masked: true, visible: false },
  );
  const anyInScope = entries.some((e) => !e.masked);
  const name = anyInScope ? c.name : maskName(c.name);
  const existing = { customerId: c.id, name, mobile: mobileFor(p, c.mobile, interests.map((i) => i.ownerId)).mobile, interests: entries };
  const shown = entries.filter((e) => !e.masked).map((e) => `${e.projectName}（${e.ownerName ?? '公客池'}）`);
  const elsewhere = entries.length - shown.length;
  const where = [...shown, ...(elsewhere ? [`另有 ${elsewhere} 个您范围外的项目`] : [])].join('、');
  return new AppError('CUSTOMER_EXISTS', `该手机号已登记：${name}${where ? `，${where}` : ''}`, undefined, { existing });
}

export async function createCustomer(ctx: Ctx, input: z.infer<typeof customerCreate>): Promise<Customer> {
  const project = await requireProject(ctx.db, ctx.principal, input.projectId);
  const owner = await ownerFor(ctx, input.ownerId, project.id);
  await checkCustomerTags(ctx.db, input.tags);
  const { projectId: _p, grade, stage, ownerId: _o, consent, ...profile } = input;
  const keys = nameSearchKeys(profile.name);
  const row = { id: uuidv7(), ...profile, namePinyin: keys.pinyin, nameInitials: keys.initials, mobileTail: profile.mobile.slice(-4), createdBy: ctx.principal.userId, createdAt: ctx.now, updatedAt: ctx.now };
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(customers).values(row);
      await newInterest(ctx, tx, { customerId: row.id, project, owner, channel: profile.sourceChannel, grade, stage });
      if (consent) {
        await tx.insert(customerConsents).values(consent.purposes.map((purpose) => ({ id: uuidv7(), customerId: row.id, purpose, channel: consent.channel, grantedAt: ctx.now, recordedBy: ctx.principal.userId })));
      }
      await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'customer', entityId: row.id, entityLabel: row.name, companyId: project.companyId, changes: diffChanges(null, auditSafe({ ...row, projectId: project.id, grade, stage, ownerId: owner.id })) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw await customerExists(ctx.db, ctx.principal, profile.mobile);
    throw err;
  }
  return getCustomer(ctx.db, ctx.principal, row.id);
}

// Register an existing customer's interest in another project (the UI's 登记到本项目).
export async function addInterest(ctx: Ctx, customerId: string, input: z.infer<typeof interestCreate>) {
  const project = await requireProject(ctx.db, ctx.principal, input.projectId);
  const owner = await ownerFor(ctx, input.ownerId, project.id);
  const [c] = await ctx.db.select({ id: customers.id, name: customers.name, erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, customerId));
  if (!c) throw notFound('客户');
  if (c.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除，不能再登记');
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const created = await newInterest(ctx, tx, { customerId, project, owner, channel: input.channel, grade: input.grade, stage: 'potential' });
      await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'project_interest', entityId: created.id, entityLabel: `${c.name} · ${project.name}`, companyId: project.companyId, changes: diffChanges(null, { projectId: project.id, ownerId: owner.id, channel: input.channel, grade: input.grade }) });
      return created;
    });
    const [full] = await selectInterests(ctx.db).where(eq(projectInterests.id, row.id));
    return full;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('INTEREST_EXISTS', `该客户已登记在 ${project.name}`);
    throw err;
  }
}
