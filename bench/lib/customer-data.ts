// The customers benchmark's world: an organisation seeded with the factories, then customers,
// project interests and interactions generated inside PostgreSQL (INSERT … SELECT over
// generate_series, no row-by-row traffic). Every "random" choice is a hash of the row number
// (hashint8extended), so a given size always produces the same data.
import pg from 'pg';
import { AGE_BANDS, BUYER_TYPES, FAMILY_SEGMENTS, INTERACTION_TYPES, PURPOSES, REACTIONS, SOURCE_CHANNELS } from '../../src/common/customers.ts';
import type { Db } from '../../src/server/db/client.ts';
import { nameSearchKeys } from '../../src/server/modules/customers/rules.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { seedCompany, seedGroup, seedProject, seedTeam, seedUser } from '../../src/server/seed/factories.ts';

// ---------------------------------------------------------------------------------------------
// Organisation

export type BenchUser = { id: string; username: string; displayName: string; companyId: string; teamId: string; projectId: string };
export type BenchOrg = {
  companies: { id: string; name: string }[];
  projects: { id: string; companyId: string; name: string }[];
  // consultants[p] = the consultants of project p (same length for every project).
  consultants: BenchUser[][];
  managers: BenchUser[]; // one sales manager (team scope) per team
  companyManagers: { id: string; companyId: string; username: string }[]; // company_cr_manager, company scope
};

const PROJECT_NAMES: Record<string, string[]> = {
  杭州: ['西溪云庐', '钱江悦府', '湖畔雅苑', '运河金茂府', '滨江星瀚', '良渚文澜苑', '未来科技城壹号', '之江九里', '临平翡翠湾', '湘湖境'],
  成都: ['锦城华府', '天府麓城', '麓湖云境', '青城山居', '金沙悦府', '东安湖壹号', '交子公园里', '猛追湾雅居', '兴隆湖畔', '高新瞰景'],
};

const BENCH_PASSWORD = 'Bench2026pass';

// A group, two city companies, `projectsPerCompany` projects each, `teamsPerProject` teams per
// project with one sales manager and `consultantsPerTeam` consultants each, and a customer
// relations manager per company. The password is hashed once for everyone.
export async function seedOrganisation(
  db: Db,
  opts: { projectsPerCompany: number; teamsPerProject: number; consultantsPerTeam: number },
  now = new Date(),
): Promise<BenchOrg> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const group = await seedGroup(db, '华景地产集团', now);
  const org: BenchOrg = { companies: [], projects: [], consultants: [], managers: [], companyManagers: [] };
  const people = personNames();
  let seq = 0;
  const user = async (input: Omit<Parameters<typeof seedUser>[1], 'password' | 'passwordHash' | 'username' | 'displayName'>, prefix: string) => {
    seq++;
    const displayName = people[seq % people.length];
    const username = `${prefix}${String(seq).padStart(4, '0')}`;
    const row = await seedUser(db, { ...input, username, displayName, password: BENCH_PASSWORD, passwordHash }, now);
    return { id: row.id, username, displayName };
  };
  for (const [ci, [city, code]] of [['杭州', 'HZ'], ['成都', 'CD']].entries()) {
    const company = await seedCompany(db, { groupId: group.id, name: `华景地产${city}公司`, city, code }, now);
    org.companies.push({ id: company.id, name: company.name });
    const m = await user({ role: 'company_cr_manager', companyId: company.id }, 'crm');
    org.companyManagers.push({ id: m.id, companyId: company.id, username: m.username });
    for (let pi = 0; pi < opts.projectsPerCompany; pi++) {
      const base = PROJECT_NAMES[city][pi % PROJECT_NAMES[city].length];
      const name = pi < PROJECT_NAMES[city].length ? base : `${base}${Math.floor(pi / PROJECT_NAMES[city].length) + 1}期`;
      const project = await seedProject(db, { companyId: company.id, name, code: `${code}-B${String(ci * 100 + pi + 1).padStart(3, '0')}`, city, address: `${city}市基准路 ${pi + 1} 号` }, now);
      org.projects.push({ id: project.id, companyId: company.id, name });
      const consultants: BenchUser[] = [];
      for (let t = 0; t < opts.teamsPerProject; t++) {
        const team = await seedTeam(db, { companyId: company.id, projectId: project.id, name: `${name}销售${'一二三四五六七八九十'[t % 10]}组` }, now);
        const base = { companyId: company.id, teamId: team.id, projectId: project.id };
        const mgr = await user({ role: 'sales_manager', companyId: company.id, teamId: team.id, projectIds: [project.id] }, 'mgr');
        org.managers.push({ ...mgr, ...base });
        for (let k = 0; k < opts.consultantsPerTeam; k++) {
          const c = await user({ role: 'sales_consultant', companyId: company.id, teamId: team.id, projectIds: [project.id] }, 'gw');
          consultants.push({ ...c, ...base });
        }
      }
      org.consultants.push(consultants);
    }
  }
  return org;
}

