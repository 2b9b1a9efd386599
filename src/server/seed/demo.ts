import { count, inArray } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { Db } from '../db/client.ts';
import { orgGroups } from '../modules/org/tables.ts';
import { users } from '../modules/users/tables.ts';
import { verifyPassword } from '../platform/auth/password.ts';
import { seedDemoComplaints } from './complaints.ts';
import { seedDemoProspects } from './customers.ts';
import { seedDemoSales } from './sales.ts';
import { seedBuilding, seedCompany, seedGroup, seedProject, seedTeam, seedUser } from './factories.ts';

export const DEMO_PASSWORD = 'Keyuan2026';

export type DemoLogin = { username: string; password: string; role: Role; displayName: string };

const LAYOUTS_HZ = [
  { layout: '三室两厅两卫', area: 118, pricePerSqm: 38000 },
  { layout: '四室两厅两卫', area: 143, pricePerSqm: 39500 },
  { layout: '两室两厅一卫', area: 89, pricePerSqm: 36500 },
];
const LAYOUTS_CD = [
  { layout: '三室两厅两卫', area: 112, pricePerSqm: 21000 },
  { layout: '两室两厅一卫', area: 86, pricePerSqm: 19800 },
];

// A realistic demo world: a group, two city companies, three projects with buildings and units,
// teams, and one user for every role.
export async function seedDemo(db: Db, opts: { withAdmin: boolean } = { withAdmin: true }): Promise<DemoLogin[]> {
  const now = new Date();
  const group = await seedGroup(db, '华景地产集团', now);
  const hz = await seedCompany(db, { groupId: group.id, name: '华景地产杭州公司', city: '杭州', code: 'HZ' }, now);
  const cd = await seedCompany(db, { groupId: group.id, name: '华景地产成都公司', city: '成都', code: 'CD' }, now);
  const xixi = await seedProject(db, { companyId: hz.id, name: '西溪云庐', code: 'HZ-XXYL', city: '杭州', address: '杭州市西湖区文二西路 888 号', status: 'selling' }, now);
  const qj = await seedProject(db, { companyId: hz.id, name: '钱江悦府', code: 'HZ-QJYF', city: '杭州', address: '杭州市上城区钱江路 1366 号', status: 'delivered' }, now);
  const jc = await seedProject(db, { companyId: cd.id, name: '锦城华府', code: 'CD-JCHF', city: '成都', address: '成都市高新区天府大道中段 1199 号', status: 'selling' }, now);
  for (const [i, name] of ['1 号楼', '2 号楼', '3 号楼'].entries()) {
    await seedBuilding(db, { companyId: hz.id, projectId: xixi.id, name, floors: 18 + i * 3, unitsPerFloor: 4, layouts: LAYOUTS_HZ }, now);
  }
  for (const name of ['1 号楼', '2 号楼']) await seedBuilding(db, { companyId: hz.id, projectId: qj.id, name, floors: 26, unitsPerFloor: 2, layouts: LAYOUTS_HZ }, now);
  for (const name of ['A 栋', 'B 栋']) await seedBuilding(db, { companyId: cd.id, projectId: jc.id, name, floors: 32, unitsPerFloor: 4, layouts: LAYOUTS_CD }, now);

  const xixiTeam = await seedTeam(db, { companyId: hz.id, projectId: xixi.id, name: '西溪云庐销售一组' }, now);
  const jcTeam = await seedTeam(db, { companyId: cd.id, projectId: jc.id, name: '锦城华府销售组' }, now);

  const people: (Parameters<typeof seedUser>[1] & { role: Role })[] = [
    { username: 'zhoumin', displayName: '周敏', role: 'group_cr', password: DEMO_PASSWORD },
    { username: 'chenjianguo', displayName: '陈建国', role: 'executive', password: DEMO_PASSWORD },
    { username: 'lihua', displayName: '李华', role: 'company_cr_manager', companyId: hz.id, password: DEMO_PASSWORD },
    { username: 'wangqiang', displayName: '王强', role: 'sales_manager', companyId: hz.id, teamId: xixiTeam.id, projectIds: [xixi.id], password: DEMO_PASSWORD },
    { username: 'zhangwei', displayName: '张伟', role: 'sales_consultant', companyId: hz.id, teamId: xixiTeam.id, projectIds: [xixi.id], password: DEMO_PASSWORD },
    { username: 'liuyang', displayName: '刘洋', role: 'sales_consultant', companyId: cd.id, teamId: jcTeam.id, projectIds: [jc.id], password: DEMO_PASSWORD },
    { username: 'sunli', displayName: '孙丽', role: 'marketing', companyId: hz.id, password: DEMO_PASSWORD },
    { username: 'zhaogang', displayName: '赵刚', role: 'engineering', companyId: hz.id, projectIds: [xixi.id, qj.id], password: DEMO_PASSWORD },
    { username: 'qianjing', displayName: '钱静', role: 'property', companyId: cd.id, projectIds: [jc.id], password: DEMO_PASSWORD },
    { username: 'wuhao', displayName: '吴昊', role: 'channel_broker', companyId: hz.id, projectIds: [xixi.id], password: DEMO_PASSWORD },
    { username: 'admin', displayName: '系统管理员', role: 'system_admin', password: DEMO_PASSWORD },
  ];
  const logins: DemoLogin[] = [];
  const byName = new Map<string, Awaited<ReturnType<typeof seedUser>>>();
  for (const p of people) {
    if (p.role === 'system_admin' && !opts.withAdmin) continue;
    const u = await seedUser(db, p, now);
    byName.set(u.username, u);
    logins.push({ username: u.username, password: p.password, role: p.role, displayName: u.displayName });
  }
  const owner = (username: string) => {
    const u = byName.get(username)!;
    return { id: u.id, name: u.displayName, teamId: u.teamId };
  };
  // Prospects with follow-ups, due dates spread around today, and a few in the public pool.
  await seedDemoProspects(db, xixi, [owner('zhangwei'), owner('wangqiang')], 48, 10_000_000, now);
  await seedDemoProspects(db, jc, [owner('liuyang')], 24, 20_000_000, now);
  // Complaints through the real services: steps, call-backs, a major case, an early warning.
  await seedDemoComplaints(db, { hz: [xixi, qj], cd: jc }, now);
  // Deals, a campaign, broker registrations and a referral, through the real services.
  await seedDemoSales(db, xixi, now);
  return logins;
}

export async function isFirstStart(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(orgGroups);
  return Number(n) === 0;
}

// The demo accounts that can log in right now with the demo password: they exist, are active and
// still have that password (an operator may have changed it, or given the administrator their own).
// Printed on every start so a new user can log in; never an account that would refuse the login.
export async function workingDemoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .select({ username: users.username, displayName: users.displayName, role: users.role, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.username, DEMO_USERNAMES));
  const checked = await Promise.all(rows.map(async (r) => (r.active && (await verifyPassword(r.passwordHash, DEMO_PASSWORD)) ? r : null)));
  const order = new Map(DEMO_USERNAMES.map((u, i) => [u, i]));
  return checked
    .filter((r) => r !== null)
    .sort((a, b) => order.get(a.username)! - order.get(b.username)!)
    .map((r) => ({ username: r.username, displayName: r.displayName, role: r.role as Role, password: DEMO_PASSWORD }));
}
export const DEMO_USERNAMES = ['admin', 'zhoumin', 'chenjianguo', 'lihua', 'wangqiang', 'zhangwei', 'liuyang', 'sunli', 'zhaogang', 'qianjing', 'wuhao'];
