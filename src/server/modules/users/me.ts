import { and, sql } from 'drizzle-orm';
import type { Me } from '../../../common/contracts/auth.ts';
import { ROLE_PERMISSIONS } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { iso } from '../../platform/http/types.ts';
import { getGroup } from '../org/companies.ts';
import { projects } from '../org/tables.ts';
import { findUserById, namesFor } from './repo.ts';

// The signed-in user's own view: who they are, where they sit and how far their scope reaches.
export async function getMe(db: Db, p: Principal): Promise<Me> {
  const [user, group, [visible]] = await Promise.all([
    findUserById(db, p.userId),
    getGroup(db),
    db.select({ n: sql<number>`count(*)::int` }).from(projects).where(and(projectScopeCondition(p, { companyId: projects.companyId, projectId: projects.id }))),
  ]);
  const names = await namesFor(db, [p.userId], p.companyId ? [p.companyId] : [], p.teamId ? [p.teamId] : []);
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    scope: p.scope,
    permissions: [...ROLE_PERMISSIONS[p.role]],
    group,
    company: p.companyId ? { id: p.companyId, name: names.company.get(p.companyId) ?? '' } : null,
    team: p.teamId ? { id: p.teamId, name: names.team.get(p.teamId) ?? '' } : null,
    projects: names.projectsByUser.get(p.userId) ?? [],
    visibleProjectCount: visible.n,
    lastLoginAt: iso(user?.lastLoginAt),
  };
}

