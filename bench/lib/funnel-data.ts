// The funnel benchmark's world: the organisation of the customers benchmark (2 companies × a few
// projects × 2 teams of consultants, seed factories) with an executive (group scope), a marketing
// user per company (company scope) and a channel broker; then, in bulk SQL (INSERT … SELECT over
// generate_series on 2 connections, draws hashed from the row number, secondary indexes dropped and
// re-created from their own definitions, VACUUM ANALYZE), `interests` project interests created
// over two years with their customers, their funnel milestones (线索 → 来访 → 认筹 → 认购 → 签约)
// and the broker registrations of the broker-channel prospects.
import pg from 'pg';
import { SOURCE_CHANNELS, type SourceChannel } from '../../src/common/customers.ts';
import type { Db } from '../../src/server/db/client.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { namePools, seedOrganisation, type BenchOrg } from './customer-data.ts';

export type FunnelOrg = BenchOrg & {
  executive: { id: string }; // executive, group scope
  marketing: { id: string; companyId: string }[]; // marketing, company scope, one per company
  broker: { id: string };
};

export const PROJECTS_PER_COMPANY = 5;
export const TEAMS_PER_PROJECT = 2;
export const CONSULTANTS_PER_TEAM = 5;

export async function seedFunnelOrganisation(db: Db, now = new Date()): Promise<FunnelOrg> {
  const org = await seedOrganisation(db, { projectsPerCompany: PROJECTS_PER_COMPANY, teamsPerProject: TEAMS_PER_PROJECT, consultantsPerTeam: CONSULTANTS_PER_TEAM }, now);
  const password = 'Bench2026pass';
  const executive = await seedUser(db, { username: 'exec001', displayName: '沈董', role: 'executive', password }, now);
  const marketing = [];
  for (const [i, c] of org.companies.entries()) {
    const u = await seedUser(db, { username: `mkt00${i + 1}`, displayName: `策划${'甲乙'[i]}`, role: 'marketing', companyId: c.id, password }, now);
    marketing.push({ id: u.id, companyId: c.id });
  }
  const broker = await seedUser(db, { username: 'broker001', displayName: '吴经纪', role: 'channel_broker', companyId: org.companies[0].id, projectIds: org.projects.map((p) => p.id), password }, now);
  return { ...org, executive: { id: executive.id }, marketing, broker: { id: broker.id } };
}

// The channel mix of the seeds: old customers and friends 34 %, owner referral 15 %, magazines 12 %,
// newspapers 9 %, outdoor 2 %, the rest walk-in, portal, broker, event, hotline, other. `lift`
// scales a channel's conversion beyond the lead (referrals convert best, print and portals worst);
// the mix-weighted lift is ≈ 1, so the overall shares stay near the targets below.
export const CHANNEL_MIX: { channel: SourceChannel; share: number; lift: number }[] = [
  { channel: 'old_customer', share: 0.34, lift: 1.15 },
  { channel: 'owner_referral', share: 0.15, lift: 1.3 },
  { channel: 'magazine', share: 0.12, lift: 0.75 },
  { channel: 'newspaper', share: 0.09, lift: 0.7 },
  { channel: 'walk_in', share: 0.1, lift: 1.0 },
  { channel: 'portal', share: 0.06, lift: 0.6 },
  { channel: 'broker', share: 0.06, lift: 1.0 },
  { channel: 'event', share: 0.03, lift: 0.8 },
  { channel: 'outdoor', share: 0.02, lift: 0.6 },
  { channel: 'hotline', share: 0.02, lift: 0.8 },
  { channel: 'other', share: 0.01, lift: 0.8 },
];
// Cumulative milestone shares before the lift (each step counts those who got that far or further),
// set a little above the targets (visits ≈ 60 %, pledges ≈ 12 %, subscriptions ≈ 8 %, contracts ≈ 6 %)
// because the latest prospects have not got there yet.
export const MILESTONES = { visit: 0.614, pledge: 0.127, subscription: 0.0866, contract: 0.0685 };
const COMPANY_SHARE = 0.55; // of the prospects in the first company
const PROJECT_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1]; // within a company, by project order
const SECOND_INTEREST = 0.25; // customers with a second project interest (in their company)
const POOL_SHARE = 0.08; // of the prospects who never got past the visit

export type FunnelGeneration = {
  customers: number;
  interests: number;
  inPool: number;
  registrations: number;
  milestones: { visits: number; pledges: number; subscriptions: number; contracts: number };
  byChannel: Record<string, number>;
  databaseBytes: number;
  seconds: { customers: number; interests: number; registrations: number; indexes: number; vacuum: number; total: number };
};

