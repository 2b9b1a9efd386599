// The sales benchmark's world: one company with one selling project of
// buildings × floors × unitsPerFloor units (20 × 25 × 10 = 5,000 by default) laid out with the
// seed factories (realistic layouts and list prices per building type), two sales teams of
// consultants and a sales manager with project scope; then, in bulk SQL (INSERT … SELECT, no
// row-by-row traffic), the sale of the project so far: a unit status per unit by sales phase,
// a customer and a project interest (owned by a consultant) for every active deal, the deals
// themselves (pledge → subscription → contract), 业主 rows for contracts, some earlier cancelled
// deals, the prospects who have not bought, and the funnel milestones on every prospect. Draws are hashes of the row number, so a given
// shape always produces the same data.
import pg from 'pg';
import { AGE_BANDS, BUYER_TYPES, FAMILY_SEGMENTS, PURPOSES, SOURCE_CHANNELS } from '../../src/common/customers.ts';
import type { UnitStatus } from '../../src/common/contracts/org.ts';
import type { Db } from '../../src/server/db/client.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { seedBuilding, seedCompany, seedGroup, seedProject, seedTeam, seedUser } from '../../src/server/seed/factories.ts';
import { namePools } from './customer-data.ts';

// ---------------------------------------------------------------------------------------------
// Organisation and units

export type SalesShape = { buildings: number; floors: number; unitsPerFloor: number };
type Layout = { layout: string; area: number; pricePerSqm: number };
type BuildingType = { name: string; pricePerSqm: number; plan: [string, number][] };

// Three building types of a typical 改善 + 刚需 development, by floor-plate position 01…10
// (end units larger). Prices in yuan per ㎡ (Hangzhou, 2026); seedBuilding adds 0.4 % a floor.
const BUILDING_TYPES: BuildingType[] = [
  {
    name: '刚需高层', pricePerSqm: 29_500,
    plan: [['三室两厅', 89], ['两室两厅', 79], ['两室两厅', 79], ['三室两厅', 89], ['三室两厅两卫', 99], ['三室两厅两卫', 99], ['三室两厅', 89], ['两室两厅', 79], ['两室两厅', 79], ['三室两厅', 89]],
  },
  {
    name: '改善高层', pricePerSqm: 33_000,
    plan: [['四室两厅两卫', 128], ['三室两厅两卫', 105], ['三室两厅两卫', 105], ['三室两厅两卫', 115], ['四室两厅两卫', 128], ['四室两厅两卫', 128], ['三室两厅两卫', 115], ['三室两厅两卫', 105], ['三室两厅两卫', 105], ['四室两厅两卫', 128]],
  },
  {
    name: '景观洋房', pricePerSqm: 38_500,
    plan: [['五室三厅', 180], ['四室两厅两卫', 143], ['四室两厅两卫', 143], ['四室两厅两卫', 160], ['五室三厅', 180], ['五室三厅', 180], ['四室两厅两卫', 160], ['四室两厅两卫', 143], ['四室两厅两卫', 143], ['跃层', 220]],
  },
];

// Buildings 1…40 % 刚需, the next 40 % 改善, the last 20 % 洋房 (the latest phase is the premium one).
export function buildingType(index: number, total: number): BuildingType {
  const share = index / total;
  return share < 0.4 ? BUILDING_TYPES[0] : share < 0.8 ? BUILDING_TYPES[1] : BUILDING_TYPES[2];
}

function layoutsFor(t: BuildingType, unitsPerFloor: number): Layout[] {
  return Array.from({ length: unitsPerFloor }, (_x, i) => {
    const [layout, area] = t.plan[i % t.plan.length];
    return { layout, area, pricePerSqm: t.pricePerSqm };
  });
}

export type SalesUser = { id: string; username: string; displayName: string; teamId: string };
export type SalesOrg = {
  companyId: string;
  companyName: string;
  project: { id: string; name: string };
  buildingIds: string[]; // in building order (1 号楼, 2 号楼, …)
  manager: SalesUser; // sales_manager, scope project, assigned to the project
  consultants: SalesUser[];
  shape: SalesShape;
};

