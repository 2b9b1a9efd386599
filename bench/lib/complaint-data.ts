// The complaints benchmark's world: the customers benchmark's organisation (2 companies, their
// projects, consultants and a customer-relations manager per company) with buildings and units,
// then complaints, call-backs and early-warning alerts generated inside PostgreSQL
// (INSERT … SELECT over generate_series). Draws are hashes of the row number, so a given size
// always produces the same data.
import pg from 'pg';
import { COMPLAINT_CHANNELS, SPECIALTIES } from '../../src/common/complaints.ts';
import type { Db } from '../../src/server/db/client.ts';
import { seedBuilding } from '../../src/server/seed/factories.ts';
import { seedOrganisation, type BenchOrg } from './customer-data.ts';

export type ComplaintOrg = BenchOrg & { buildings: string[][]; units: string[][] };

const BUILDINGS_PER_PROJECT = 2;
const FLOORS = 18;
const UNITS_PER_FLOOR = 4;

export async function seedComplaintOrganisation(db: Db, projectsPerCompany: number): Promise<ComplaintOrg> {
  const org = await seedOrganisation(db, { projectsPerCompany, teamsPerProject: 1, consultantsPerTeam: 4 });
  const buildings: string[][] = [];
  const units: string[][] = [];
  for (const p of org.projects) {
    const bs: string[] = [];
    const us: string[] = [];
    for (let b = 1; b <= BUILDINGS_PER_PROJECT; b++) {
      const row = await seedBuilding(db, { companyId: p.companyId, projectId: p.id, name: `${b} 号楼`, floors: FLOORS, unitsPerFloor: UNITS_PER_FLOOR });
      bs.push(row.id);
      us.push(...row.unitIds);
    }
    buildings.push(bs);
    units.push(us);
  }
  return { ...org, buildings, units };
}

// Shares from the seeds' half-year count by specialty (seed 002: 工程质量 6,360, 规划设计 501,
// 销售管理 183, 物业管理 202, 客户服务 71, 其他 121): engineering dominates.
export const SPECIALTY_WEIGHTS: Record<(typeof SPECIALTIES)[number], number> = { engineering: 6360, design: 501, sales: 183, property: 202, service: 71, other: 121 };
const CHANNEL_WEIGHTS: Record<(typeof COMPLAINT_CHANNELS)[number], number> = {
  hotline: 38, web: 18, onsite: 20, wechat: 14, email: 2, letter: 1, media: 2, consumer_association: 2, government: 2, lawsuit: 1,
};
const TITLES: Record<(typeof SPECIALTIES)[number], string[]> = {
  engineering: ['卫生间渗水', '外墙开裂', '窗户漏水', '地面空鼓', '墙面发霉'],
  design: ['户型与样板间不符', '采光被遮挡', '车位设计不合理', '小区绿化缩水', '电梯数量不足'],
  sales: ['销售承诺未兑现', '合同条款争议', '延期交房赔偿', '价格差异投诉', '办证进度缓慢'],
  property: ['物业费收费争议', '小区安保不到位', '公共区域卫生差', '维修响应慢', '停车管理混乱'],
  service: ['客服电话无人接听', '答复不及时', '工作人员态度差', '投诉处理拖延', '回访不到位'],
  other: ['周边施工噪音', '学校配套未落实', '交通配套不足', '业主群纠纷', '其他问题'],
};
const NAMES = ['王先生', '李女士', '张先生', '刘女士', '陈先生', '杨女士', '黄先生', '赵女士', '吴先生', '周女士', '徐先生', '孙女士'];

// Cumulative lower bounds of weights, for width_bucket(draw, bounds) → 1-based index.
const bounds = (weights: number[]) => {
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  return weights.map((w) => {
    const b = acc / total;
    acc += w;
    return b;
  });
};

const HELPERS = [
  `CREATE FUNCTION pg_temp.u(n bigint, k int) RETURNS float8 LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$`,
  `CREATE FUNCTION pg_temp.uuid7(t timestamptz, salt text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 5, 15))::uuid $$`,
];

