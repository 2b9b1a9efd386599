import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { complaints } from './tables.ts';

// Which complaints a principal sees:
//   group → all; company → their company's; project and team → their projects';
//   own → those they received (首问) or handle now.
export function complaintScope(p: Principal): SQL | undefined {
  const c = complaints;
  switch (p.scope) {
    case 'group':
      return undefined;
    case 'company':
      return p.companyId ? eq(c.companyId, p.companyId) : sql`false`;
    case 'project':
    case 'team':
      return p.projectIds.length ? inArray(c.projectId, p.projectIds) : sql`false`;
    case 'own':
      return or(eq(c.handlerId, p.userId), eq(c.firstResponderId, p.userId));
  }
}

export type ScopedRow = { companyId: string; projectId: string; handlerId: string | null; firstResponderId: string | null };

export function canSeeComplaint(p: Principal, row: ScopedRow): boolean {
  switch (p.scope) {
    case 'group':
      return true;
    case 'company':
      return p.companyId === row.companyId;
    case 'project':
    case 'team':
      return p.projectIds.includes(row.projectId);
    case 'own':
      return row.handlerId === p.userId || row.firstResponderId === p.userId;
  }
}

// Aggregates (dashboards, reports, alerts) are by organisation, never by person: a caller may ask
// for a company or project inside their scope, and by default gets all of it.
export type OrgScope = { companyIds: string[] | null; projectIds: string[] | null };

export function orgScopeFor(p: Principal, q: { companyId?: string; projectId?: string }): OrgScope {
  const base: OrgScope =
    p.scope === 'group' ? { companyIds: null, projectIds: null }
    : p.scope === 'company' ? { companyIds: p.companyId ? [p.companyId] : [], projectIds: null }
    : { companyIds: null, projectIds: p.projectIds };
  if (q.companyId) {
    if (base.companyIds && !base.companyIds.includes(q.companyId)) throw new AppError('FORBIDDEN', '无权查看该公司的数据');
    if (base.projectIds) throw new AppError('FORBIDDEN', '无权查看整个公司的数据');
    base.companyIds = [q.companyId];
  }
  if (q.projectId) {
    if (base.projectIds && !base.projectIds.includes(q.projectId)) throw new AppError('FORBIDDEN', '无权查看该项目的数据');
    base.projectIds = [q.projectId];
  }
  return base;
}

export function orgScopeCondition(s: OrgScope, cols: { companyId: AnyPgColumn; projectId: AnyPgColumn } = complaints): SQL | undefined {
  const parts: SQL[] = [];
  if (s.companyIds) parts.push(s.companyIds.length ? inArray(cols.companyId, s.companyIds) : sql`false`);
  if (s.projectIds) parts.push(s.projectIds.length ? inArray(cols.projectId, s.projectIds) : sql`false`);
  return parts.length ? and(...parts) : undefined;
}
