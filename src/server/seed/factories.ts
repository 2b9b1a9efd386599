import { v7 as uuidv7 } from 'uuid';
import type { ProjectStatus } from '../../common/contracts/org.ts';
import { DEFAULT_SCOPE, type DataScope, type Role } from '../../common/roles.ts';
import type { Db } from '../db/client.ts';
import { buildings, companies, orgGroups, projects, units } from '../modules/org/tables.ts';
import { agencyBrokers, channelAgencies } from '../modules/channels/tables.ts';
import { adjustCounts } from '../modules/org/counts.ts';
import { unitNumber } from '../modules/org/rules.ts';
import { teams, userProjects, users } from '../modules/users/tables.ts';
import { hashPassword } from '../platform/auth/password.ts';

// Typed seed factories, shared by the demo seed, integration tests, browser tests and benches.
// They write rows directly (no audit entries): they set up a world, they are not user actions.

const stamp = (now: Date) => ({ version: 1, createdAt: now, updatedAt: now });

export async function seedGroup(db: Db, name: string, now = new Date()) {
  const row = { id: uuidv7(), name, ...stamp(now) };
  await db.insert(orgGroups).values(row);
  return row;
}

export async function seedCompany(db: Db, input: { groupId: string; name: string; city: string; code: string }, now = new Date()) {
  const row = { id: uuidv7(), ...input, ...stamp(now) };
  await db.insert(companies).values(row);
  return row;
}

export async function seedProject(
  db: Db,
  input: { companyId: string; name: string; code: string; city: string; address?: string; status?: ProjectStatus },
  now = new Date(),
) {
  const row = { id: uuidv7(), address: '', status: 'selling', ...input, ...stamp(now) };
  await db.insert(projects).values(row);
  return row;
}

// A building with floors × unitsPerFloor available units (numbers 101, 102, … 1801, …).
export async function seedBuilding(
  db: Db,
  input: { companyId: string; projectId: string; name: string; floors: number; unitsPerFloor?: number; layouts?: { layout: string; area: number; pricePerSqm: number }[] },
  now = new Date(),
) {
  const building = { id: uuidv7(), companyId: input.companyId, projectId: input.projectId, name: input.name, floors: input.floors, ...stamp(now) };
  await db.insert(buildings).values(building);
  const layouts = input.layouts ?? [{ layout: '三室两厅', area: 110, pricePerSqm: 25000 }];
  const rows = [];
  for (let floor = 1; floor <= input.floors; floor++) {
    for (let i = 1; i <= (input.unitsPerFloor ?? 0); i++) {
      const l = layouts[(i - 1) % layouts.length];
      // Higher floors list a little higher, as sales offices price them.
      const price = Math.round((l.area * l.pricePerSqm * (1 + floor * 0.004)) / 100) * 100;
      rows.push({ id: uuidv7(), companyId: input.companyId, projectId: input.projectId, buildingId: building.id, number: unitNumber(floor, i), floor, layout: l.layout, area: l.area, listPrice: price, status: 'available', ...stamp(now) });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(units).values(rows.slice(i, i + 1000));
  await adjustCounts(db, { projectId: input.projectId, buildingId: building.id, buildings: 1, units: rows.length });
  return { ...building, unitIds: rows.map((r) => r.id) };
}

export async function seedTeam(db: Db, input: { companyId: string; projectId?: string | null; name: string; leaderId?: string | null }, now = new Date()) {
  const row = { id: uuidv7(), projectId: null, leaderId: null, ...input, ...stamp(now) };
  await db.insert(teams).values(row);
  return row;
}

export type SeedUserInput = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scope?: DataScope;
  companyId?: string | null;
  teamId?: string | null;
  projectIds?: string[];
  passwordHash?: string;
};

export async function seedUser(db: Db, input: SeedUserInput, now = new Date()) {
  const row = {
    id: uuidv7(),
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    role: input.role,
    scope: input.scope ?? DEFAULT_SCOPE[input.role],
    companyId: input.companyId ?? null,
    teamId: input.teamId ?? null,
    active: true,
    ...stamp(now),
  };
  await db.insert(users).values(row);
  const projectIds = input.projectIds ?? [];
  if (projectIds.length) {
    const owners = await db.select({ id: projects.id, companyId: projects.companyId }).from(projects);
    const companyOf = new Map(owners.map((p) => [p.id, p.companyId]));
    await db.insert(userProjects).values(projectIds.map((projectId) => ({ userId: row.id, projectId, companyId: companyOf.get(projectId)! })));
  }
  return row;
}

// A channel agency (渠道机构) of a company, with the brokers who belong to it.
export async function seedAgency(
  db: Db,
  input: { companyId: string; name: string; contactName: string; contactMobile: string; note?: string; status?: 'active' | 'suspended'; brokerIds?: string[] },
  now = new Date(),
) {
  const { brokerIds = [], ...fields } = input;
  const row = { id: uuidv7(), ...fields, note: fields.note ?? '', status: fields.status ?? 'active', ...stamp(now) };
  await db.insert(channelAgencies).values(row);
  if (brokerIds.length) await db.insert(agencyBrokers).values(brokerIds.map((brokerId) => ({ brokerId, agencyId: row.id, companyId: row.companyId, joinedAt: now })));
  return row;
}
