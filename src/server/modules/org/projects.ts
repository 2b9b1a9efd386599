import { and, asc, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Project, ProjectStatus, projectCreate, projectListQuery, projectUpdate } from '../../../common/contracts/org.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import { pageFrom } from '../../platform/http/cursor.ts';
import { userProjects } from '../users/tables.ts';
import { assertCompanyVisible } from './companies.ts';
import { TAKEN, type OrgCtx } from './context.ts';
import { decodeKeyset } from '../../platform/http/cursor.ts';
import { containsPattern } from '../../db/like.ts';
import { companies, projects } from './tables.ts';

const columns = {
  id: projects.id,
  companyId: projects.companyId,
  companyName: companies.name,
  name: projects.name,
  code: projects.code,
  city: projects.city,
  address: projects.address,
  status: projects.status,
  version: projects.version,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  buildingCount: projects.buildingCount,
  unitCount: projects.unitCount,
};
type ProjectRow = { [K in keyof typeof columns]: unknown } & {
  id: string; companyId: string; companyName: string; name: string; code: string; city: string; address: string;
  status: string; version: number; createdAt: Date; updatedAt: Date; buildingCount: number; unitCount: number;
};

function toProject(r: ProjectRow): Project {
  return { ...r, status: r.status as ProjectStatus, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const scoped = (p: Principal) => projectScopeCondition(p, { companyId: projects.companyId, projectId: projects.id });

export async function listProjects(db: Db, p: Principal, q: z.infer<typeof projectListQuery>) {
  const byName = q.sort === 'name';
  const afterName = byName ? decodeKeyset(q.cursor, ['text', 'uuid']) : null;
  const afterId = byName ? null : decodeKeyset(q.cursor, ['uuid']);
  const keyset = afterName
    ? sql`(${projects.name}, ${projects.id}) > (${afterName[0]}, ${afterName[1]})`
    : afterId
      ? lt(projects.id, afterId[0])
      : undefined;
  const rows = (await db
    .select(columns)
    .from(projects)
    .innerJoin(companies, eq(companies.id, projects.companyId))
    .where(and(scoped(p), q.companyId ? eq(projects.companyId, q.companyId) : undefined, q.q ? or(ilike(projects.name, containsPattern(q.q)), ilike(projects.code, containsPattern(q.q))) : undefined, keyset))
    .orderBy(...(byName ? [asc(projects.name), asc(projects.id)] : [desc(projects.id)]))
    .limit(q.limit + 1)) as ProjectRow[];
  const page = pageFrom(rows, q.limit, (r) => (byName ? [r.name, r.id] : [r.id]));
  return { items: page.items.map(toProject), nextCursor: page.nextCursor };
}

async function findProject(db: Db, p: Principal, id: string) {
  const [row] = (await db.select(columns).from(projects).innerJoin(companies, eq(companies.id, projects.companyId)).where(and(eq(projects.id, id), scoped(p)))) as ProjectRow[];
  return row;
}

export async function getProject(db: Db, p: Principal, id: string): Promise<Project> {
  const row = await findProject(db, p, id);
  if (!row) throw notFound('项目');
  return toProject(row);
}

// For buildings and units: the project exists and is within the caller's scope.
export async function requireProject(db: Db, p: Principal, id: string) {
  const [row] = await db.select({ id: projects.id, companyId: projects.companyId, name: projects.name }).from(projects).where(and(eq(projects.id, id), scoped(p)));
  if (!row) throw notFound('项目');
  return row;
}

export async function createProject(ctx: OrgCtx, input: z.infer<typeof projectCreate>): Promise<Project> {
  return ctx.db.transaction(async (tx) => {
    await assertCompanyVisible(tx, ctx.principal, input.companyId);
    const row = { id: uuidv7(), ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    await tx.insert(projects).values(row).catch((e) => rethrowUnique(e, TAKEN));
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'project', entityId: row.id, entityLabel: row.name, companyId: row.companyId, changes: diffChanges(null, row) });
    return getProject(tx, ctx.principal, row.id);
  });
}

export async function updateProject(ctx: OrgCtx, id: string, input: z.infer<typeof projectUpdate>): Promise<Project> {
  return ctx.db.transaction(async (tx) => {
    const before = await findProject(tx, ctx.principal, id);
    if (!before) throw notFound('项目');
    const { version, ...changes } = input;
    const [after] = await tx
      .update(projects)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning()
      .catch((e) => rethrowUnique(e, TAKEN));
    if (!after) throw versionConflict();
    const { buildingCount: _b, unitCount: _u, companyName: _c, ...plainBefore } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'project', entityId: id, entityLabel: after.name, companyId: after.companyId, changes: diffChanges(plainBefore, after) });
    return getProject(tx, ctx.principal, id);
  });
}

export async function deleteProject(ctx: OrgCtx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findProject(tx, ctx.principal, id);
    if (!before) throw notFound('项目');
    if (before.version !== version) throw versionConflict();
    if (before.buildingCount > 0) throw new AppError('PROJECT_NOT_EMPTY', `该项目下还有 ${before.buildingCount} 栋楼，请先删除楼栋`);
    const [held] = await queryRows<{ teams: boolean; prospects: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM teams WHERE project_id = ${id}) AS teams, EXISTS (SELECT 1 FROM project_interests WHERE project_id = ${id}) OR EXISTS (SELECT 1 FROM customer_imports WHERE project_id = ${id}) AS prospects`,
    );
    if (held.teams) throw new AppError('PROJECT_NOT_EMPTY', '该项目下还有团队，请先调整团队');
    if (held.prospects) throw new AppError('PROJECT_NOT_EMPTY', '该项目下已有客户，不能删除');
    // Assignments to a deleted project go with it (the audit keeps who had it).
    await tx.delete(userProjects).where(eq(userProjects.projectId, id));
    await tx.delete(projects).where(eq(projects.id, id));
    const { buildingCount: _b, unitCount: _u, companyName: _c, ...plain } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'project', entityId: id, entityLabel: before.name, companyId: before.companyId, changes: diffChanges(plain, null) });
  });
}
