import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { User } from '../../../common/contracts/users.ts';
import type { userCreate, userListQuery, userUpdate } from '../../../common/contracts/users.ts';
import type { DataScope, Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { rethrowUnique } from '../../db/errors.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { deleteUserSessions } from '../../platform/auth/sessions.ts';
import { AppError, forbidden, notFound, versionConflict, type FieldError } from '../../platform/errors/app-error.ts';
import { pageFrom } from '../../platform/http/cursor.ts';
import { decodeKeyset } from '../../platform/http/cursor.ts';
import { iso } from '../../platform/http/types.ts';
import { containsPattern } from '../../db/like.ts';
import { findUserById, namesFor, projectIdsOf, projectsByIds, replaceUserProjects, teamInCompany, type UserRow } from './repo.ts';
import { userProjects, users } from './tables.ts';

type Ctx = { db: Db; now: Date; actor: Actor };

// Which users a reader may see: by their data scope, like every other record.
function userScopeCondition(p: Principal): SQL | undefined {
  switch (p.scope) {
    case 'group':
      return undefined;
    case 'company':
      return p.companyId ? eq(users.companyId, p.companyId) : eq(users.id, p.userId);
    case 'team':
      return p.teamId ? or(eq(users.teamId, p.teamId), eq(users.id, p.userId)) : eq(users.id, p.userId);
    case 'project':
      return p.projectIds.length
        ? or(eq(users.id, p.userId), inArray(users.id, sql`(SELECT user_id FROM user_projects WHERE project_id IN ${p.projectIds})`))
        : eq(users.id, p.userId);
    case 'own':
      return eq(users.id, p.userId);
  }
}

async function toUsers(db: Db, rows: UserRow[]): Promise<User[]> {
  const names = await namesFor(
    db,
    rows.map((r) => r.id),
    [...new Set(rows.map((r) => r.companyId).filter((x): x is string => !!x))],
    [...new Set(rows.map((r) => r.teamId).filter((x): x is string => !!x))],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    email: r.email,
    role: r.role as Role,
    scope: r.scope as DataScope,
    company: r.companyId ? { id: r.companyId, name: names.company.get(r.companyId) ?? '' } : null,
    team: r.teamId ? { id: r.teamId, name: names.team.get(r.teamId) ?? '' } : null,
    projects: names.projectsByUser.get(r.id) ?? [],
    active: r.active,
    lockedUntil: iso(r.lockedUntil),
    lastLoginAt: iso(r.lastLoginAt),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listUsers(db: Db, p: Principal, q: z.infer<typeof userListQuery>) {
  const after = decodeKeyset(q.cursor, ['text']);
  const where = and(
    userScopeCondition(p),
    q.role ? eq(users.role, q.role) : undefined,
    q.companyId ? eq(users.companyId, q.companyId) : undefined,
    q.q ? or(ilike(users.username, containsPattern(q.q)), ilike(users.displayName, containsPattern(q.q))) : undefined,
    after ? gt(users.username, after[0]) : undefined,
  );
  const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.username]);
  return { items: await toUsers(db, page.items), nextCursor: page.nextCursor };
}

export async function getUser(db: Db, p: Principal, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), userScopeCondition(p)));
  if (!row) throw notFound('用户');
  return (await toUsers(db, [row]))[0];
}

type Assignment = { role: Role; scope: DataScope; companyId: string | null; teamId: string | null; projectIds: string[] };

// The assignment must be coherent: a scope needs the organisation it refers to, and teams and
// projects must belong to the user's company.
async function checkAssignment(db: Db, a: Assignment) {
  const errors: FieldError[] = [];
  if (a.scope === 'company' && !a.companyId) errors.push({ field: 'companyId', message: '数据范围为“本公司”时须选择所属公司' });
  if (a.scope === 'team' && !a.teamId) errors.push({ field: 'teamId', message: '数据范围为“本团队”时须选择所属团队' });
  if (a.scope === 'project' && a.projectIds.length === 0) errors.push({ field: 'projectIds', message: '数据范围为“所属项目”时须至少选择一个项目' });
  if (a.teamId && !(await teamInCompany(db, a.teamId, a.companyId))) errors.push({ field: 'teamId', message: '团队不存在或不属于所选公司' });
  const found = await projectsByIds(db, [...new Set(a.projectIds)]);
  if (found.length !== new Set(a.projectIds).size) errors.push({ field: 'projectIds', message: '所选项目不存在' });
  else if (a.companyId && found.some((p) => p.companyId !== a.companyId)) errors.push({ field: 'projectIds', message: '所选项目须属于所选公司' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), errors);
  return found;
}