const HELPERS = [
  `CREATE FUNCTION pg_temp.u(n bigint, k int) RETURNS float8 LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$`,
  `CREATE FUNCTION pg_temp.uuid7(t timestamptz, salt text) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 5, 15))::uuid $$`,
  // Customer m: created over the two years up to now, its company (0-based) and home project (0-based within the company).
  `CREATE FUNCTION pg_temp.c_created(m bigint, now timestamptz) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT now - pg_temp.u(m, 1) * interval '730 days' $$`,
  `CREATE FUNCTION pg_temp.c_id(m bigint, now timestamptz) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT pg_temp.uuid7(pg_temp.c_created(m, now), 'c' || m) $$`,
];

// Lower bounds of the buckets of a weighted draw: width_bucket(draw, bounds) is the 1-based choice.
const bounds = (weights: number[]) => weights.map((_x, i) => weights.slice(0, i).reduce((s, v) => s + v, 0));

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

export async function generateFunnelData(url: string, org: FunnelOrg, interests: number, log: (m: string) => void, now = new Date(), workers = 2): Promise<FunnelGeneration> {
  const clients = Array.from({ length: workers }, () => new pg.Client({ connectionString: url }));
  const t0 = performance.now();
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const q = (text: string, values?: unknown[]) => clients[0].query(text, values);
    for (const c of clients) {
      // No JIT: compiling these wide expressions costs seconds to minutes (and cannot be cancelled).
      for (const s of [`SET synchronous_commit = off`, `SET maintenance_work_mem = '1GB'`, `SET work_mem = '256MB'`, `SET jit = off`]) await c.query(s);
      // Skips foreign-key checks and triggers for the load where the role may (the rows are consistent by construction).
      await c.query(`SET session_replication_role = replica`).catch(() => undefined);
      for (const h of HELPERS) await c.query(h);
    }
    // Interests 1…C are the customers' first (customer m = i), C+1…N a second one of every step-th customer.
    const N = interests;
    const C = Math.ceil(N / (1 + SECOND_INTEREST));
    const step = Math.max(1, Math.floor(C / Math.max(1, N - C)));
    const split = (total: number) => (w: number) => [Math.floor((total * w) / workers) + 1, Math.floor((total * (w + 1)) / workers)];
    const each = (text: string, values: unknown[], range: (w: number) => number[]) => Promise.all(clients.map((c, w) => c.query(text, [...values, ...range(w)])));

    const tables = ['customers', 'project_interests', 'broker_registrations'];
    const { rows: indexes } = await q(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
      [tables],
    );
    for (const ix of indexes) await q(`DROP INDEX "${ix.indexname}"`);

    const pools = namePools();
    const perCompany = PROJECTS_PER_COMPANY;
    const K = org.consultants[0].length;
    const channels = CHANNEL_MIX.map((c) => c.channel);
    const channelBounds = bounds(CHANNEL_MIX.map((c) => c.share));
    const projectBounds = bounds(PROJECT_WEIGHTS);
    const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
    if (PROJECT_WEIGHTS.length !== perCompany || Math.abs(sum(CHANNEL_MIX.map((c) => c.share)) - 1) > 1e-9 || Math.abs(sum(PROJECT_WEIGHTS) - 1) > 1e-9) throw new Error('funnel generator: weights do not match the shape');
    if (!SOURCE_CHANNELS.every((c) => channels.includes(c))) throw new Error('funnel generator: a source channel is missing from the mix');

    // Customers: their first interest's channel is their source channel.
    const [, customersSeconds] = await time(() =>
      each(
        `INSERT INTO customers (id, name, name_pinyin, name_initials, gender, mobile, mobile_tail, source_channel, created_by, version, created_at, updated_at)
         SELECT pg_temp.c_id(m, $1), ($2::text[])[si] || ($3::text[])[g1] || coalesce(($3::text[])[g2], ''),
                ($4::text[])[si] || ($5::text[])[g1] || coalesce(($5::text[])[g2], ''),
                ($6::text[])[si] || ($7::text[])[g1] || coalesce(($7::text[])[g2], ''),
                CASE WHEN male THEN 'male' ELSE 'female' END, mobile, right(mobile, 4),
                ($8::text[])[width_bucket(pg_temp.u(m, 10), $9::float8[])],
                ($10::uuid[])[company * $11 + width_bucket(pg_temp.u(m, 3), $12::float8[])][1 + floor(pg_temp.u(m, 11) ^ 1.4 * $13)::int],
                1, created, created
           FROM (SELECT m, pg_temp.c_created(m, $1) AS created, CASE WHEN pg_temp.u(m, 2) < $14 THEN 0 ELSE 1 END AS company,
                        floor(pg_temp.u(m, 4) * array_length($2::text[], 1))::int + 1 AS si, pg_temp.u(m, 5) < 0.5 AS male,
                        floor(pg_temp.u(m, 6) * 1000)::int + 1 + CASE WHEN pg_temp.u(m, 5) < 0.5 THEN 0 ELSE 1000 END AS g1,
                        CASE WHEN pg_temp.u(m, 7) < 0.7 THEN floor(pg_temp.u(m, 8) * 1000)::int + 1 + CASE WHEN pg_temp.u(m, 5) < 0.5 THEN 0 ELSE 1000 END END AS g2,
                        '1' || (3 + m % 7) || lpad(((m * 387420489 + 123456789) % 1000000000)::text, 9, '0') AS mobile
                   FROM generate_series($15::bigint, $16::bigint) m) x`,
        [
          now, pools.surnames.map((s) => s.text), [...pools.male, ...pools.female].map((s) => s.text),
          pools.surnames.map((s) => s.pinyin), [...pools.male, ...pools.female].map((s) => s.pinyin),
          pools.surnames.map((s) => s.initials), [...pools.male, ...pools.female].map((s) => s.initials),
          channels, channelBounds, org.consultants.map((cs) => cs.map((c) => c.id)), perCompany, projectBounds, K, COMPANY_SHARE,
        ],
        split(C),
      ),
    );
    log(`customers: ${C.toLocaleString('en')} in ${customersSeconds.toFixed(1)} s`);

    // Interests with their milestones. level: 4 signed, 3 subscribed, 2 pledged, 1 visited, 0 lead only
    // (the draw divided by the channel's lift); each milestone follows the one before it, and one later
    // than now is not reached yet (nor any after it).
    const [, interestsSeconds] = await time(() =>
      each(
        `INSERT INTO project_interests (id, company_id, project_id, customer_id, owner_id, owner_team_id, channel, stage, lost_reason, grade, in_pool, pool_reason,
                                        customer_pinyin, customer_initials, last_contact_at, next_follow_up_at, assigned_at,
                                        first_visit_at, pledged_at, subscribed_at, contracted_at, version, created_at, updated_at)
         SELECT pg_temp.uuid7(d.created, 'i' || i), ($3::uuid[])[d.p], ($4::uuid[])[d.p], c.id,
                CASE WHEN st.in_pool THEN NULL ELSE ($5::uuid[])[d.p][d.k] END, CASE WHEN st.in_pool THEN NULL ELSE ($6::uuid[])[d.p][d.k] END,
                ($7::text[])[d.ch], st.stage, CASE WHEN st.stage = 'lost' THEN '选择竞品' ELSE '' END,
                CASE WHEN f.level >= 2 OR pg_temp.u(i, 30) < 0.2 THEN 'A' WHEN pg_temp.u(i, 30) < 0.55 THEN 'B' ELSE 'C' END,
                st.in_pool, CASE WHEN st.in_pool THEN '超过 15 天未跟进，自动回收' ELSE '' END, c.name_pinyin, c.name_initials,
                st.last_at, CASE WHEN st.in_pool OR st.stage IN ('contracted', 'lost') THEN NULL ELSE $1::timestamptz + (pg_temp.u(i, 31) - 0.5) * interval '60 days' END,
                CASE WHEN st.in_pool THEN NULL ELSE d.created END, ms.visit, ms.pledge, ms.sub, ms.sign, 1, d.created, st.last_at
           FROM generate_series($20::bigint, $21::bigint) i
          CROSS JOIN LATERAL (SELECT CASE WHEN i <= $2 THEN 0 ELSE 1 END AS j, CASE WHEN i <= $2 THEN i ELSE (i - $2) * $14 END AS m) a
          CROSS JOIN LATERAL (SELECT pg_temp.c_created(a.m, $1) AS cc, CASE WHEN pg_temp.u(a.m, 2) < $19 THEN 0 ELSE 1 END AS company,
                                     width_bucket(pg_temp.u(a.m, 3), $18::float8[]) - 1 AS h0) b
          CROSS JOIN LATERAL (SELECT b.company * $15 + CASE WHEN a.j = 0 THEN b.h0 ELSE (b.h0 + 1 + floor(pg_temp.u(i, 12) * ($15 - 1))::int) % $15 END + 1 AS p,
                                     1 + floor(pg_temp.u(i, 11) ^ 1.4 * $16)::int AS k,
                                     width_bucket(CASE WHEN a.j = 0 THEN pg_temp.u(a.m, 10) ELSE pg_temp.u(i, 10) END, $17::float8[]) AS ch,
                                     CASE WHEN a.j = 0 THEN b.cc ELSE b.cc + pg_temp.u(i, 13) * ($1::timestamptz - b.cc) END AS created) d
          CROSS JOIN LATERAL (SELECT pg_temp.u(i, 20) / ($12::float8[])[d.ch] AS r) e
          CROSS JOIN LATERAL (SELECT CASE WHEN e.r < $8 THEN 4 WHEN e.r < $9 THEN 3 WHEN e.r < $10 THEN 2 WHEN e.r < $11 THEN 1 ELSE 0 END AS level) f
          CROSS JOIN LATERAL (SELECT f.level = 2 OR (f.level >= 3 AND pg_temp.u(i, 25) < 0.85) AS pledged, f.level = 3 OR (f.level = 4 AND pg_temp.u(i, 26) < 0.9) AS subbed,
                                     d.created + pg_temp.u(i, 21) ^ 2 * interval '21 days' AS v_at) g
          CROSS JOIN LATERAL (SELECT CASE WHEN g.pledged THEN g.v_at + (1 + 29 * pg_temp.u(i, 22)) * interval '1 day' END AS p_at) h
          CROSS JOIN LATERAL (SELECT CASE WHEN g.subbed THEN coalesce(h.p_at, g.v_at) + (3 + 17 * pg_temp.u(i, 23)) * interval '1 day' END AS s_at) s
          CROSS JOIN LATERAL (SELECT CASE WHEN f.level = 4 THEN coalesce(s.s_at, h.p_at, g.v_at) + (7 + 38 * pg_temp.u(i, 24)) * interval '1 day' END AS k_at) kk
          CROSS JOIN LATERAL (SELECT CASE WHEN f.level >= 1 AND g.v_at <= $1 THEN g.v_at END AS visit, CASE WHEN h.p_at <= $1 THEN h.p_at END AS pledge,
                                     CASE WHEN s.s_at <= $1 THEN s.s_at END AS sub, CASE WHEN kk.k_at <= $1 THEN kk.k_at END AS sign) ms
          CROSS JOIN LATERAL (SELECT CASE WHEN ms.sign IS NOT NULL THEN 'contracted' WHEN ms.sub IS NOT NULL THEN 'subscribed' WHEN ms.visit IS NOT NULL THEN 'intending'
                                          WHEN pg_temp.u(i, 32) < 0.25 THEN 'lost' ELSE 'potential' END AS stage,
                                     least($1::timestamptz, greatest(d.created, coalesce(ms.sign, ms.sub, ms.pledge, ms.visit, d.created) + pg_temp.u(i, 33) * interval '20 days')) AS last_at,
                                     ms.pledge IS NULL AND ms.sub IS NULL AND ms.sign IS NULL AND pg_temp.u(i, 34) < $13 AS in_pool) st
           JOIN customers c ON c.id = pg_temp.c_id(a.m, $1)`,
        [
          now, C, org.projects.map((p) => p.companyId), org.projects.map((p) => p.id),
          org.consultants.map((cs) => cs.map((c) => c.id)), org.consultants.map((cs) => cs.map((c) => c.teamId)),
          channels, MILESTONES.contract, MILESTONES.subscription, MILESTONES.pledge, MILESTONES.visit, CHANNEL_MIX.map((c) => c.lift), POOL_SHARE,
          step, perCompany, K, channelBounds, projectBounds, COMPANY_SHARE,
        ],
        split(N),
      ),
    );
    log(`project interests: ${N.toLocaleString('en')} in ${interestsSeconds.toFixed(1)} s`);

    // 报备: every broker-channel prospect was registered by the broker a few days before the lead.
    const [, registrationsSeconds] = await time(() =>
      q(
        `INSERT INTO broker_registrations (id, company_id, project_id, broker_id, agency, customer_name, mobile_prefix, mobile_suffix, mobile_full, status,
                                           registered_at, visit_due_at, visited_at, customer_id, interest_id, version, created_at, updated_at)
         SELECT pg_temp.uuid7(reg, 'r' || pi.id), pi.company_id, pi.project_id, $1, '链家西湖店', c.name, left(c.mobile, 3), right(c.mobile, 4), c.mobile,
                CASE WHEN pi.first_visit_at IS NOT NULL THEN 'visited' WHEN reg + interval '7 days' > $2 THEN 'registered' ELSE 'expired' END,
                reg, reg + interval '7 days', pi.first_visit_at, c.id, pi.id, 1, reg, reg
           FROM project_interests pi JOIN customers c ON c.id = pi.customer_id
          CROSS JOIN LATERAL (SELECT pi.created_at - pg_temp.u(hashtext(pi.id::text), 50) * interval '3 days' AS reg) r
          WHERE pi.channel = 'broker'`,
        [org.broker.id, now],
      ),
    );
    log(`broker registrations: ${registrationsSeconds.toFixed(1)} s`);

    for (const c of clients) await c.query(`SET session_replication_role = origin`).catch(() => undefined);
    const [, indexSeconds] = await time(async () => {
      for (const ix of indexes) await q(ix.indexdef);
    });
    log(`${indexes.length} secondary indexes re-created: ${indexSeconds.toFixed(1)} s`);
    const [, vacuumSeconds] = await time(async () => {
      await q('VACUUM ANALYZE');
      await q('CHECKPOINT').catch(() => undefined);
    });
    log(`VACUUM ANALYZE + CHECKPOINT: ${vacuumSeconds.toFixed(1)} s`);

    const { rows: [n] } = await q(
      `SELECT (SELECT count(*) FROM customers)::int AS customers, count(*)::int AS interests, count(*) FILTER (WHERE in_pool)::int AS pooled,
              count(COALESCE(first_visit_at, pledged_at, subscribed_at, contracted_at))::int AS visits, count(COALESCE(pledged_at, subscribed_at, contracted_at))::int AS pledges,
              count(COALESCE(subscribed_at, contracted_at))::int AS subscriptions, count(contracted_at)::int AS contracts,
              (SELECT count(*) FROM broker_registrations)::int AS registrations, pg_database_size(current_database())::bigint AS bytes
         FROM project_interests`,
    );
    const { rows: channelRows } = await q(`SELECT channel, count(*)::int AS n FROM project_interests GROUP BY channel`);
    // Generated rows must hold what the application assumes of real ones.
    const { rows: [bad] } = await q(
      `SELECT (SELECT count(*) FROM project_interests pi LEFT JOIN customers c ON c.id = pi.customer_id WHERE c.id IS NULL OR c.name_pinyin <> pi.customer_pinyin)::int AS orphans,
              (SELECT count(*) FROM project_interests pi WHERE pi.owner_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM user_projects up WHERE up.user_id = pi.owner_id AND up.project_id = pi.project_id))::int AS foreign_owners,
              (SELECT count(*) FROM project_interests pi JOIN projects p ON p.id = pi.project_id WHERE p.company_id <> pi.company_id)::int AS wrong_company,
              (SELECT count(*) FROM project_interests WHERE greatest(first_visit_at, pledged_at, subscribed_at, contracted_at) > $1::timestamptz
                  OR first_visit_at < created_at OR pledged_at < first_visit_at OR subscribed_at < coalesce(pledged_at, first_visit_at) OR contracted_at < coalesce(subscribed_at, pledged_at, first_visit_at)
                  OR (coalesce(pledged_at, subscribed_at, contracted_at) IS NOT NULL AND first_visit_at IS NULL))::int AS bad_milestones,
              (SELECT count(*) FROM project_interests pi JOIN customers c ON c.id = pi.customer_id WHERE pi.created_at < c.created_at)::int AS before_customer`,
      [now],
    );
    if (Object.values(bad).some((v) => Number(v) !== 0)) throw new Error(`generated funnel data is inconsistent: ${JSON.stringify(bad)}`);
    return {
      customers: n.customers,
      interests: n.interests,
      inPool: n.pooled,
      registrations: n.registrations,
      milestones: { visits: n.visits, pledges: n.pledges, subscriptions: n.subscriptions, contracts: n.contracts },
      byChannel: Object.fromEntries(channelRows.map((r) => [r.channel, r.n])),
      databaseBytes: Number(n.bytes),
      seconds: { customers: customersSeconds, interests: interestsSeconds, registrations: registrationsSeconds, indexes: indexSeconds, vacuum: vacuumSeconds, total: (performance.now() - t0) / 1000 },
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