// ---------------------------------------------------------------------------------------------
// Name pools with their search keys

// Common surnames with rough frequencies (‰), including two compound surnames.
const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 68], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 24], ['赵', 23], ['吴', 20], ['周', 19],
  ['徐', 16], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['蒋', 4], ['蔡', 4], ['余', 4],
  ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3], ['姚', 3],
  ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3],
  ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2],
  ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2], ['严', 2],
  ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2], ['汤', 2], ['欧阳', 1], ['诸葛', 1],
];
// Given-name characters, most common first (earlier ones are drawn more often).
const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林洋阳峰建国志文东亮成新海博子轩然晨瑞嘉毅睿泽铭昊天德荣坤逸卓彬豪宏';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲燕婷雪慧琳颖洁梅兰萍红倩蕾欣怡悦佳雨涵诗思梦琪彤妍晓月晶雯璐瑶丹青云春玉珊莉蓉薇楠婉';

type Keyed = { text: string; pinyin: string; initials: string };
export type NamePools = { surnames: Keyed[]; male: Keyed[]; female: Keyed[]; dropped: string[] };

// Pools expanded to `slots` entries each (a slot index drawn uniformly gives the weighted
// choice). Search keys come from the application's own nameSearchKeys: a surname's keys on
// its own (surname readings, e.g. 曾 → zeng), a given character's as the tail of "李" + it.
// Characters whose keys change with their neighbours are dropped, so that the keys of every
// generated name equal nameSearchKeys(name) — checked for every surname × character pair and a
// sample of three-character names.
export function namePools(slots = 1000): NamePools {
  const key = (text: string): Keyed => ({ text, ...nameSearchKeys(text) });
  const given = (ch: string): Keyed => {
    const k = nameSearchKeys(`李${ch}`);
    return { text: ch, pinyin: k.pinyin.slice(2), initials: k.initials.slice(1) };
  };
  const surnames = SURNAMES.map(([s]) => key(s));
  const dropped = new Set<string>();
  const compose = (parts: Keyed[]) => ({ text: parts.map((p) => p.text).join(''), pinyin: parts.map((p) => p.pinyin).join(''), initials: parts.map((p) => p.initials).join('') });
  const consistent = (parts: Keyed[]) => {
    const c = compose(parts);
    const k = nameSearchKeys(c.text);
    return k.pinyin === c.pinyin && k.initials === c.initials;
  };
  const pool = (chars: string) => {
    const list = [...new Set([...chars])].map(given);
    return list.filter((g) => {
      const ok = surnames.every((s) => consistent([s, g]));
      if (!ok) dropped.add(g.text);
      return ok;
    });
  };
  let male = pool(GIVEN_MALE);
  let female = pool(GIVEN_FEMALE);
  // Three-character names: every pair of given characters after a few surnames.
  for (const list of [male, female]) {
    for (const a of list) for (const b of list) if (!consistent([surnames[(a.text.charCodeAt(0) + b.text.charCodeAt(0)) % surnames.length], a, b])) dropped.add(b.text);
  }
  male = male.filter((g) => !dropped.has(g.text));
  female = female.filter((g) => !dropped.has(g.text));
  const expand = (list: Keyed[], weight: (i: number) => number) => {
    const total = list.reduce((s, _x, i) => s + weight(i), 0);
    const out: Keyed[] = [];
    list.forEach((x, i) => {
      const n = Math.max(1, Math.round((weight(i) / total) * slots));
      for (let j = 0; j < n; j++) out.push(x);
    });
    while (out.length > slots) out.pop();
    while (out.length < slots) out.push(list[0]);
    return out;
  };
  const surnameWeight = new Map(SURNAMES);
  const zipf = (i: number) => 1 / (i + 6);
  return {
    surnames: expand(surnames, (i) => surnameWeight.get(surnames[i].text)!),
    male: expand(male, zipf),
    female: expand(female, zipf),
    dropped: [...dropped],
  };
}

