import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { GroupComplaint, groupComplaintBody, groupComplaintListQuery, groupComplaintUpdate } from '../../../common/contracts/group-complaints.ts';
import type { GroupComplaintType } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { canSeeProject, projectScopeCondition } from '../../platform/access/scope.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { projects } from '../org/tables.ts';
import type { Ctx } from './create.ts';
import { toListItem } from './present.ts';
import { selectComplaints } from './queries.ts';
import { canSeeComplaint } from './scope.ts';
import { groupComplaints, complaints } from './tables.ts';

const g = groupComplaints;

async function present(db: Db, p: Principal, row: typeof g.$inferSelect, projectName: string, now: Date): Promise<GroupComplaint> {
  const linked = await selectComplaints(db).where(eq(complaints.groupComplaintId, row.id)).orderBy(desc(complaints.filedAt)).limit(200);
  return {
    id: row.id, companyId: row.companyId, projectId: row.projectId, projectName, title: row.title, type: row.type as GroupComplaintType, status: row.status as GroupComplaint['status'],
    leaderName: row.leaderName, leaderCustomerId: row.leaderCustomerId, members: row.members, memberCount: row.memberCount, strategy: row.strategy,
    // Only the linked complaints the caller could open themselves.
    complaints: linked.filter((c) => canSeeComplaint(p, c)).map((c) => toListItem(c, p, now)), version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

// Linked complaints must be of the same project; they move from any group they were in.
async function linkComplaints(tx: Db, groupId: string, projectId: string, ids: string[]) {
  await tx.update(complaints).set({ groupComplaintId: null }).where(eq(complaints.groupComplaintId, groupId));
  if (!ids.length) return;
  const found = await tx.select({ id: complaints.id }).from(complaints).where(and(inArray(complaints.id, ids), eq(complaints.projectId, projectId)));
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', '关联的投诉须属于同一项目', [{ field: 'complaintIds', message: '关联的投诉须属于同一项目' }]);
  await tx.update(complaints).set({ groupComplaintId: groupId }).where(inArray(complaints.id, ids));
}

export async function listGroupComplaints(db: Db, p: Principal, q: z.infer<typeof groupComplaintListQuery>, now: Date) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const where: (SQL | undefined)[] = [projectScopeCondition(p, g), q.projectId ? eq(g.projectId, q.projectId) : undefined, q.status ? eq(g.status, q.status) : undefined];
  if (after) where.push(or(lt(g.createdAt, new Date(after[0])), and(eq(g.createdAt, new Date(after[0])), lt(g.id, after[1]))));
  const rows = await db.select({ g, projectName: projects.name }).from(g).innerJoin(projects, eq(projects.id, g.projectId)).where(and(...where)).orderBy(desc(g.createdAt), desc(g.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.g.createdAt.toISOString(), r.g.id]);
  return { items: await Promise.all(page.items.map((r) => present(db, p, r.g, r.projectName, now))), nextCursor: page.nextCursor };
}

export async function getGroupComplaint(db: Db, p: Principal, id: string, now: Date) {
  const [row] = await db.select({ g, projectName: projects.name }).from(g).innerJoin(projects, eq(projects.id, g.projectId)).where(eq(g.id, id));
  if (!row || !canSeeProject(p, row.g)) throw new AppError('NOT_FOUND', '群诉记录不存在');
  return present(db, p, row.g, row.projectName, now);
}

export async function createGroupComplaint(ctx: Ctx, project: { id: string; companyId: string }, body: z.infer<typeof groupComplaintBody>) {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const { complaintIds, ...fields } = body;
    await tx.insert(g).values({ id, companyId: project.companyId, ...fields, memberCount: Math.max(fields.memberCount, fields.members.length), createdBy: ctx.principal.userId, createdAt: ctx.now, updatedAt: ctx.now });
    await linkComplaints(tx, id, project.id, complaintIds);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'create', entityType: 'group_complaint', entityId: id, entityLabel: body.title, companyId: project.companyId, changes: diffChanges(null, { ...fields, complaintIds }) });
  });
  return getGroupComplaint(ctx.db, ctx.principal, id, ctx.now);
}

export async function updateGroupComplaint(ctx: Ctx, id: string, body: z.infer<typeof groupComplaintUpdate>) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(g).where(eq(g.id, id)).for('update');
    if (!row || !canSeeProject(ctx.principal, row)) throw new AppError('NOT_FOUND', '群诉记录不存在');
    if (row.version !== body.version) throw new AppError('VERSION_CONFLICT', '群诉记录已被他人修改，请刷新后重试');
    const { version: _v, complaintIds, ...fields } = body;
    const members = fields.members ?? row.members;
    const memberCount = Math.max(fields.memberCount ?? row.memberCount, members.length);
    await tx.update(g).set({ ...fields, memberCount, updatedAt: ctx.now, version: sql`${g.version} + 1` }).where(eq(g.id, id));
    if (complaintIds) await linkComplaints(tx, id, row.projectId, complaintIds);
    const before = { title: row.title, type: row.type, status: row.status, leaderName: row.leaderName, members: row.members, memberCount: row.memberCount, strategy: row.strategy };
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'group_complaint', entityId: id, entityLabel: row.title, companyId: row.companyId, changes: diffChanges(before, { ...before, ...fields, memberCount, ...(complaintIds ? { complaintIds } : {}) }) });
  });
  return getGroupComplaint(ctx.db, ctx.principal, id, ctx.now);
}