const USERNAME_TAKEN = { users_username_key: ['USERNAME_TAKEN', '用户名已被使用'] as ['USERNAME_TAKEN', string] };

export async function createUser(ctx: Ctx, input: z.infer<typeof userCreate>): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const projectRows = await checkAssignment(tx, input);
    const row = {
      id: uuidv7(),
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      passwordHash,
      role: input.role,
      scope: input.scope,
      companyId: input.companyId,
      teamId: input.teamId,
      active: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const [created] = await tx.insert(users).values(row).returning().catch((e) => rethrowUnique(e, USERNAME_TAKEN));
    await replaceUserProjects(tx, created.id, projectRows);
    const { passwordHash: _omit, ...audited } = row;
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'create',
      entityType: 'user',
      entityId: created.id,
      entityLabel: `${created.displayName}（${created.username}）`,
      companyId: created.companyId,
      changes: diffChanges(null, { ...audited, projectIds: input.projectIds }),
    });
    return (await toUsers(tx, [created]))[0];
  });
}

export async function updateUser(ctx: Ctx, p: Principal, id: string, input: z.infer<typeof userUpdate>): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('用户');
    if (before.version !== input.version) throw versionConflict();
    if (id === p.userId && ((input.active ?? true) === false || (input.role && input.role !== before.role))) {
      throw forbidden('不能停用自己的账号或修改自己的角色');
    }
    const beforeProjects = await projectIdsOf(tx, id);
    const next: Assignment = {
      role: input.role ?? (before.role as Role),
      scope: input.scope ?? (before.scope as DataScope),
      companyId: input.companyId !== undefined ? input.companyId : before.companyId,
      teamId: input.teamId !== undefined ? input.teamId : before.teamId,
      projectIds: input.projectIds ?? beforeProjects,
    };
    const projectRows = await checkAssignment(tx, next);
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        email: input.email ?? before.email,
        role: next.role,
        scope: next.scope,
        companyId: next.companyId,
        teamId: next.teamId,
        active: input.active ?? before.active,
        // Re-enabling an account also lifts a login lock.
        lockedUntil: input.active === true ? null : before.lockedUntil,
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    if (input.projectIds) await replaceUserProjects(tx, id, projectRows);
    const afterProjects = input.projectIds ? [...new Set(input.projectIds)].sort() : beforeProjects;
    // A change of who someone is or what they may see takes effect now: end their sessions.
    const accessChanged =
      after.role !== before.role || after.scope !== before.scope || after.companyId !== before.companyId ||
      after.teamId !== before.teamId || !after.active || afterProjects.join() !== beforeProjects.join();
    if (accessChanged && id !== p.userId) await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      entityLabel: `${after.displayName}（${after.username}）`,
      companyId: after.companyId,
      changes: diffChanges({ ...before, projectIds: beforeProjects }, { ...after, projectIds: afterProjects }),
    });
    return (await toUsers(tx, [after]))[0];
  });
}

export async function resetPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash, lockedUntil: null, updatedAt: ctx.now, version: sql`${users.version} + 1` }).where(eq(users.id, id)).returning();
    if (!row) throw notFound('用户');
    await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'password.reset', entityType: 'user', entityId: id, entityLabel: `${row.displayName}（${row.username}）`, companyId: row.companyId });
  });
}

export async function countUserProjects(db: Db, projectId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(userProjects).where(eq(userProjects.projectId, projectId));
  return r.n;
}
