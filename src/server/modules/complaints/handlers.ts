import { and, eq } from 'drizzle-orm';
import { roleHas, type DataScope, type Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { userProjects, users } from '../users/tables.ts';

// A handler must be an active user who handles complaints and works on this complaint's project.
export async function requireHandler(db: Db, userId: string, c: { id: string; companyId: string; projectId: string }) {
  const [u] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'handlerId', message }]);
  if (!u) throw bad('负责人不存在或已停用');
  if (!roleHas(u.role as Role, 'complaints.write')) throw bad('该用户的角色不能处理投诉');
  // Where the user works, not what they could see once named handler (an own-scope user would
  // see anything they handle): group-wide, their company, or one of their projects.
  const scope = u.scope as DataScope;
  const projectIds = (await db.select({ id: userProjects.projectId }).from(userProjects).where(eq(userProjects.userId, u.id))).map((r) => r.id);
  const works = scope === 'group' || (scope === 'company' ? u.companyId === c.companyId : projectIds.includes(c.projectId));
  if (!works) throw bad('该用户不负责此项目，不能接手');
  return { id: u.id, name: u.displayName };
}
