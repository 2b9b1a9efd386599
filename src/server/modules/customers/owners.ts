import { and, eq } from 'drizzle-orm';
import { roleHas, type Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { userProjects, users } from '../users/tables.ts';

// A prospect's owner must be an active user who records customers and works on the project.
export async function requireOwner(db: Db, userId: string, projectId: string, field = 'ownerId') {
  const [u] = await db
    .select({ id: users.id, name: users.displayName, role: users.role, teamId: users.teamId, active: users.active })
    .from(users)
    .innerJoin(userProjects, and(eq(userProjects.userId, users.id), eq(userProjects.projectId, projectId)))
    .where(eq(users.id, userId));
  if (!u || !u.active || !roleHas(u.role as Role, 'customers.write')) {
    throw new AppError('VALIDATION_FAILED', '所选置业顾问不存在、已停用或不负责该项目', [{ field, message: '所选置业顾问不存在、已停用或不负责该项目' }]);
  }
  return u;
}
