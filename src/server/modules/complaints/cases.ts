import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { caseBody, caseListQuery, ComplaintCase } from '../../../common/contracts/complaints.ts';
import type { Severity, Specialty } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import type { Ctx } from './create.ts';
import { lockComplaint, recordComplaintEvents } from './queries.ts';
import { canSeeComplaint } from './scope.ts';
import { complaintCases, complaints } from './tables.ts';

const k = complaintCases;
const caseColumns = { c: k, complaintNo: complaints.no, projectName: projects.name, authorName: users.displayName };

function selectCases(db: Db) {
  return db
    .select(caseColumns)
    .from(k)
    .innerJoin(complaints, eq(complaints.id, k.complaintId))
    .innerJoin(projects, eq(projects.id, k.projectId))
    .leftJoin(users, eq(users.id, k.authorId));
}

function toCase(r: Awaited<ReturnType<ReturnType<typeof selectCases>['execute']>>[number]): ComplaintCase {
  const { c } = r;
  return {
    id: c.id, complaintId: c.complaintId, complaintNo: r.complaintNo, projectName: r.projectName, title: c.title, specialty: c.specialty as Specialty, severity: c.severity as Severity,
    background: c.background, cause: c.cause, handling: c.handling, lessons: c.lessons, authorName: r.authorName ?? '', version: c.version,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

export async function getCaseFor(db: Db, complaintId: string): Promise<ComplaintCase | null> {
  const [row] = await selectCases(db).where(eq(k.complaintId, complaintId));
  return row ? toCase(row) : null;
}

// The case write-up (案例): background, cause, handling, lessons. Required before a major complaint
// closes; any complaint may have one. It enters the group-wide case library.
export async function saveCase(ctx: Ctx, complaintId: string, body: z.infer<typeof caseBody>): Promise<ComplaintCase> {
  return ctx.db.transaction(async (tx) => {
    const c = await lockComplaint(tx, complaintId);
    if (!canSeeComplaint(ctx.principal, c)) throw new AppError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
    const [before] = await tx.select().from(k).where(eq(k.complaintId, complaintId));
    if (before) {
      await tx.update(k).set({ ...body, specialty: c.specialty, severity: c.severity, updatedAt: ctx.now, version: sql`${k.version} + 1` }).where(eq(k.id, before.id));
    } else {
      await tx.insert(k).values({ id: uuidv7(), companyId: c.companyId, projectId: c.projectId, complaintId, ...body, specialty: c.specialty, severity: c.severity, authorId: ctx.principal.userId, createdAt: ctx.now, updatedAt: ctx.now });
    }
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'case', content: `${before ? '修改' : '编写'}案例：${body.title}` }]);
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: before ? 'update' : 'create', entityType: 'complaint_case', entityId: complaintId, entityLabel: body.title, companyId: c.companyId,
      changes: diffChanges(before ? { title: before.title, background: before.background, cause: before.cause, handling: before.handling, lessons: before.lessons } : null, body),
    });
    const saved = await getCaseFor(tx, complaintId);
    if (!saved) throw new Error('case vanished');
    return saved;
  });
}

// The case library is shared across the group so that lessons travel (seed 002: 充分共享).
export async function listCases(db: Db, q: z.infer<typeof caseListQuery>) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const where: (SQL | undefined)[] = [q.specialty ? eq(k.specialty, q.specialty) : undefined];
  if (q.q) {
    const pattern = containsPattern(q.q);
    where.push(or(ilike(k.title, pattern), ilike(k.background, pattern), ilike(k.cause, pattern), ilike(k.handling, pattern), ilike(k.lessons, pattern)));
  }
  if (after) where.push(or(lt(k.createdAt, new Date(after[0])), and(eq(k.createdAt, new Date(after[0])), lt(k.id, after[1]))));
  const rows = await selectCases(db).where(and(...where)).orderBy(desc(k.createdAt), desc(k.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.c.createdAt.toISOString(), r.c.id]);
  return { items: page.items.map(toCase), nextCursor: page.nextCursor };
}

export async function getCase(db: Db, id: string): Promise<ComplaintCase> {
  const [row] = await selectCases(db).where(eq(k.id, id));
  if (!row) throw new AppError('NOT_FOUND', '案例不存在');
  return toCase(row);
}
