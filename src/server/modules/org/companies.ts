import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Company, companyCreate, companyUpdate, Group, groupUpdate } from '../../../common/contracts/org.ts';
import type { listQuery } from '../../../common/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import { queryRows } from '../../db/raw.ts';
import { companyScopeCondition } from '../../platform/access/scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { pageFrom } from '../../platform/http/cursor.ts';
import { TAKEN, type OrgCtx } from './context.ts';
import { decodeKeyset } from '../../platform/http/cursor.ts';
import { companies, orgGroups, projects } from './tables.ts';

type CompanyRow = typeof companies.$inferSelect;

// The outer column is named in full: drizzle renders `${companies.id}` as a bare "id" in a
// single-table select, which inside the subquery would mean p.id (and count nothing).
const projectCount = sql<number>`(SELECT count(*)::int FROM projects p WHERE p.company_id = "companies"."id")`;

function toCompany(r: CompanyRow & { projectCount: number }): Company {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

type GroupRow = typeof orgGroups.$inferSelect;
const toGroup = (g: Pick<GroupRow, 'id' | 'name' | 'version' | 'updatedAt'>): Group => ({ id: g.id, name: g.name, version: g.version, updatedAt: g.updatedAt.toISOString() });

// The one group at the top of the organisation (the first created, should there be more).
async function findGroup(db: Db, forUpdate = false): Promise<GroupRow> {
  const query = db.select().from(orgGroups).orderBy(asc(orgGroups.createdAt), asc(orgGroups.id)).limit(1);
  const [g] = forUpdate ? await query.for('update') : await query;
  if (!g) throw new AppError('NOT_FOUND', '尚未建立集团');
  return g;
}

export async function getGroup(db: Db): Promise<Group> {
  return toGroup(await findGroup(db));
}

// Renames the group. The org_groups trigger (migration 0021) notifies every instance's org cache
// at commit, as for companies and projects.
export async function updateGroup(ctx: OrgCtx, input: z.infer<typeof groupUpdate>): Promise<Group> {
  return ctx.db.transaction(async (tx) => {
    const before = await findGroup(tx, true);
    if (before.version !== input.version) throw versionConflict();
    const [after] = await tx
      .update(orgGroups)
      .set({ name: input.name, version: input.version + 1, updatedAt: ctx.now })
      .where(and(eq(orgGroups.id, before.id), eq(orgGroups.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'group', entityId: after.id, entityLabel: after.name, companyId: null, changes: diffChanges(before, after) });
    return toGroup(after);
  });
}

async function scopeCondition(db: Db, p: Principal) {
  const projectCompanyIds = p.projectIds.length
    ? (await db.selectDistinct({ id: projects.companyId }).from(projects).where(sql`${projects.id} IN ${p.projectIds}`)).map((r) => r.id)
    : [];
  return companyScopeCondition(p, companies.id, projectCompanyIds);
}

export async function listCompanies(db: Db, p: Principal, q: z.infer<typeof listQuery>) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select({ ...getColumns(), projectCount })
    .from(companies)
    .where(and(await scopeCondition(db, p), after ? sql`(${companies.name}, ${companies.id}) > (${after[0]}, ${after[1]})` : undefined))
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toCompany), nextCursor: page.nextCursor };
}

function getColumns() {
  const { id, groupId, name, city, code, version, createdAt, updatedAt } = companies;
  return { id, groupId, name, city, code, version, createdAt, updatedAt };
}

async function findCompany(db: Db, id: string) {
  const [row] = await db.select({ ...getColumns(), projectCount }).from(companies).where(eq(companies.id, id));
  return row;
}

export async function createCompany(ctx: OrgCtx, input: z.infer<typeof companyCreate>): Promise<Company> {
  return ctx.db.transaction(async (tx) => {
    const group = await getGroup(tx);
    const row = { id: uuidv7(), groupId: group.id, ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    await tx.insert(companies).values(row).catch((e) => rethrowUnique(e, TAKEN));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'company', entityId: row.id, entityLabel: row.name, companyId: row.id, changes: diffChanges(null, row) });
    return toCompany({ ...row, projectCount: 0 });
  });
}

export async function updateCompany(ctx: OrgCtx, id: string, input: z.infer<typeof companyUpdate>): Promise<Company> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCompany(tx, id);
    if (!before) throw notFound('公司');
    const { version, ...changes } = input;
    const [after] = await tx
      .update(companies)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(companies.id, id), eq(companies.version, version)))
      .returning()
      .catch((e) => rethrowUnique(e, TAKEN));
    if (!after) throw versionConflict();
    const { projectCount: n, ...plain } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'company', entityId: id, entityLabel: after.name, companyId: id, changes: diffChanges(plain, after) });
    return toCompany({ ...after, projectCount: n });
  });
}

export async function deleteCompany(ctx: OrgCtx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findCompany(tx, id);
    if (!before) throw notFound('公司');
    if (before.version !== version) throw versionConflict();
    if (before.projectCount > 0) throw new AppError('COMPANY_NOT_EMPTY', `该公司下还有 ${before.projectCount} 个项目，请先删除或移交项目`);
    const [{ people, teams }] = await queryRows<{ people: number; teams: number }>(
      tx,
      sql`SELECT (SELECT count(*)::int FROM users WHERE company_id = ${id}) AS people, (SELECT count(*)::int FROM teams WHERE company_id = ${id}) AS teams`,
    );
    if (people > 0 || teams > 0) throw new AppError('COMPANY_NOT_EMPTY', `该公司下还有 ${people} 名用户、${teams} 个团队，请先调整或删除`);
    await tx.delete(companies).where(eq(companies.id, id));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'company', entityId: id, entityLabel: before.name, companyId: id, changes: diffChanges({ ...before, projectCount: undefined }, null) });
  });
}

// Guard for other services: the company exists and the caller's scope reaches it.
export async function assertCompanyVisible(db: Db, p: Principal, id: string) {
  const [row] = await db.select({ id: companies.id }).from(companies).where(and(eq(companies.id, id), await scopeCondition(db, p)));
  if (!row) throw new AppError('VALIDATION_FAILED', '所属公司不存在或无权操作', [{ field: 'companyId', message: '所属公司不存在或无权操作' }]);
}

