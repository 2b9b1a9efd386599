import { type SQL, sql, inArray, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from './principal.ts';

// Data scope → which companies' and projects' rows a principal may see.
//   group: everything; company: their company; project/team/own: their assigned projects.
// Team and own narrow further to people's own records in modules that have owners (customers);
// for organisation data they reach the assigned projects.
export type ScopeFilter = { all: true } | { all: false; companyIds: string[]; projectIds: string[] };

export function scopeFilter(p: Principal): ScopeFilter {
  if (p.scope === 'group') return { all: true };
  if (p.scope === 'company') return { all: false, companyIds: p.companyId ? [p.companyId] : [], projectIds: [] };
  return { all: false, companyIds: [], projectIds: p.projectIds };
}

const FALSE = sql`false`;

// A WHERE condition restricting rows that carry company_id and project_id columns.
export function projectScopeCondition(p: Principal, cols: { companyId: AnyPgColumn; projectId: AnyPgColumn }): SQL | undefined {
  const f = scopeFilter(p);
  if (f.all) return undefined;
  if (f.companyIds.length) return inArray(cols.companyId, f.companyIds);
  if (f.projectIds.length) return inArray(cols.projectId, f.projectIds);
  return FALSE;
}

// For the companies table itself (its id is the company id).
export function companyScopeCondition(p: Principal, idCol: AnyPgColumn, projectCompanyIds: string[]): SQL | undefined {
  const f = scopeFilter(p);
  if (f.all) return undefined;
  const ids = f.companyIds.length ? f.companyIds : projectCompanyIds;
  if (!ids.length) return FALSE;
  return ids.length === 1 ? eq(idCol, ids[0]) : inArray(idCol, ids);
}

export function canSeeProject(p: Principal, row: { companyId: string; projectId: string }): boolean {
  const f = scopeFilter(p);
  if (f.all) return true;
  if (f.companyIds.length) return f.companyIds.includes(row.companyId);
  return f.projectIds.includes(row.projectId);
}

export function canSeeCompany(p: Principal, companyId: string): boolean {
  const f = scopeFilter(p);
  return f.all || f.companyIds.includes(companyId) || (p.companyId === companyId && f.projectIds.length > 0);
}
