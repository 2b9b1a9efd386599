import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { companies, projects } from '../org/tables.ts';
import { orgScopeFor, type OrgScope } from './scope.ts';

export type ResolvedScope = { scope: OrgScope; label: string };

const listNames = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 个项目` : names.join('、'));

// The org scope of a dashboard or report, and its name for the heading: 「西溪项目」, 「杭州公司」
// or 「全集团」. orgScopeFor lets a company-scoped caller name any project; a project outside
// their companies is refused here rather than answered with empty figures under its name.
export async function resolveReportScope(db: Db, p: Principal, q: { companyId?: string; projectId?: string }): Promise<ResolvedScope> {
  const scope = orgScopeFor(p, q);
  if (scope.projectIds) {
    if (!scope.projectIds.length) return { scope, label: '无项目' };
    const rows = await db.select({ name: projects.name, companyId: projects.companyId }).from(projects).where(inArray(projects.id, scope.projectIds)).orderBy(projects.name);
    if (q.projectId && !rows.length) throw new AppError('NOT_FOUND', '项目不存在');
    if (scope.companyIds && rows.some((r) => !scope.companyIds!.includes(r.companyId))) throw new AppError('FORBIDDEN', '无权查看该项目的数据');
    return { scope, label: listNames(rows.map((r) => r.name)) };
  }
  if (scope.companyIds) {
    if (!scope.companyIds.length) return { scope, label: '无公司' };
    const rows = await db.select({ name: companies.name }).from(companies).where(inArray(companies.id, scope.companyIds)).orderBy(companies.name);
    if (q.companyId && !rows.length) throw new AppError('NOT_FOUND', '公司不存在');
    return { scope, label: rows.map((r) => r.name).join('、') };
  }
  return { scope, label: '全集团' };
}