export type ComplaintGeneration = { complaints: number; open: number; callbacks: number; alerts: number; seconds: { complaints: number; callbacks: number; indexes: number; vacuum: number; total: number }; bySpecialty: Record<string, number> };

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

// `count` complaints over the two years before `now`, more of them recently (density rising
// linearly); 55 % in the first company; within a company, projects by a Zipf-like weight.
// Older complaints are almost all closed, recent ones mostly open. Secondary indexes are dropped
// for the load and re-created from their own definitions; FK checks skipped when allowed.
export async function generateComplaintData(url: string, org: ComplaintOrg, count: number, log: (m: string) => void, opts: { workers?: number; now?: Date } = {}): Promise<ComplaintGeneration> {
  const now = opts.now ?? new Date();
  const workers = Math.max(1, opts.workers ?? 2);
  const clients = Array.from({ length: workers }, () => new pg.Client({ connectionString: url }));
  const t0 = performance.now();
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const q = (text: string, values?: unknown[]) => clients[0].query(text, values);
    const each = (text: string, values: unknown[], extra: (w: number) => unknown[]) => Promise.all(clients.map((c, w) => c.query(text, [...values, ...extra(w)])));
    for (const c of clients) {
      await c.query(`SET synchronous_commit = off`);
      await c.query(`SET maintenance_work_mem = '512MB'`);
      await c.query(`SET session_replication_role = replica`).catch(() => undefined);
      for (const h of HELPERS) await c.query(h);
    }
    const tables = ['complaints', 'complaint_callbacks', 'complaint_alerts'];
    const { rows: indexes } = await q(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
      [tables],
    );
    for (const ix of indexes) await q(`DROP INDEX "${ix.indexname}"`);

    const perCompany = org.projects.length / org.companies.length;
    const projectWeights = org.projects.map((p, i) => (org.companies[0].id === p.companyId ? 0.55 : 0.45) / (i % perCompany + 1) ** 0.7 / org.projects.filter((x) => x.companyId === p.companyId).reduce((s, _x, j) => s + 1 / (j + 1) ** 0.7, 0));
    const range = (w: number) => [Math.floor((count * w) / workers) + 1, Math.floor((count * (w + 1)) / workers)];
    const [, complaintSeconds] = await time(() =>
      each(
        `INSERT INTO complaints (id, company_id, project_id, building_id, unit_id, no, tracking_code, source, channel, specialty, title, description,
                                 contact_name, contact_mobile, severity, status, escalation_level, first_responder_id, handler_id,
                                 filed_at, ack_due_at, acknowledged_at, resolution_due_at, resolved_at, closed_at, version, created_at, updated_at)
         SELECT pg_temp.uuid7(filed, 'c' || n), ($3::uuid[])[p], ($4::uuid[])[p],
                CASE WHEN has_unit THEN ($7::uuid[])[p][1 + (k - 1) / $13::int] END, CASE WHEN has_unit THEN ($6::uuid[])[p][k] END,
                'TS' || to_char(filed AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(n::text, 7, '0'), upper(substr(md5('t' || n), 1, 16)),
                CASE WHEN channel = 'web' THEN 'public' ELSE 'staff' END, channel, specialty,
                ($9::text[])[s][1 + floor(pg_temp.u(n, 6) * 5)::int], '业主反映问题，要求尽快处理并给予答复。',
                ($12::text[])[1 + floor(pg_temp.u(n, 7) * array_length($12::text[], 1))::int],
                '1' || (3 + n % 7) || lpad(((n * 387420489 + 123456789) % 1000000000)::text, 9, '0'),
                severity, status, CASE severity WHEN 'major' THEN 'group' WHEN 'hot' THEN 'company' ELSE 'project' END, handler, handler,
                filed, filed + CASE WHEN channel = 'web' THEN 24 ELSE 4 END * interval '1 hour',
                CASE WHEN status <> 'received' THEN filed + pg_temp.u(n, 8) * 5 * interval '1 hour' END,
                filed + limit_h * interval '1 hour', resolved, CASE WHEN status = 'closed' THEN least(resolved + (1 + pg_temp.u(n, 9) * 71) * interval '1 hour', $2::timestamptz) END,
                1, filed, filed
           FROM (SELECT *, CASE WHEN status IN ('closed', 'awaiting_callback')
                                THEN least(filed + limit_h * interval '1 hour' * CASE WHEN pg_temp.u(n, 10) < 0.85 THEN pg_temp.u(n, 11) * 0.95 ELSE 1 + pg_temp.u(n, 11) * 2 END,
                                           $2::timestamptz - interval '1 minute') END AS resolved
                   FROM (SELECT *, CASE severity WHEN 'general' THEN 120 WHEN 'important' THEN 72 WHEN 'hot' THEN 48 ELSE 24 END AS limit_h,
                                CASE WHEN pg_temp.u(n, 12) >= CASE WHEN age < 2 THEN 0.95 WHEN age < 7 THEN 0.6 WHEN age < 30 THEN 0.2 WHEN age < 180 THEN 0.03 ELSE 0.005 END THEN 'closed'
                                     ELSE (ARRAY['received', 'assigned', 'investigating', 'solution_proposed', 'in_progress', 'in_progress', 'awaiting_callback', 'investigating', 'assigned', 'in_progress'])[1 + floor(pg_temp.u(n, 13) * 10)::int] END AS status
                           FROM (SELECT n, filed, extract(epoch FROM $2::timestamptz - filed) / 86400 AS age,
                                        width_bucket(pg_temp.u(n, 1), $5::float8[]) AS p,
                                        width_bucket(pg_temp.u(n, 2), $11::float8[]) AS s,
                                        ($10::text[])[width_bucket(pg_temp.u(n, 2), $11::float8[])] AS specialty,
                                        ($14::text[])[width_bucket(pg_temp.u(n, 3), $15::float8[])] AS channel,
                                        CASE WHEN pg_temp.u(n, 4) < 0.70 THEN 'general' WHEN pg_temp.u(n, 4) < 0.85 THEN 'important' WHEN pg_temp.u(n, 4) < 0.95 THEN 'hot' ELSE 'major' END AS severity,
                                        pg_temp.u(n, 5) < 0.7 AS has_unit, 1 + floor(pg_temp.u(n, 14) * $16::int)::int AS k,
                                        ($8::uuid[])[width_bucket(pg_temp.u(n, 1), $5::float8[])][1 + floor(pg_temp.u(n, 15) * $17::int)::int] AS handler
                                   FROM (SELECT n, $2::timestamptz - (1 - sqrt(pg_temp.u(n, 0))) * interval '730 days' AS filed
                                           FROM generate_series($18::bigint, $19::bigint) n WHERE n <= $1::bigint) g) a) b) c`,
        [
          count, now, org.projects.map((p) => p.companyId), org.projects.map((p) => p.id), bounds(projectWeights),
          org.units, org.buildings, org.consultants.map((cs) => cs.map((c) => c.id)),
          SPECIALTIES.map((s) => TITLES[s]), [...SPECIALTIES], bounds(SPECIALTIES.map((s) => SPECIALTY_WEIGHTS[s])), NAMES,
          FLOORS * UNITS_PER_FLOOR, [...COMPLAINT_CHANNELS], bounds(COMPLAINT_CHANNELS.map((c) => CHANNEL_WEIGHTS[c])),
          org.units[0].length, org.consultants[0].length,
        ],
        range,
      ),
    );
    log(`complaints: ${count} rows in ${complaintSeconds.toFixed(1)} s`);

    // Every closed complaint and 30 % of those awaiting one have a call-back; 12 % of them an
    // earlier, unhappy one too. Satisfaction 5: 45 %, 4: 35 %, 3: 12 %, 2: 5 %, 1: 3 %.
    const [, callbackSeconds] = await time(() =>
      each(
        `INSERT INTO complaint_callbacks (id, company_id, complaint_id, satisfaction, solved, content, by_user_id, at)
         SELECT pg_temp.uuid7(at, c.id::text || i), c.company_id, c.id,
                CASE WHEN i = 0 THEN 2 WHEN pg_temp.u(h, 21) < 0.45 THEN 5 WHEN pg_temp.u(h, 21) < 0.80 THEN 4 WHEN pg_temp.u(h, 21) < 0.92 THEN 3 WHEN pg_temp.u(h, 21) < 0.97 THEN 2 ELSE 1 END,
                i = 1, '电话回访', c.handler_id, at
           FROM complaints c
          CROSS JOIN LATERAL (SELECT uuid_hash(c.id)::bigint AS h) hh
          CROSS JOIN LATERAL generate_series(CASE WHEN pg_temp.u(h, 22) < 0.12 THEN 0 ELSE 1 END, 1) i
          CROSS JOIN LATERAL (SELECT c.resolved_at + (coalesce(c.closed_at, $1::timestamptz) - c.resolved_at) * (0.3 + 0.4 * i) AS at) t
          WHERE (c.status = 'closed' OR (c.status = 'awaiting_callback' AND pg_temp.u(h, 20) < 0.3)) AND abs(h) % $2 = $3`,
        [now, workers],
        (w) => [w],
      ),
    );
    log(`call-backs: ${callbackSeconds.toFixed(1)} s`);

    await q(
      `INSERT INTO complaint_alerts (id, company_id, project_id, kind, key, building_id, specialty, customer_count, complaint_ids, open, raised_at, cleared_at, version, created_at, updated_at)
       SELECT pg_temp.uuid7(raised, 'a' || p || ':' || i), ($1::uuid[])[p], ($2::uuid[])[p], 'building_specialty', ($3::uuid[])[p][1 + i % 2]::text || ':engineering:' || i,
              ($3::uuid[])[p][1 + i % 2], 'engineering', 3 + i % 4, '{}', i % 5 = 0, raised, CASE WHEN i % 5 <> 0 THEN raised + interval '10 days' END, 1, raised, raised
         FROM generate_series(1, array_length($2::uuid[], 1)) p CROSS JOIN generate_series(1, 25) i
        CROSS JOIN LATERAL (SELECT $4::timestamptz - (i * 29) * interval '1 day' AS raised) r`,
      [org.projects.map((p) => p.companyId), org.projects.map((p) => p.id), org.buildings, now],
    );
    for (const c of clients) await c.query(`SET session_replication_role = origin`).catch(() => undefined);
    const [, indexSeconds] = await time(async () => {
      for (const ix of indexes) await q(ix.indexdef);
    });
    const [, vacuumSeconds] = await time(async () => {
      await q('VACUUM ANALYZE');
      await q('CHECKPOINT').catch(() => undefined);
    });
    log(`indexes ${indexSeconds.toFixed(1)} s, VACUUM ANALYZE + CHECKPOINT ${vacuumSeconds.toFixed(1)} s`);

    const { rows: [n] } = await q(
      `SELECT (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM complaints WHERE status <> 'closed')::int AS open,
              (SELECT count(*) FROM complaint_callbacks)::int AS callbacks, (SELECT count(*) FROM complaint_alerts)::int AS alerts`,
    );
    const { rows: spec } = await q(`SELECT specialty, count(*)::int AS n FROM complaints GROUP BY specialty`);
    return {
      complaints: n.complaints, open: n.open, callbacks: n.callbacks, alerts: n.alerts,
      seconds: { complaints: complaintSeconds, callbacks: callbackSeconds, indexes: indexSeconds, vacuum: vacuumSeconds, total: (performance.now() - t0) / 1000 },
      bySpecialty: Object.fromEntries(spec.map((r: { specialty: string; n: number }) => [r.specialty, r.n])),
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
