import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies, projects } from '../org/tables.ts';
import { teams, userProjects, users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function projectIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ id: userProjects.projectId }).from(userProjects).where(eq(userProjects.userId, userId));
  return rows.map((r) => r.id).sort();
}

// Names for the ids shown beside users: their companies, teams and projects.
export async function namesFor(db: Db, userIds: string[], companyIds: string[], teamIds: string[]) {
  const [cs, ts, ps] = await Promise.all([
    companyIds.length ? db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, companyIds)) : [],
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : [],
    userIds.length
      ? db
          .select({ userId: userProjects.userId, id: projects.id, name: projects.name })
          .from(userProjects)
          .innerJoin(projects, eq(projects.id, userProjects.projectId))
          .where(inArray(userProjects.userId, userIds))
          .orderBy(projects.name)
      : [],
  ]);
  const projectsByUser = new Map<string, { id: string; name: string }[]>();
  for (const p of ps) projectsByUser.set(p.userId, [...(projectsByUser.get(p.userId) ?? []), { id: p.id, name: p.name }]);
  return {
    company: new Map(cs.map((c) => [c.id, c.name])),
    team: new Map(ts.map((t) => [t.id, t.name])),
    projectsByUser,
  };
}

export async function replaceUserProjects(db: Db, userId: string, projectRows: { id: string; companyId: string }[]) {
  await db.delete(userProjects).where(eq(userProjects.userId, userId));
  if (projectRows.length) {
    await db.insert(userProjects).values(projectRows.map((p) => ({ userId, projectId: p.id, companyId: p.companyId })));
  }
}

export async function projectsByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: projects.id, companyId: projects.companyId, name: projects.name }).from(projects).where(inArray(projects.id, ids));
}

export async function teamInCompany(db: Db, teamId: string, companyId: string | null) {
  const [t] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(companyId ? and(eq(teams.id, teamId), eq(teams.companyId, companyId)) : eq(teams.id, teamId));
  return Boolean(t);
}
