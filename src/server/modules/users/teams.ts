import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Team, teamCreate, teamUpdate } from '../../../common/contracts/users.ts';
import type { listQuery } from '../../../common/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition, scopeFilter } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors/app-error.ts';
import { pageFrom } from '../../platform/http/cursor.ts';
import { decodeKeyset } from '../../platform/http/cursor.ts';
import { companies, projects } from '../org/tables.ts';
import { teams, users } from './tables.ts';

type Ctx = { db: Db; now: Date; actor: Actor; principal: Principal };

const columns = {
  id: teams.id,
  companyId: teams.companyId,
  companyName: companies.name,
  projectId: teams.projectId,
  projectName: projects.name,
  name: teams.name,
  leaderId: teams.leaderId,
  leaderName: users.displayName,
  version: teams.version,
  memberCount: sql<number>`(SELECT count(*)::int FROM users m WHERE m.team_id = ${teams.id})`,
};

function scoped(p: Principal) {
  const f = scopeFilter(p);
  if (f.all) return undefined;
  if (p.scope === 'team') return p.teamId ? eq(teams.id, p.teamId) : sql`false`;
  return projectScopeCondition(p, { companyId: teams.companyId, projectId: teams.projectId });
}

function select(db: Db) {
  return db.select(columns).from(teams).innerJoin(companies, eq(companies.id, teams.companyId)).leftJoin(projects, eq(projects.id, teams.projectId)).leftJoin(users, eq(users.id, teams.leaderId));
}
type TeamRow = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

function toTeam(r: TeamRow): Team {
  const { leaderId, leaderName, ...rest } = r;
  return { ...rest, leader: leaderId ? { id: leaderId, name: leaderName ?? '' } : null };
}

export async function listTeams(db: Db, p: Principal, q: z.infer<typeof listQuery> & { companyId?: string }) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid']);
  const rows = await select(db)
    .where(and(scoped(p), q.companyId ? eq(teams.companyId, q.companyId) : undefined, after ? sql`(${teams.name}, ${teams.id}) > (${after[0]}, ${after[1]})` : undefined))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toTeam), nextCursor: page.nextCursor };
}

async function findTeam(db: Db, p: Principal, id: string) {
  const [row] = await select(db).where(and(eq(teams.id, id), scoped(p)));
  if (!row) throw notFound('团队');
  return row;
}

// The project and leader must belong to the team's company.
async function checkTeam(db: Db, companyId: string, projectId: string | null, leaderId: string | null) {
  const errors: FieldError[] = [];
  const [c] = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId));
  if (!c) errors.push({ field: 'companyId', message: '所属公司不存在' });
  if (projectId) {
    const [pr] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, projectId), eq(projects.companyId, companyId)));
    if (!pr) errors.push({ field: 'projectId', message: '项目不存在或不属于所选公司' });
  }
  if (leaderId) {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, leaderId), eq(users.companyId, companyId)));
    if (!u) errors.push({ field: 'leaderId', message: '负责人须为本公司用户' });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), errors);
}

export async function createTeam(ctx: Ctx, input: z.infer<typeof teamCreate>): Promise<Team> {
  return ctx.db.transaction(async (tx) => {
    await checkTeam(tx, input.companyId, input.projectId, input.leaderId);
    const row = { id: uuidv7(), ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    await tx.insert(teams).values(row);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'team', entityId: row.id, entityLabel: row.name, companyId: row.companyId, changes: diffChanges(null, row) });
    return toTeam(await findTeam(tx, ctx.principal, row.id));
  });
}

export async function updateTeam(ctx: Ctx, id: string, input: z.infer<typeof teamUpdate>): Promise<Team> {
  return ctx.db.transaction(async (tx) => {
    const before = await findTeam(tx, ctx.principal, id);
    const { version, ...changes } = input;
    await checkTeam(tx, before.companyId, changes.projectId !== undefined ? changes.projectId : before.projectId, changes.leaderId !== undefined ? changes.leaderId : before.leaderId);
    const [after] = await tx.update(teams).set({ ...changes, version: version + 1, updatedAt: ctx.now }).where(and(eq(teams.id, id), eq(teams.version, version))).returning();
    if (!after) throw versionConflict();
    const { companyName: _c, projectName: _p, leaderName: _l, memberCount: _m, ...plain } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'team', entityId: id, entityLabel: after.name, companyId: after.companyId, changes: diffChanges(plain, after) });
    return toTeam(await findTeam(tx, ctx.principal, id));
  });
}

export async function deleteTeam(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findTeam(tx, ctx.principal, id);
    if (before.version !== version) throw versionConflict();
    if (before.memberCount > 0) throw new AppError('TEAM_NOT_EMPTY', `该团队还有 ${before.memberCount} 名成员，请先调整成员所属团队`);
    await tx.delete(teams).where(eq(teams.id, id));
    const { companyName: _c, projectName: _p, leaderName: _l, memberCount: _m, ...plain } = before;
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'delete', entityType: 'team', entityId: id, entityLabel: before.name, companyId: before.companyId, changes: diffChanges(plain, null) });
  });
}
