import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { userProjects, users } from '../../modules/users/tables.ts';
import { notifications } from './tables.ts';

export type NotificationInput = { kind: string; title: string; body?: string; link?: string; companyId?: string | null };

// Write one notification per recipient in the caller's transaction, so a change and the news of
// it commit together. E-mail copies are sent afterwards by the mail job (see mailer.ts).
export async function notifyUsers(db: Db, userIds: Iterable<string>, n: NotificationInput, now: Date): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  await db.insert(notifications).values(
    ids.map((userId) => ({ id: uuidv7(), userId, companyId: n.companyId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? '', createdAt: now })),
  );
  return ids.length;
}

// Many notifications at once (a job's batch), in statements of 1,000 rows.
export async function notifyMany(db: Db, items: Array<{ userIds: readonly string[]; n: NotificationInput }>, now: Date): Promise<number> {
  const rows = items.flatMap(({ userIds, n }) =>
    [...new Set(userIds)].map((userId) => ({ id: uuidv7(), userId, companyId: n.companyId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? '', createdAt: now })),
  );
  for (let i = 0; i < rows.length; i += 1000) await db.insert(notifications).values(rows.slice(i, i + 1000));
  return rows.length;
}

// Active users of the given roles who are responsible for a project: group-wide ones, those of its
// company with company scope, and those assigned to the project.
export async function usersResponsibleFor(db: Db, roles: readonly Role[], where: { companyId: string; projectId: string; level: 'project' | 'company' | 'group' }): Promise<string[]> {
  const byLevel =
    where.level === 'group'
      ? eq(users.scope, 'group')
      : where.level === 'company'
        ? and(eq(users.companyId, where.companyId), eq(users.scope, 'company'))
        : or(
            and(eq(users.companyId, where.companyId), eq(users.scope, 'company')),
            sql`${users.id} IN (SELECT ${userProjects.userId} FROM ${userProjects} WHERE ${userProjects.projectId} = ${where.projectId})`,
          );
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...roles]), byLevel));
  return rows.map((r) => r.id);
}

// Notifications not yet e-mailed to users who have an address; older than a day are not sent
// (switching SMTP on must not mail the whole history).
export async function unmailed(db: Db, limit: number, now: Date) {
  return db
    .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.mailedAt), sql`${users.email} <> ''`, sql`${notifications.createdAt} > ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`))
    .limit(limit);
}
