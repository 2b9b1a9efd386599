import { and, desc, eq, gte, ilike, lt, lte, or, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction, AuditEntry, auditListQuery } from '../../../common/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { scopeFilter } from '../access/scope.ts';
import { decodeKeyset, pageFrom } from '../http/cursor.ts';
import { containsPattern } from '../../db/like.ts';
import { auditLogs } from './tables.ts';

// Group-scoped readers see everything; company-scoped readers see their company's entries.
function scoped(p: Principal): SQL | undefined {
  const f = scopeFilter(p);
  if (f.all) return undefined;
  return f.companyIds.length ? inArray(auditLogs.companyId, f.companyIds) : eq(auditLogs.actorId, p.userId);
}

export async function listAuditLogs(db: Db, p: Principal, q: z.infer<typeof auditListQuery>) {
  const after = decodeKeyset(q.cursor, ['uuid'] as const);
  const rows = await db
    .select()
    .from(auditLogs)
    .where(
      and(
        scoped(p),
        q.actorId ? eq(auditLogs.actorId, q.actorId) : undefined,
        q.action ? eq(auditLogs.action, q.action) : undefined,
        q.entityType ? eq(auditLogs.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLogs.entityId, q.entityId) : undefined,
        q.q ? or(ilike(auditLogs.entityLabel, containsPattern(q.q)), ilike(auditLogs.actorName, containsPattern(q.q))) : undefined,
        q.from ? gte(auditLogs.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLogs.at, new Date(q.to)) : undefined,
        // UUIDv7 ids are time-ordered: newest first by id.
        after ? lt(auditLogs.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(auditLogs.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return {
    items: page.items.map((r): AuditEntry => ({ ...r, action: r.action as AuditAction, at: r.at.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
