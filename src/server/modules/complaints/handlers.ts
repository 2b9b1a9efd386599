import { and, eq } from 'drizzle-orm';
import { roleHas, type DataScope, type Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { userProjects, users } from '../users/tables.ts';
import { canSeeComplaint } from './scope.ts';

// A handler must be an active user who handles complaints and would see this one once assigned.
export async function requireHandler(db: Db, userId: string, c: { id: string; companyId: string; projectId: string }) {
  const [u] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'handlerId', message }]);
  if (!u) throw bad('负责人不存在或已停用');
  if (!roleHas(u.role as Role, 'complaints.write')) throw bad('该用户的角色不能处理投诉');
  const projectIds = (await db.select({ id: userProjects.projectId }).from(userProjects).where(eq(userProjects.userId, u.id))).map((r) => r.id);
  const principal = { userId: u.id, scope: u.scope as DataScope, companyId: u.companyId, projectIds };
  if (!canSeeComplaint({ ...principal, kind: 'user', username: u.username, displayName: u.displayName, role: u.role as Role, teamId: u.teamId }, { ...c, handlerId: u.id, firstResponderId: null })) {
    throw bad('该用户不负责此项目，不能接手');
  }
  return { id: u.id, name: u.displayName };
}