const BENCH_PASSWORD = 'Bench2026pass';
const STAFF = ['陈思远', '王雅婷', '李浩然', '张佳怡', '刘子轩', '杨晓雯', '赵俊杰', '黄诗涵', '周宇航', '吴梦琪', '徐明哲', '孙欣怡', '马天佑', '朱婉清', '胡一鸣', '郭雨桐'];

export async function seedSalesOrganisation(db: Db, shape: SalesShape, opts: { teams?: number; consultantsPerTeam?: number } = {}, now = new Date()): Promise<SalesOrg> {
  const teams = opts.teams ?? 2;
  const perTeam = opts.consultantsPerTeam ?? 6;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const group = await seedGroup(db, '华景地产集团', now);
  const company = await seedCompany(db, { groupId: group.id, name: '华景地产杭州公司', city: '杭州', code: 'HZ' }, now);
  const project = await seedProject(db, { companyId: company.id, name: '西溪云庐', code: 'HZ-S001', city: '杭州', address: '杭州市西湖区文一西路 1288 号', status: 'selling' }, now);
  const buildingIds: string[] = [];
  for (let b = 1; b <= shape.buildings; b++) {
    const type = buildingType(b - 1, shape.buildings);
    const row = await seedBuilding(db, { companyId: company.id, projectId: project.id, name: `${b} 号楼`, floors: shape.floors, unitsPerFloor: shape.unitsPerFloor, layouts: layoutsFor(type, shape.unitsPerFloor) }, now);
    buildingIds.push(row.id);
  }
  let seq = 0;
  const user = async (role: 'sales_manager' | 'sales_consultant', teamId: string, scope?: 'project') => {
    const displayName = STAFF[seq % STAFF.length];
    const username = `${role === 'sales_manager' ? 'xsjl' : 'gw'}${String(++seq).padStart(3, '0')}`;
    const row = await seedUser(db, { username, displayName, role, scope, companyId: company.id, teamId, projectIds: [project.id], password: BENCH_PASSWORD, passwordHash }, now);
    return { id: row.id, username, displayName, teamId };
  };
  let manager: SalesUser | undefined;
  const consultants: SalesUser[] = [];
  for (let t = 0; t < teams; t++) {
    const team = await seedTeam(db, { companyId: company.id, projectId: project.id, name: `西溪云庐销售${'一二三四五六七八九十'[t % 10]}组` }, now);
    // The manager of the first team has project scope: the whole project's board and buyers.
    if (t === 0) manager = await user('sales_manager', team.id, 'project');
    for (let k = 0; k < perTeam; k++) consultants.push(await user('sales_consultant', team.id));
  }
  return { companyId: company.id, companyName: company.name, project: { id: project.id, name: project.name }, buildingIds, manager: manager!, consultants, shape };
}

// ---------------------------------------------------------------------------------------------
// The sale so far

// Sales phases by building order: phase 1 opened three years ago and is handed over, phase 4
// opened two months ago and is mostly at pledge (认筹). Shares of units per status; the rest is
// available. Floors 1–2 sell slower (a draw shifted by 0.12 towards "available").
export const PHASES = [
  { openedDaysAgo: 1080, delivered: 0.86, contracted: 0.08, subscribed: 0.01, reserved: 0.0 },
  { openedDaysAgo: 780, delivered: 0.0, contracted: 0.72, subscribed: 0.08, reserved: 0.02 },
  { openedDaysAgo: 420, delivered: 0.0, contracted: 0.38, subscribed: 0.12, reserved: 0.06 },
  { openedDaysAgo: 60, delivered: 0.0, contracted: 0.04, subscribed: 0.06, reserved: 0.18 },
] as const;
// Share of units that also had an earlier deal cancelled (退订/退房) by another prospect.
const CANCELLED_SHARE = 0.04;
const CANCEL_REASONS = ['客户资金未到位', '家庭意见不一致，改选其他楼栋', '贷款审批未通过', '客户选择竞品项目', '换房至同项目其他房源'];
const AREAS = ['西湖区', '拱墅区', '上城区', '余杭区', '滨江区', '萧山区', '临平区', '钱塘区'];
const NEED_LAYOUTS = ['两室两厅', '三室两厅', '三室两厅两卫', '四室两厅两卫', '五室三厅'];