function personNames(): string[] {
  const p = namePools(200);
  const out: string[] = [];
  for (let i = 0; i < 400; i++) out.push(p.surnames[(i * 37) % 200].text + (i % 2 ? p.male : p.female)[(i * 53) % 200].text + (i % 3 ? (i % 2 ? p.male : p.female)[(i * 29) % 200].text : ''));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generation

export type Scale = { customers: number };
export type GenerationReport = {
  customers: number;
  interests: number;
  interestsInPool: number;
  interactions: number;
  seconds: { customers: number; interests: number; interactions: number; searchKeys: number; indexes: number; vacuum: number; total: number };
  databaseBytes: number;
  fkChecksSkipped: boolean;
  droppedGivenChars: string[];
};

const TAGS = ['学区房', '改善需求', '投资客', '首付紧张', '看重地铁', '二孩家庭', '外地客户', '老带新', '高意向', '价格敏感', '已看样板间', '需要车位', '关注物业', '公积金'];
const LAYOUTS = ['两室一厅', '两室两厅', '三室两厅', '三室两厅两卫', '四室两厅', '跃层'];
const AREAS = ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区', '萧山区', '高新区', '锦江区', '武侯区', '成华区', '天府新区', '双流区'];
const OCCUPATIONS = ['企业职员', '公务员', '教师', '医生', '个体经营', 'IT 工程师', '私营业主', '金融从业', '退休', '自由职业'];
const LOST_REASONS = ['预算不足', '选择竞品', '区位不合适', '暂缓购房', '户型不满意'];
const CONTENTS = [
  '客户来访，重点了解三房户型和得房率，对南向采光满意',
  '电话回访，客户仍在比较周边两个竞品，关注首付比例',
  '微信发送样板间视频和最新价格表，客户表示周末再看',
  '客户携家人看房，孩子上学是主要考虑，询问对口学校',
  '介绍公积金贷款政策，客户计划组合贷款',
  '客户对价格有顾虑，已申请额外优惠待审批',
  '活动邀约：周六暖场活动，客户确认到场',
  '短信通知开盘时间及认筹流程',
  '客户询问车位配比和物业费标准，已逐项解答',
  '二次到访，客户基本确定楼栋，等待家人商量',
];
const NEXT_ACTIONS = ['', '', '邀约周末到访', '发送贷款测算', '跟进审批结果', '确认认购时间', '邀约参加活动'];

// Temporary SQL helpers, on the generating connection only (pg_temp).
const HELPERS = [
  // A uniform [0, 1) number from a row number and a draw number.
  `CREATE FUNCTION pg_temp.u(n bigint, k int) RETURNS float8 LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$`,
  // A UUIDv7 (RFC 9562 layout: 48-bit ms timestamp, version 7, variant 10) from an instant and a salt,
  // so generated ids sort by creation time like the application's uuidv7() ids.
  // Every helper is one FROM-less SELECT declared STABLE (as volatile as its body: timestamptz
  // arithmetic is STABLE), so PostgreSQL inlines it rather than calling it row by row.
  `CREATE FUNCTION pg_temp.uuid7h(t timestamptz, h text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 5, 15))::uuid $$`,
  `CREATE FUNCTION pg_temp.uuid7(t timestamptz, salt text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT pg_temp.uuid7h(t, md5(salt)) $$`,
  // Customer n: creation instant (spread over two years, ascending with n) and id.
  `CREATE FUNCTION pg_temp.c_created(n bigint, total bigint, now timestamptz) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT now - ((total - n + pg_temp.u(n, 1))::float8 / total) * interval '730 days' $$`,
  `CREATE FUNCTION pg_temp.c_id(n bigint, total bigint, now timestamptz) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT pg_temp.uuid7(pg_temp.c_created(n, total, now), 'c' || n) $$`,
  // How many projects customer n is interested in: 1 (30 %), 2 (45 %), 3 (20 %), 4 (5 %) → 2.0 on average.
  `CREATE FUNCTION pg_temp.c_interests(n bigint) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT CASE WHEN pg_temp.u(n, 2) < 0.30 THEN 1 WHEN pg_temp.u(n, 2) < 0.75 THEN 2 WHEN pg_temp.u(n, 2) < 0.95 THEN 3 ELSE 4 END $$`,
  // The j-th project (1-based index) of customer n: a home project, then others of the same company.
  `CREATE FUNCTION pg_temp.i_project(n bigint, j int, projects int, per_company int) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (floor(pg_temp.u(n, 20) * projects)::int / per_company) * per_company
                  + ((floor(pg_temp.u(n, 20) * projects)::int % per_company + 3 * j) % per_company) + 1 $$`,
  // The owner slot (1-based) among the project's consultants for customer n's j-th interest.
  `CREATE FUNCTION pg_temp.i_owner(n bigint, j int, consultants int) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT floor(pg_temp.u(n, 30 + j) * consultants)::int + 1 $$`,
];

const pick = (arr: string, draw: string) => `(${arr})[1 + floor(${draw} * array_length(${arr}, 1))::int]`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

// Fills customers, project_interests and interactions for `scale.customers` customers, then
// VACUUM ANALYZE. The secondary indexes of the three tables are dropped for the bulk load and
// re-created from their own definitions (pg_indexes.indexdef), so the schema measured is the
// migrated one; foreign-key checks are skipped for the load when the role may do so (the
// generator only references rows it just wrote or the seeded organisation).
export async function generateCustomerData(
  url: string,
  org: BenchOrg,
  scale: Scale,
  log: (m: string) => void,
  opts: { workers?: number; now?: Date } = {},
): Promise<GenerationReport> {
  const now = opts.now ?? new Date();
  // INSERT … SELECT runs on one backend (no parallel plans for inserts), so each statement is split
  // over `workers` connections by row ranges.
  const workers = Math.max(1, opts.workers ?? 2);
  const clients = Array.from({ length: workers }, () => new pg.Client({ connectionString: url }));
  const t0 = performance.now();
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const client = clients[0];
    const q = (text: string, values?: unknown[]) => client.query(text, values);
    // The same statement on every worker, worker w with its own trailing parameters.
    const each = (text: string, values: unknown[], extra: (w: number) => unknown[]) => Promise.all(clients.map((c, w) => c.query(text, [...values, ...extra(w)])));
    let fkChecksSkipped = true;
    for (const c of clients) {
      await c.query(`SET synchronous_commit = off`);
      await c.query(`SET maintenance_work_mem = '1GB'`);
      await c.query(`SET work_mem = '256MB'`);
      try {
        await c.query(`SET session_replication_role = replica`);
      } catch {
        fkChecksSkipped = false;
      }
      for (const h of HELPERS) await c.query(h);
    }
    // Row ranges 1..N split evenly over the workers.
    const range = (w: number) => [Math.floor((scale.customers * w) / workers) + 1, Math.floor((scale.customers * (w + 1)) / workers)];

    const tables = ['customers', 'project_interests', 'interactions', 'prospect_search_keys'];
    const { rows: indexes } = await q(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
      [tables],
    );
    for (const ix of indexes) await q(`DROP INDEX "${ix.indexname}"`);

    const pools = namePools();
    const N = scale.customers;
    const P = org.projects.length;
    const perCompany = P / org.companies.length;
    const K = org.consultants[0].length;
    // A customer's up to 4 projects are home + 3j within the company: distinct when 3 and the
    // company's project count are coprime and there are at least 4 projects.
    if (!Number.isInteger(perCompany) || perCompany < 4 || perCompany % 3 === 0) throw new Error(`projects per company must be an integer ≥ 4 not divisible by 3 (got ${perCompany})`);
    const projectIds = org.projects.map((p) => p.id);
    const companyIds = org.projects.map((p) => p.companyId);
    const owners = org.consultants.map((cs) => cs.map((c) => c.id));
    const ownerTeams = org.consultants.map((cs) => cs.map((c) => c.teamId));

    // Customers: $1 N, $2 now, $3-$11 name pools, $12.. enumerations.
    const [, customersSeconds] = await time(() =>
      each(
        `INSERT INTO customers (id, name, name_pinyin, name_initials, gender, age_band, mobile, mobile_tail, occupation, residence_area,
                                need_layout, need_area_min, need_area_max, budget_min, budget_max, purpose, source_channel, tags,
                                buyer_type, family_segment, created_by, version, created_at, updated_at)
         SELECT pg_temp.c_id(n, $1, $2),
                ($3::text[])[si] || g1.t || coalesce(g2.t, ''),
                ($4::text[])[si] || g1.p || coalesce(g2.p, ''),
                ($5::text[])[si] || g1.i || coalesce(g2.i, ''),
                CASE WHEN male THEN 'male' ELSE 'female' END,
                ${pick('$12::text[]', 'pg_temp.u(n, 15)')},
                mobile, right(mobile, 4),
                ${pick('$13::text[]', 'pg_temp.u(n, 16)')},
                ${pick('$14::text[]', 'pg_temp.u(n, 17)')},
                ${pick('$15::text[]', 'pg_temp.u(n, 18)')},
                area, area + 30,
                budget, budget + 50,
                ${pick('$16::text[]', 'pg_temp.u(n, 21)')},
                ${pick('$17::text[]', 'pg_temp.u(n, 22)')},
                ARRAY(SELECT DISTINCT ${pick('$18::text[]', 'pg_temp.u(n * 8 + t, 24)')} FROM generate_series(1, floor(pg_temp.u(n, 23) * 4)::int) t),
                ${pick('$19::text[]', 'pg_temp.u(n, 25)')},
                ${pick('$20::text[]', 'pg_temp.u(n, 26)')},
                ($21::uuid[])[pg_temp.i_project(n, 0, $22, $23)][pg_temp.i_owner(n, 0, $24)],
                1, created, created
           FROM (SELECT n, pg_temp.c_created(n, $1, $2) AS created,
                        floor(pg_temp.u(n, 10) * array_length($3::text[], 1))::int + 1 AS si,
                        pg_temp.u(n, 11) < 0.5 AS male,
                        floor(pg_temp.u(n, 12) * 1000)::int + 1 AS g1s,
                        CASE WHEN pg_temp.u(n, 13) < 0.7 THEN floor(pg_temp.u(n, 14) * 1000)::int + 1 END AS g2s,
                        '1' || (3 + n % 7) || lpad(((n * 387420489 + 123456789) % 1000000000)::text, 9, '0') AS mobile,
                        (60 + floor(pg_temp.u(n, 19) * 12) * 10)::numeric AS area,
                        (100 + floor(pg_temp.u(n, 20) * 40) * 10)::numeric AS budget -- 万元
                   FROM generate_series($25::bigint, $26::bigint) n) x
           CROSS JOIN LATERAL (SELECT (CASE WHEN male THEN $6::text[] ELSE $9::text[] END)[g1s] AS t,
                                      (CASE WHEN male THEN $7::text[] ELSE $10::text[] END)[g1s] AS p,
                                      (CASE WHEN male THEN $8::text[] ELSE $11::text[] END)[g1s] AS i) g1
           CROSS JOIN LATERAL (SELECT (CASE WHEN male THEN $6::text[] ELSE $9::text[] END)[g2s] AS t,
                                      (CASE WHEN male THEN $7::text[] ELSE $10::text[] END)[g2s] AS p,
                                      (CASE WHEN male THEN $8::text[] ELSE $11::text[] END)[g2s] AS i) g2`,
        [
          N, now,
          pools.surnames.map((s) => s.text), pools.surnames.map((s) => s.pinyin), pools.surnames.map((s) => s.initials),
          pools.male.map((s) => s.text), pools.male.map((s) => s.pinyin), pools.male.map((s) => s.initials),
          pools.female.map((s) => s.text), pools.female.map((s) => s.pinyin), pools.female.map((s) => s.initials),
          [...AGE_BANDS], OCCUPATIONS, AREAS, LAYOUTS, [...PURPOSES], [...SOURCE_CHANNELS], TAGS, [...BUYER_TYPES], [...FAMILY_SEGMENTS],
          owners, P, perCompany, K,
        ],
        range,
      ),
    );
    log(`customers: ${N} rows in ${customersSeconds.toFixed(1)} s`);

    // Interests: 2 per customer on average, distinct projects of one company, owner among the
    // project's consultants (8 % in the public pool), next follow-up within ±30 days for open
    // stages. Stage shares: potential 42 %, intending 30 %, subscribed 6 %, contracted 6 %, owner 6 %, lost 10 %.
    const [, interestsSeconds] = await time(() =>
      each(
        `INSERT INTO project_interests (id, company_id, project_id, customer_id, owner_id, owner_team_id, channel, stage, lost_reason, grade,
                                        in_pool, pool_reason, last_contact_at, next_follow_up_at, assigned_at, version, created_at, updated_at,
                                        customer_pinyin, customer_initials)
         SELECT pg_temp.uuid7(created, 'i' || n || ':' || j),
                ($3::uuid[])[p], ($4::uuid[])[p], pg_temp.c_id(n, $1, $2),
                CASE WHEN in_pool THEN NULL ELSE ($5::uuid[])[p][k] END,
                CASE WHEN in_pool THEN NULL ELSE ($6::uuid[])[p][k] END,
                ${pick('$7::text[]', 'CASE WHEN j = 0 THEN pg_temp.u(n, 22) ELSE pg_temp.u(n, 45 + j) END')},
                stage, CASE WHEN stage = 'lost' THEN ${pick('$8::text[]', 'pg_temp.u(n, 55 + j)')} ELSE '' END,
                CASE WHEN pg_temp.u(n, 60 + j) < 0.2 THEN 'A' WHEN pg_temp.u(n, 60 + j) < 0.55 THEN 'B' ELSE 'C' END,
                in_pool, CASE WHEN in_pool THEN '超过 15 天未跟进，自动回收' ELSE '' END,
                last_contact,
                CASE WHEN in_pool OR stage IN ('owner', 'lost') THEN NULL ELSE $2::timestamptz + (pg_temp.u(n, 100 + j) - 0.5) * interval '60 days' END,
                CASE WHEN in_pool THEN NULL ELSE created END,
                1, created, greatest(created, coalesce(last_contact, created)),
                cp, ci
           FROM (SELECT n, j, p, k, in_pool, created, cp, ci,
                        CASE WHEN in_pool AND s NOT IN ('potential', 'intending') THEN 'potential' ELSE s END AS stage,
                        CASE WHEN pg_temp.u(n, 80 + j) < 0.05 THEN NULL
                             ELSE greatest(created, $2::timestamptz - pg_temp.u(n, 90 + j) * interval '45 days') END AS last_contact
                   FROM (SELECT n, j, cp, ci,
                                pg_temp.i_project(n, j, $9, $10) AS p,
                                pg_temp.i_owner(n, j, $11) AS k,
                                pg_temp.u(n, 40 + j) < 0.08 AS in_pool,
                                CASE WHEN j = 0 THEN cc ELSE cc + pg_temp.u(n, 70 + j) * ($2::timestamptz - cc) END AS created,
                                CASE WHEN pg_temp.u(n, 50 + j) < 0.42 THEN 'potential' WHEN pg_temp.u(n, 50 + j) < 0.72 THEN 'intending'
                                     WHEN pg_temp.u(n, 50 + j) < 0.78 THEN 'subscribed' WHEN pg_temp.u(n, 50 + j) < 0.84 THEN 'contracted'
                                     WHEN pg_temp.u(n, 50 + j) < 0.90 THEN 'owner' ELSE 'lost' END AS s
                           -- The customer's pinyin keys, copied as the application's trigger does (triggers are off for the load).
                           FROM (SELECT n, pg_temp.c_created(n, $1, $2) AS cc, c.name_pinyin AS cp, c.name_initials AS ci
                                   FROM generate_series($12::bigint, $13::bigint) n JOIN customers c ON c.id = pg_temp.c_id(n, $1, $2)) nn
                           CROSS JOIN LATERAL generate_series(0, pg_temp.c_interests(n) - 1) j) y) x`,
        [N, now, companyIds, projectIds, owners, ownerTeams, [...SOURCE_CHANNELS], LOST_REASONS, P, perCompany, K],
        range,
      ),
    );
    log(`project interests: ${interestsSeconds.toFixed(1)} s`);

    // Interactions: 1–5 per contacted interest (≈ 2.5), evenly spaced from the interest's creation
    // to its last contact, by the owner (or, in the pool, a consultant of the project).
    const [, interactionsSeconds] = await time(() =>
      each(
        `INSERT INTO interactions (id, company_id, project_id, interest_id, customer_id, type, occurred_at, content, reaction, next_action,
                                   next_due_at, created_by, created_by_name, created_at)
         SELECT pg_temp.uuid7(occurred, x.interest_id::text || ':' || i), x.company_id, x.project_id, x.interest_id, x.customer_id,
                ${pick('$3::text[]', 'pg_temp.u(h * 8 + i, 3)')}, occurred,
                ${pick('$4::text[]', 'pg_temp.u(h * 8 + i, 4)')},
                ${pick('$5::text[]', 'pg_temp.u(h * 8 + i, 5)')},
                ${pick('$6::text[]', 'pg_temp.u(h * 8 + i, 6)')},
                occurred + CASE x.grade WHEN 'A' THEN 3 WHEN 'B' THEN 7 ELSE 30 END * interval '1 day',
                x.created_by, u.display_name, occurred
           FROM (SELECT pi.id AS interest_id, pi.company_id, pi.project_id, pi.customer_id, pi.grade, h, i,
                        pi.created_at + (pi.last_contact_at - pi.created_at) * (i::float8 / cnt) AS occurred,
                        coalesce(pi.owner_id, ($1::uuid[])[array_position($2::uuid[], pi.project_id)][floor(pg_temp.u(h, 2) * $7)::int + 1]) AS created_by
                   FROM project_interests pi
                  CROSS JOIN LATERAL (SELECT uuid_hash(pi.id)::bigint AS h) hh
                  CROSS JOIN LATERAL (SELECT 1 + floor(pg_temp.u(h, 1) * 4.2)::int AS cnt) cc
                  CROSS JOIN LATERAL generate_series(1, cnt) i
                  WHERE pi.last_contact_at IS NOT NULL AND abs(h) % $8 = $9) x
           JOIN users u ON u.id = x.created_by`,
        [owners, projectIds, [...INTERACTION_TYPES], CONTENTS, [...REACTIONS], NEXT_ACTIONS, K],
        (w) => [workers, w],
      ),
    );
    log(`interactions: ${interactionsSeconds.toFixed(1)} s`);

    // Quick-search keys of the open prospects, as the application's triggers (migrations 0017, 0018) write them.
    const [, keysSeconds] = await time(() =>
      each(
        `INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
         SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
           FROM project_interests pi
           JOIN customers c ON c.id = pi.customer_id
          CROSS JOIN LATERAL unnest(prospect_search_key_set(c.name, c.mobile_tail, c.name_pinyin, c.name_initials)) AS k
          WHERE NOT pi.in_pool AND abs(uuid_hash(pi.id)::bigint) % $1 = $2`,
        [],
        (w) => [workers, w],
      ),
    );
    log(`search keys: ${keysSeconds.toFixed(1)} s`);

    for (const c of clients) if (fkChecksSkipped) await c.query(`SET session_replication_role = origin`);
    const [, indexSeconds] = await time(async () => {
      for (const ix of indexes) {
        const [, s] = await time(() => q(ix.indexdef));
        log(`index ${ix.indexname}: ${s.toFixed(1)} s`);
      }
    });
    const [, vacuumSeconds] = await time(async () => {
      await q('VACUUM ANALYZE');
      // Flush the load's dirty pages now rather than in a checkpoint during the measurements.
      await q('CHECKPOINT').catch(() => undefined);
    });
    log(`VACUUM ANALYZE + CHECKPOINT: ${vacuumSeconds.toFixed(1)} s`);

    const { rows: [counts] } = await q(
      `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM project_interests)::int AS interests,
              (SELECT count(*) FROM project_interests WHERE in_pool)::int AS pooled, (SELECT count(*) FROM interactions)::int AS interactions,
              pg_database_size(current_database())::bigint AS bytes`,
    );
    // Generated rows must satisfy what the application assumes of real ones.
    const { rows: [bad] } = await q(
      `SELECT (SELECT count(*) FROM project_interests pi LEFT JOIN customers c ON c.id = pi.customer_id WHERE c.id IS NULL)::int AS orphan_interests,
              (SELECT count(*) FROM project_interests pi JOIN users u ON u.id = pi.owner_id
                 LEFT JOIN user_projects up ON up.user_id = u.id AND up.project_id = pi.project_id WHERE up.user_id IS NULL)::int AS foreign_owners,
              (SELECT count(*) FROM customers WHERE mobile !~ '^1[3-9][0-9]{9}$' OR mobile_tail <> right(mobile, 4))::int AS bad_mobiles,
              (SELECT count(*) FROM project_interests pi JOIN customers c ON c.id = pi.customer_id
                WHERE pi.customer_pinyin <> c.name_pinyin OR pi.customer_initials <> c.name_initials)::int AS stale_pinyin_copies,
              (SELECT count(*) FROM project_interests pi WHERE NOT pi.in_pool
                 AND NOT EXISTS (SELECT 1 FROM prospect_search_keys k WHERE k.interest_id = pi.id AND k.key LIKE '#%'))::int AS unkeyed_prospects`,
    );
    if (bad.orphan_interests || bad.foreign_owners || bad.bad_mobiles || bad.stale_pinyin_copies || bad.unkeyed_prospects) throw new Error(`generated data is inconsistent: ${JSON.stringify(bad)}`);
    return {
      customers: counts.customers,
      interests: counts.interests,
      interestsInPool: counts.pooled,
      interactions: counts.interactions,
      seconds: {
        customers: customersSeconds,
        interests: interestsSeconds,
        interactions: interactionsSeconds,
        searchKeys: keysSeconds,
        indexes: indexSeconds,
        vacuum: vacuumSeconds,
        total: (performance.now() - t0) / 1000,
      },
      databaseBytes: Number(counts.bytes),
      fkChecksSkipped,
      droppedGivenChars: pools.dropped,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

// ---------------------------------------------------------------------------------------------
// Databases
