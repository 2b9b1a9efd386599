import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { projectInterests, prospectSearchKeys } from './tables.ts';

// Which prospects (project interests) a principal sees:
//   own → those they own; team → their team's (and their own); project → their projects';
//   company → their company's; group → all.
export function prospectScope(p: Principal): SQL | undefined {
  const pi = projectInterests;
  switch (p.scope) {
    case 'group':
      return undefined;
    case 'company':
      return p.companyId ? eq(pi.companyId, p.companyId) : sql`false`;
    case 'project':
      return p.projectIds.length ? inArray(pi.projectId, p.projectIds) : sql`false`;
    case 'team':
      // owner_team_id is the owner's team at assignment (the manager's own prospects included).
      return p.teamId ? eq(pi.ownerTeamId, p.teamId) : eq(pi.ownerId, p.userId);
    case 'own':
      return eq(pi.ownerId, p.userId);
  }
}

// The public pool of a project is visible to those who may claim from it in that project.
export function poolScope(p: Principal): SQL | undefined {
  if (p.scope === 'group') return undefined;
  if (p.scope === 'company') return p.companyId ? eq(projectInterests.companyId, p.companyId) : sql`false`;
  return p.projectIds.length ? inArray(projectInterests.projectId, p.projectIds) : sql`false`;
}

// prospectScope on prospect_search_keys' copies of the scope columns, so that a keyed search reads
// one ordered index range of the scope.
export function searchKeyScope(p: Principal): SQL | undefined {
  const k = prospectSearchKeys;
  switch (p.scope) {
    case 'group':
      return undefined;
    case 'company':
      return p.companyId ? eq(k.companyId, p.companyId) : sql`false`;
    case 'project':
      return p.projectIds.length ? inArray(k.projectId, p.projectIds) : sql`false`;
    case 'team':
      return p.teamId ? eq(k.ownerTeamId, p.teamId) : eq(k.ownerId, p.userId);
    case 'own':
      return eq(k.ownerId, p.userId);
  }
}