export type SalesGeneration = {
  units: number;
  byStatus: Record<UnitStatus, number>;
  activeDeals: number;
  dealsByStage: Record<string, number>;
  cancelledDeals: number;
  owners: number;
  customers: number;
  interests: number;
  interestsInPool: number;
  visited: number; // prospects with a first visit
  layouts: { layout: string; units: number; minArea: number; maxArea: number; minPrice: number; maxPrice: number }[];
  seconds: { plan: number; customers: number; deals: number; vacuum: number; total: number };
};

const HELPERS = [
  `CREATE FUNCTION pg_temp.u(n bigint, k int) RETURNS float8 LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$`,
  `CREATE FUNCTION pg_temp.uuid7(t timestamptz, salt text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 5, 15))::uuid $$`,
];

const pick = (arr: string, draw: string) => `(${arr})[1 + floor(${draw} * array_length(${arr}, 1))::int]`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

// Writes the sale of org.project as of `now`: unit statuses, customers, interests, deals and
// owners, with `prospects` customers in all (at least one per deal). Runs on one connection with
// every check on (triggers fill the interests' pinyin keys; foreign keys are checked), then
// VACUUM ANALYZE and CHECKPOINT.
export async function generateSalesData(url: string, org: SalesOrg, prospects: number, log: (m: string) => void, now = new Date()): Promise<SalesGeneration> {
  const client = new pg.Client({ connectionString: url });
  const t0 = performance.now();
  await client.connect();
  try {
    const q = (text: string, values?: unknown[]) => client.query(text, values);
    await q('SET synchronous_commit = off');
    for (const h of HELPERS) await q(h);

    // 1. The plan: per unit its phase, status, the start of its active deal and, for some, an
    //    earlier cancelled deal; buyer / canceller are running numbers (customer numbers).
    const cumulative = PHASES.flatMap((p) => [p.delivered, p.delivered + p.contracted, p.delivered + p.contracted + p.subscribed, p.delivered + p.contracted + p.subscribed + p.reserved]);
    const [, planSeconds] = await time(async () => {
      await q(
        `CREATE TEMP TABLE sale_plan AS
         SELECT *, CASE WHEN status <> 'available' THEN count(*) FILTER (WHERE status <> 'available') OVER (ORDER BY n) END::int AS buyer,
                   CASE WHEN cancelled THEN count(*) FILTER (WHERE cancelled) OVER (ORDER BY n) END::int AS canceller,
                   CASE status WHEN 'reserved' THEN 'pledge' WHEN 'subscribed' THEN 'subscription' WHEN 'available' THEN NULL ELSE 'contract' END AS stage
           FROM (SELECT *,
                        CASE WHEN r < ($4::float8[])[(phase - 1) * 4 + 1] THEN 'delivered' WHEN r < ($4::float8[])[(phase - 1) * 4 + 2] THEN 'contracted'
                             WHEN r < ($4::float8[])[(phase - 1) * 4 + 3] THEN 'subscribed' WHEN r < ($4::float8[])[(phase - 1) * 4 + 4] THEN 'reserved'
                             ELSE 'available' END AS status,
                        pg_temp.u(n, 3) < $7 AS cancelled,
                        opened + pg_temp.u(n, 2) * least($5::timestamptz - opened - interval '3 days', interval '300 days') AS start
                   FROM (SELECT u.unit_id, u.company_id, u.project_id, u.building_id, u.floor, u.list_price, u.n,
                                1 + ((u.bi - 1) * $8) / $3 AS phase,
                                least(0.9999, pg_temp.u(u.n, 1) + CASE WHEN u.floor <= 2 THEN 0.12 ELSE 0 END) AS r,
                                $5::timestamptz - ($6::float8[])[1 + ((u.bi - 1) * $8) / $3] * interval '1 day' AS opened
                           FROM (SELECT u.id AS unit_id, u.company_id, u.project_id, u.building_id, u.floor, u.list_price,
                                        array_position($1::uuid[], u.building_id) AS bi,
                                        row_number() OVER (ORDER BY array_position($1::uuid[], u.building_id), u.floor, u.number) AS n
                                   FROM units u WHERE u.project_id = $2) u) a) b`,
        [org.buildingIds, org.project.id, org.buildingIds.length, cumulative, now, PHASES.map((p) => p.openedDaysAgo), CANCELLED_SHARE, PHASES.length],
      );
      // The active deal's path: pledge only; (pledge →) subscription; (pledge →) (subscription →) contract.
      await q(
        `CREATE TEMP TABLE deal_plan AS
         SELECT *, greatest(pledged_at, subscribed_at, contracted_at) AS last_at, coalesce(pledged_at, subscribed_at, contracted_at) AS first_at
           FROM (SELECT *, CASE WHEN stage = 'contract' THEN least($1::timestamptz - interval '30 minutes',
                                     coalesce(subscribed_at, start) + CASE WHEN subscribed_at IS NOT NULL THEN (10 + 35 * pg_temp.u(n, 6)) * interval '1 day' ELSE interval '0' END) END AS contracted_at
                   FROM (SELECT *, CASE WHEN has_pledge THEN start END AS pledged_at,
                                CASE WHEN has_sub THEN least($1::timestamptz - interval '1 hour', start + CASE WHEN has_pledge THEN (5 + 15 * pg_temp.u(n, 5)) * interval '1 day' ELSE interval '0' END) END AS subscribed_at
                           FROM (SELECT p.*, v,
                                        stage = 'pledge' OR (stage = 'subscription' AND v < 0.55) OR (stage = 'contract' AND v < 0.5) AS has_pledge,
                                        stage = 'subscription' OR (stage = 'contract' AND v < 0.9) AS has_sub
                                   FROM sale_plan p CROSS JOIN LATERAL (SELECT pg_temp.u(p.n, 4) AS v) vv
                                  WHERE p.stage IS NOT NULL) a) b) c`,
        [now],
      );
      // Earlier cancelled deals: pledged or subscribed in the unit's first months on sale, cancelled
      // before its current deal (or before now, for an available unit).
      await q(
        `CREATE TEMP TABLE cancel_plan AS
         SELECT p.*, cs.c_start, cs.c_start + (coalesce(d.first_at, $1::timestamptz) - cs.c_start) * 0.5 AS cancelled_at
           FROM sale_plan p LEFT JOIN deal_plan d ON d.unit_id = p.unit_id
          CROSS JOIN LATERAL (SELECT p.opened + pg_temp.u(p.n, 7) * greatest(interval '0', coalesce(d.first_at, $1::timestamptz) - interval '2 days' - p.opened) AS c_start) cs
          WHERE p.cancelled`,
        [now],
      );
    });
    const { rows: [sizes] } = await q(`SELECT (SELECT count(*) FROM deal_plan)::int AS deals, (SELECT count(*) FROM cancel_plan)::int AS cancels`);
    const buyers = Number(sizes.deals);
    const cancellers = Number(sizes.cancels);
    const total = Math.max(prospects, buyers + cancellers);
    log(`plan: ${buyers} active deals, ${cancellers} cancelled, ${total} customers (${planSeconds.toFixed(1)} s)`);

    // 2. Customers and their interest in the project. Customer m: 1…buyers the buyer of the
    //    m-th sold unit, then the cancellers, then prospects who have not bought.
    const pools = namePools();
    const consultants = org.consultants.map((c) => c.id);
    const teams = org.consultants.map((c) => c.teamId);
    const [, customerSeconds] = await time(async () => {
      await q(
        `CREATE TEMP TABLE bench_cust AS
         SELECT m, role, created, pg_temp.uuid7(created, 's' || m) AS id, unit_status, owner_slot
           FROM (SELECT m, CASE WHEN d.unit_id IS NOT NULL THEN 'buyer' WHEN c.unit_id IS NOT NULL THEN 'canceller' ELSE 'prospect' END AS role,
                        CASE WHEN d.unit_id IS NOT NULL THEN d.first_at - (3 + 87 * pg_temp.u(m, 1)) * interval '1 day'
                             WHEN c.unit_id IS NOT NULL THEN c.c_start - (3 + 60 * pg_temp.u(m, 1)) * interval '1 day'
                             ELSE $2::timestamptz - (1 + 1094 * pg_temp.u(m, 1)) * interval '1 day' END AS created,
                        d.status AS unit_status, 1 + floor(pg_temp.u(m, 2) * $4)::int AS owner_slot
                   FROM generate_series(1, $1::int) m
                   LEFT JOIN deal_plan d ON d.buyer = m
                   LEFT JOIN cancel_plan c ON c.canceller = m - $3) x`,
        [total, now, buyers, consultants.length],
      );
      await q(
        `INSERT INTO customers (id, name, name_pinyin, name_initials, gender, age_band, mobile, mobile_tail, residence_area, need_layout,
                                purpose, source_channel, buyer_type, family_segment, created_by, version, created_at, updated_at)
         SELECT c.id, ($2::text[])[si] || g1.t || coalesce(g2.t, ''), ($3::text[])[si] || g1.p || coalesce(g2.p, ''), ($4::text[])[si] || g1.i || coalesce(g2.i, ''),
                CASE WHEN male THEN 'male' ELSE 'female' END, ${pick('$11::text[]', 'pg_temp.u(m, 15)')},
                mobile, right(mobile, 4), ${pick('$12::text[]', 'pg_temp.u(m, 16)')}, ${pick('$13::text[]', 'pg_temp.u(m, 17)')},
                ${pick('$14::text[]', 'pg_temp.u(m, 18)')}, ${pick('$15::text[]', 'pg_temp.u(m, 19)')},
                ${pick('$16::text[]', 'pg_temp.u(m, 20)')}, ${pick('$17::text[]', 'pg_temp.u(m, 21)')},
                ($1::uuid[])[owner_slot], 1, c.created, c.created
           FROM (SELECT c.*, floor(pg_temp.u(m, 10) * array_length($2::text[], 1))::int + 1 AS si, pg_temp.u(m, 11) < 0.5 AS male,
                        floor(pg_temp.u(m, 12) * 1000)::int + 1 AS g1s, CASE WHEN pg_temp.u(m, 13) < 0.7 THEN floor(pg_temp.u(m, 14) * 1000)::int + 1 END AS g2s,
                        '1' || (3 + m % 7) || lpad(((m::bigint * 387420489 + 123456789) % 1000000000)::text, 9, '0') AS mobile
                   FROM bench_cust c) c
          CROSS JOIN LATERAL (SELECT (CASE WHEN male THEN $5::text[] ELSE $8::text[] END)[g1s] AS t, (CASE WHEN male THEN $6::text[] ELSE $9::text[] END)[g1s] AS p,
                                     (CASE WHEN male THEN $7::text[] ELSE $10::text[] END)[g1s] AS i) g1
          CROSS JOIN LATERAL (SELECT (CASE WHEN male THEN $5::text[] ELSE $8::text[] END)[g2s] AS t, (CASE WHEN male THEN $6::text[] ELSE $9::text[] END)[g2s] AS p,
                                     (CASE WHEN male THEN $7::text[] ELSE $10::text[] END)[g2s] AS i) g2`,
        [
          consultants,
          pools.surnames.map((s) => s.text), pools.surnames.map((s) => s.pinyin), pools.surnames.map((s) => s.initials),
          pools.male.map((s) => s.text), pools.male.map((s) => s.pinyin), pools.male.map((s) => s.initials),
          pools.female.map((s) => s.text), pools.female.map((s) => s.pinyin), pools.female.map((s) => s.initials),
          [...AGE_BANDS], AREAS, NEED_LAYOUTS, [...PURPOSES], [...SOURCE_CHANNELS], [...BUYER_TYPES], [...FAMILY_SEGMENTS],
        ],
      );
      // One interest per customer in the project, owned by a consultant (8 % of the prospects who
      // have not bought are in the public pool). Buyers' stage follows their deal: pledge → 意向,
      // subscription → 认购, contract → 签约, handed over → 业主; cancellers are back at 意向.
      await q(
        `CREATE TEMP TABLE bench_interest AS
         SELECT c.m, c.id AS customer_id, pg_temp.uuid7(c.created, 'pi' || c.m) AS id, c.created,
                CASE WHEN in_pool THEN NULL ELSE ($1::uuid[])[c.owner_slot] END AS owner_id,
                CASE WHEN in_pool THEN NULL ELSE ($2::uuid[])[c.owner_slot] END AS owner_team_id,
                in_pool,
                CASE c.role WHEN 'buyer' THEN CASE c.unit_status WHEN 'reserved' THEN 'intending' WHEN 'subscribed' THEN 'subscribed' WHEN 'contracted' THEN 'contracted' ELSE 'owner' END
                            WHEN 'canceller' THEN 'intending'
                            ELSE CASE WHEN in_pool OR pg_temp.u(c.m, 31) < 0.5 THEN 'potential' WHEN pg_temp.u(c.m, 31) < 0.8 THEN 'intending' ELSE 'lost' END END AS stage,
                CASE WHEN c.role = 'buyer' THEN 'A' WHEN c.role = 'canceller' THEN 'B' WHEN pg_temp.u(c.m, 32) < 0.15 THEN 'A' WHEN pg_temp.u(c.m, 32) < 0.5 THEN 'B' ELSE 'C' END AS grade
           FROM bench_cust c CROSS JOIN LATERAL (SELECT c.role = 'prospect' AND pg_temp.u(c.m, 30) < 0.08 AS in_pool) ip`,
        [consultants, teams],
      );
      await q(
        `INSERT INTO project_interests (id, company_id, project_id, customer_id, owner_id, owner_team_id, channel, stage, lost_reason, grade, in_pool, pool_reason,
                                        last_contact_at, next_follow_up_at, assigned_at, version, created_at, updated_at)
         SELECT i.id, $1, $2, i.customer_id, i.owner_id, i.owner_team_id, ${pick('$4::text[]', 'pg_temp.u(i.m, 20)')}, i.stage,
                CASE WHEN i.stage = 'lost' THEN ${pick('$5::text[]', 'pg_temp.u(i.m, 33)')} ELSE '' END, i.grade, i.in_pool,
                CASE WHEN i.in_pool THEN '超过 15 天未跟进，自动回收' ELSE '' END, last_contact,
                CASE WHEN i.in_pool OR i.stage IN ('owner', 'lost') THEN NULL ELSE $3::timestamptz + (pg_temp.u(i.m, 34) - 0.5) * interval '60 days' END,
                CASE WHEN i.in_pool THEN NULL ELSE i.created END, 1, i.created, last_contact
           FROM bench_interest i CROSS JOIN LATERAL (SELECT i.created + ($3::timestamptz - i.created) * pg_temp.u(i.m, 35) AS last_contact) lc`,
        [org.companyId, org.project.id, now, [...SOURCE_CHANNELS], ['预算不足', '选择竞品', '区位不合适', '暂缓购房', '户型不满意']],
      );
    });
    log(`customers and interests: ${customerSeconds.toFixed(1)} s`);

    // 3. Deals, unit statuses and owners.
    const [, dealSeconds] = await time(async () => {
      await q(
        `INSERT INTO deals (id, company_id, project_id, building_id, unit_id, customer_id, interest_id, consultant_id, stage, status,
                            pledge_amount, deposit, payment_method, contract_due_date, price, signed_on, pledged_at, subscribed_at, contracted_at,
                            version, created_at, updated_at)
         SELECT pg_temp.uuid7(d.first_at, 'd' || d.n), d.company_id, d.project_id, d.building_id, d.unit_id, i.customer_id, i.id, i.owner_id, d.stage, 'active',
                CASE WHEN d.pledged_at IS NOT NULL THEN CASE WHEN d.list_price >= 6000000 THEN 50000 ELSE 20000 END END,
                CASE WHEN d.subscribed_at IS NOT NULL THEN CASE WHEN d.list_price >= 5000000 THEN 100000 ELSE 50000 END END,
                CASE WHEN d.subscribed_at IS NOT NULL OR d.stage = 'contract' THEN
                  CASE WHEN pg_temp.u(d.n, 8) < 0.55 THEN 'mortgage' WHEN pg_temp.u(d.n, 8) < 0.70 THEN 'combined' WHEN pg_temp.u(d.n, 8) < 0.82 THEN 'housing_fund' ELSE 'full' END END,
                CASE WHEN d.subscribed_at IS NOT NULL THEN ((d.subscribed_at AT TIME ZONE 'Asia/Shanghai') + interval '30 days')::date END,
                CASE WHEN d.stage = 'contract' THEN round(d.list_price * (0.96 + 0.03 * pg_temp.u(d.n, 9)) / 100) * 100 END,
                CASE WHEN d.stage = 'contract' THEN (d.contracted_at AT TIME ZONE 'Asia/Shanghai')::date END,
                d.pledged_at, d.subscribed_at, d.contracted_at,
                (d.pledged_at IS NOT NULL)::int + (d.subscribed_at IS NOT NULL)::int + (d.contracted_at IS NOT NULL)::int,
                d.first_at, d.last_at
           FROM deal_plan d JOIN bench_interest i ON i.m = d.buyer`,
      );
      await q(
        `INSERT INTO deals (id, company_id, project_id, building_id, unit_id, customer_id, interest_id, consultant_id, stage, status,
                            pledge_amount, deposit, payment_method, contract_due_date, pledged_at, subscribed_at, cancelled_at, cancel_reason,
                            version, created_at, updated_at)
         SELECT pg_temp.uuid7(c.c_start, 'x' || c.n), c.company_id, c.project_id, c.building_id, c.unit_id, i.customer_id, i.id, i.owner_id,
                CASE WHEN sub THEN 'subscription' ELSE 'pledge' END, 'cancelled',
                CASE WHEN NOT sub THEN 20000 END, CASE WHEN sub THEN 50000 END, CASE WHEN sub THEN 'mortgage' END,
                CASE WHEN sub THEN ((c.c_start AT TIME ZONE 'Asia/Shanghai') + interval '30 days')::date END,
                CASE WHEN NOT sub THEN c.c_start END, CASE WHEN sub THEN c.c_start END, c.cancelled_at, ${pick('$2::text[]', 'pg_temp.u(c.n, 11)')},
                2, c.c_start, c.cancelled_at
           FROM cancel_plan c JOIN bench_interest i ON i.m = $1::int + c.canceller
          CROSS JOIN LATERAL (SELECT pg_temp.u(c.n, 10) < 0.4 AS sub) s`,
        [buyers, CANCEL_REASONS],
      );
      await q(
        `UPDATE units u SET status = p.status, version = u.version + 1, updated_at = d.last_at
           FROM sale_plan p JOIN deal_plan d USING (unit_id) WHERE u.id = p.unit_id`,
      );
      await q(
        `INSERT INTO unit_owners (id, company_id, project_id, unit_id, customer_id, deal_id, since)
         SELECT pg_temp.uuid7(contracted_at, 'o' || d.id), d.company_id, d.project_id, d.unit_id, d.customer_id, d.id, d.contracted_at
           FROM deals d WHERE d.project_id = $1 AND d.status = 'active' AND d.stage = 'contract'`,
        [org.project.id],
      );
      // Funnel milestones kept on the prospect, as the sales module keeps them: the first time each
      // deal stage was reached (kept after a cancellation) and the first visit — before the first deal
      // for most buyers (a deal made on site counts as one), and for 70 % of the intending, 40 % of the
      // lost and 10 % of the potential prospects who have not bought.
      await q(
        `UPDATE project_interests pi
            SET pledged_at = d.pledged_at, subscribed_at = d.subscribed_at, contracted_at = d.contracted_at,
                first_visit_at = pi.created_at + (coalesce(d.pledged_at, d.subscribed_at, d.contracted_at) - pi.created_at) * CASE WHEN pg_temp.u(hashtext(pi.id::text), 40) < 0.85 THEN pg_temp.u(hashtext(pi.id::text), 41) ELSE 1 END
           FROM deals d WHERE d.interest_id = pi.id AND d.project_id = $1`,
        [org.project.id],
      );
      await q(
        `UPDATE project_interests pi SET first_visit_at = pi.created_at + (coalesce(pi.last_contact_at, pi.created_at) - pi.created_at) * pg_temp.u(hashtext(pi.id::text), 43)
          WHERE pi.project_id = $1 AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.interest_id = pi.id)
            AND pg_temp.u(hashtext(pi.id::text), 42) < CASE pi.stage WHEN 'intending' THEN 0.7 WHEN 'lost' THEN 0.4 WHEN 'potential' THEN 0.1 ELSE 0 END`,
        [org.project.id],
      );
    });
    log(`deals, unit statuses, owners and milestones: ${dealSeconds.toFixed(1)} s`);
    const [, vacuumSeconds] = await time(async () => {
      await q('VACUUM ANALYZE');
      await q('CHECKPOINT').catch(() => undefined);
    });
    log(`VACUUM ANALYZE + CHECKPOINT: ${vacuumSeconds.toFixed(1)} s`);

    const { rows: statusRows } = await q(`SELECT status, count(*)::int AS n FROM units WHERE project_id = $1 GROUP BY status`, [org.project.id]);
    const { rows: stageRows } = await q(`SELECT stage, status, count(*)::int AS n FROM deals WHERE project_id = $1 GROUP BY stage, status`, [org.project.id]);
    const { rows: [n] } = await q(
      `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM project_interests)::int AS interests,
              (SELECT count(*) FROM project_interests WHERE in_pool)::int AS pooled, (SELECT count(*) FROM unit_owners)::int AS owners,
              (SELECT count(*) FROM project_interests WHERE first_visit_at IS NOT NULL)::int AS visited`,
    );
    const { rows: layoutRows } = await q(
      `SELECT layout, count(*)::int AS units, min(area)::float8 AS min_area, max(area)::float8 AS max_area, min(list_price)::float8 AS min_price, max(list_price)::float8 AS max_price
         FROM units WHERE project_id = $1 GROUP BY layout ORDER BY min(area), layout`,
      [org.project.id],
    );
    // Generated rows must hold what the application assumes of real ones.
    const { rows: [bad] } = await q(
      `SELECT (SELECT count(*) FROM units u LEFT JOIN deals d ON d.unit_id = u.id AND d.status = 'active'
                WHERE u.project_id = $1 AND (u.status = 'available') <> (d.id IS NULL))::int AS status_vs_deal,
              (SELECT count(*) FROM deals d JOIN units u ON u.id = d.unit_id
                WHERE d.status = 'active' AND u.status <> CASE d.stage WHEN 'pledge' THEN 'reserved' WHEN 'subscription' THEN 'subscribed' ELSE u.status END)::int AS stage_vs_status,
              (SELECT count(*) FROM deals d JOIN project_interests pi ON pi.id = d.interest_id
                WHERE pi.customer_id <> d.customer_id OR pi.project_id <> d.project_id OR pi.owner_id IS DISTINCT FROM d.consultant_id)::int AS deal_vs_interest,
              (SELECT count(*) FROM deals WHERE status = 'active' AND greatest(pledged_at, subscribed_at, contracted_at) > $2::timestamptz)::int AS future_stamps,
              (SELECT count(*) FROM deals WHERE status = 'cancelled' AND cancelled_at < created_at)::int AS bad_cancels,
              (SELECT count(*) FROM deals d JOIN project_interests pi ON pi.id = d.interest_id
                WHERE pi.pledged_at IS DISTINCT FROM d.pledged_at OR pi.subscribed_at IS DISTINCT FROM d.subscribed_at OR pi.contracted_at IS DISTINCT FROM d.contracted_at
                   OR pi.first_visit_at IS NULL OR pi.first_visit_at > coalesce(d.pledged_at, d.subscribed_at, d.contracted_at) OR pi.first_visit_at < pi.created_at)::int AS bad_milestones`,
      [org.project.id, now],
    );
    if (Object.values(bad).some((v) => Number(v) !== 0)) throw new Error(`generated sales data is inconsistent: ${JSON.stringify(bad)}`);

    const byStatus = { available: 0, reserved: 0, subscribed: 0, contracted: 0, delivered: 0 } as Record<UnitStatus, number>;
    for (const r of statusRows) byStatus[r.status as UnitStatus] = r.n;
    const dealsByStage: Record<string, number> = {};
    let cancelledDeals = 0;
    for (const r of stageRows) {
      if (r.status === 'active') dealsByStage[r.stage] = r.n;
      else cancelledDeals += r.n;
    }
    return {
      units: statusRows.reduce((s, r) => s + r.n, 0),
      byStatus,
      activeDeals: Object.values(dealsByStage).reduce((s, v) => s + v, 0),
      dealsByStage,
      cancelledDeals,
      owners: n.owners,
      customers: n.customers,
      interests: n.interests,
      interestsInPool: n.pooled,
      visited: n.visited,
      layouts: layoutRows.map((r) => ({ layout: r.layout, units: r.units, minArea: r.min_area, maxArea: r.max_area, minPrice: r.min_price, maxPrice: r.max_price })),
      seconds: { plan: planSeconds, customers: customerSeconds, deals: dealSeconds, vacuum: vacuumSeconds, total: (performance.now() - t0) / 1000 },
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

