import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Funnel, funnelQuery } from '../../../common/contracts/analytics.ts';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '../../../common/customers.ts';
import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { brokerRegistrations } from '../channels/tables.ts';
import { prospectScope } from '../customers/scope.ts';
import { projectInterests } from '../customers/tables.ts';
import { projects } from '../org/tables.ts';
import { deals } from '../sales/tables.ts';
import { users } from '../users/tables.ts';
import { netOfCancellations, type Lost, type Row } from './rules.ts';

const pi = projectInterests;
const shanghaiDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);


// The funnel (线索 → 来访 → 认筹 → 认购 → 签约) of the prospects created in a period, from the
// milestones kept on each prospect (each step counts those who reached it or went beyond): one scan with GROUPING SETS gives the total and the breakdowns
// by channel, consultant and project together. Milestones stay after a cancellation, so the deal
// steps are then corrected from the deals table: a prospect whose deal was cancelled (退筹/退订/
// 退房) and who holds no deal that stands at that step or beyond is taken off the step (and off the
// buyers of the source mix); the median counts only contracts that stand.
export async function salesFunnel(db: Db, p: Principal, q: z.infer<typeof funnelQuery>): Promise<Funnel> {
  const from = shanghaiDay(q.from);
  const to = new Date(shanghaiDay(q.to).getTime() + 86_400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) throw new AppError('VALIDATION_FAILED', '统计区间无效', [{ field: 'to', message: '结束日期不能早于开始日期' }]);
  const where: SQL | undefined = and(
    // Always bounded by company (the group's companies for a group-wide view), so the covering
    // index (company_id, created_at) serves every scope.
    sql`${pi.companyId} IN (SELECT id FROM companies)`,
    prospectScope(p),
    gte(pi.createdAt, from),
    lt(pi.createdAt, to),
    q.companyId ? eq(pi.companyId, q.companyId) : undefined,
    q.projectId ? eq(pi.projectId, q.projectId) : undefined,
    q.channel ? eq(pi.channel, q.channel) : undefined,
    q.consultantId ? eq(pi.ownerId, q.consultantId) : undefined,
  );
  const days = sql`GREATEST(0, extract(epoch from (${pi.contractedAt} - ${pi.firstVisitAt})) / 86400.0)`;
  const scope: Scope = { p, q, from };
  const signed = and(where, sql`${pi.contractedAt} IS NOT NULL AND ${pi.firstVisitAt} IS NOT NULL`);
  // The statements are independent, so on PostgreSQL they run side by side on pooled connections
  // (PGlite takes them one at a time). The median on its own: an ordered-set aggregate would keep
  // the grouping sets from being hashed in one pass, and only the signed prospects need sorting.
  const [milestoneRows, lost, plainMedian, regs] = await Promise.all([
    milestoneCounts(db, where),
    cancelledSteps(db, where, scope),
    db.select({ median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days})` }).from(pi).where(signed),
    registrationsBy(db, p, q, from, to),
  ]);
  const rows = netOfCancellations(milestoneRows, lost);
  const cancelledContracts = lost.find((r) => r.g === 7)?.contracts ?? 0;
  // Signed prospects whose contract was cancelled are taken out of the median by value (EXCEPT ALL
  // removes one occurrence of each of their day counts, which leaves exactly the multiset of the
  // contracts that stand), so the scan stays on the index.
  const [med] = cancelledContracts
    ? await queryRows<{ median: number | null }>(db, sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median FROM (
        SELECT ${days} AS d FROM ${pi} WHERE ${signed}
        EXCEPT ALL
        SELECT ${days} AS d FROM ${pi} JOIN (${cancelledSql(scope)}) x ON x.interest_id = ${pi.id} WHERE ${signed} AND x.live < 3) s`)
    : plainMedian;
  // GROUPING bits: channel 4, owner 2, project 1 — a bit set means "not grouped by".
  const total = rows.find((r) => r.g === 7);
  const byChannel = rows.filter((r) => r.g === 3);
  const byOwner = rows.filter((r) => r.g === 5 && r.owner);
  const byProject = rows.filter((r) => r.g === 6);
  const counts = (r?: Row) => ({ leads: r?.leads ?? 0, visits: r?.visits ?? 0, pledges: r?.pledges ?? 0, subscriptions: r?.subscriptions ?? 0, contracts: r?.contracts ?? 0 });
  const t = counts(total);

  const names = new Map<string, string>();
  const ownerIds = byOwner.map((r) => r.owner!).filter(Boolean);
  if (ownerIds.length) for (const u of await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ownerIds))) names.set(u.id, u.name);
  const projectIds = byProject.map((r) => r.project!).filter(Boolean);
  if (projectIds.length) for (const x of await db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds))) names.set(x.id, x.name);

  const group = q.groupBy === 'channel' ? byChannel.map((r) => ({ key: r.channel ?? '', label: SOURCE_CHANNEL_LABELS[r.channel as SourceChannel] ?? r.channel ?? '', r }))
    : q.groupBy === 'consultant' ? byOwner.map((r) => ({ key: r.owner ?? '', label: names.get(r.owner ?? '') ?? '', r }))
    : q.groupBy === 'project' ? byProject.map((r) => ({ key: r.project ?? '', label: names.get(r.project ?? '') ?? '', r }))
    : [];
  const contracted = byChannel.filter((r) => r.contracts > 0);
  return {
    total: t,
    registrations: regs.total,
    conversion: { visitRate: rate(t.visits, t.leads), pledgeRate: rate(t.pledges, t.visits), subscriptionRate: rate(t.subscriptions, t.pledges), contractRate: rate(t.contracts, t.subscriptions) },
    medianDaysVisitToContract: med?.median === null || med?.median === undefined ? null : Math.round(Number(med.median) * 10) / 10,
    rows: group.sort((a, b) => b.r.leads - a.r.leads || a.key.localeCompare(b.key)).map(({ key, label, r }) => ({ key, label, counts: counts(r), registrations: regs.of(q.groupBy, key) })),
    sourceMix: contracted
      .map((r) => ({ key: r.channel ?? '', label: SOURCE_CHANNEL_LABELS[r.channel as SourceChannel] ?? r.channel ?? '', count: r.contracts, share: rate(r.contracts, t.contracts) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    ranking: byOwner
      .map((r) => ({ consultant: { id: r.owner ?? '', name: names.get(r.owner ?? '') ?? '' }, contracts: r.contracts, subscriptions: r.subscriptions, visits: r.visits }))
      .sort((a, b) => b.contracts - a.contracts || b.subscriptions - a.subscriptions || b.visits - a.visits || a.consultant.id.localeCompare(b.consultant.id))
      .slice(0, 20),
  };
}

// The counts per step over GROUPING SETS ((), channel, owner, project). The prospects are first
// counted per (channel, owner, project), which PostgreSQL can aggregate in parallel workers (it has
// no parallel plan for grouping sets); the grouping sets then sum those few hundred rows.
async function milestoneCounts(db: Db, where: SQL | undefined): Promise<Row[]> {
  const rows = await queryRows<Row>(db, sql`WITH b AS (
      SELECT ${pi.channel} AS channel, ${pi.ownerId} AS owner, ${pi.projectId} AS project,
        count(*) AS leads,
        -- Cumulative: a prospect who signed has passed every earlier step, even one skipped (直签).
        count(COALESCE(${pi.firstVisitAt}, ${pi.pledgedAt}, ${pi.subscribedAt}, ${pi.contractedAt})) AS visits,
        count(COALESCE(${pi.pledgedAt}, ${pi.subscribedAt}, ${pi.contractedAt})) AS pledges,
        count(COALESCE(${pi.subscribedAt}, ${pi.contractedAt})) AS subscriptions,
        count(${pi.contractedAt}) AS contracts
      FROM ${pi} WHERE ${where} GROUP BY 1, 2, 3)
    SELECT GROUPING(channel, owner, project)::int AS g, channel, owner, project,
      COALESCE(sum(leads), 0)::int AS leads, COALESCE(sum(visits), 0)::int AS visits, COALESCE(sum(pledges), 0)::int AS pledges,
      COALESCE(sum(subscriptions), 0)::int AS subscriptions, COALESCE(sum(contracts), 0)::int AS contracts
    FROM b GROUP BY GROUPING SETS ((), (channel), (owner), (project))`);
  return rows.map((r) => ({ ...r, g: Number(r.g), leads: Number(r.leads), visits: Number(r.visits), pledges: Number(r.pledges), subscriptions: Number(r.subscriptions), contracts: Number(r.contracts) }));
}

// Prospects (id) with a cancelled deal, and the furthest stage (1 pledge, 2 subscription,
// 3 contract; 0 none) of the deals they still hold, within the caller's scope and the filters. Deals
// are made after the prospect, so a prospect of the period has its deals from the period's start on.
type Scope = { p: Principal; q: z.infer<typeof funnelQuery>; from: Date };
function cancelledSql({ p, q, from }: Scope) {
  const d = deals;
  const where = and(gte(d.createdAt, from), projectScopeCondition(p, d), q.companyId ? eq(d.companyId, q.companyId) : undefined, q.projectId ? eq(d.projectId, q.projectId) : undefined);
  return sql`SELECT ${d.interestId} AS interest_id, COALESCE(max(CASE ${d.stage} WHEN 'pledge' THEN 1 WHEN 'subscription' THEN 2 ELSE 3 END) FILTER (WHERE ${d.status} = 'active'), 0) AS live
    FROM ${d} WHERE ${where} GROUP BY ${d.interestId} HAVING bool_or(${d.status} = 'cancelled')`;
}

// Per grouping set: the prospects counted at a deal step by their milestones who no longer hold a
// deal that far (cancelled and not bought again).
async function cancelledSteps(db: Db, where: SQL | undefined, scope: Scope): Promise<Lost[]> {
  const reached = sql`CASE WHEN ${pi.contractedAt} IS NOT NULL THEN 3 WHEN ${pi.subscribedAt} IS NOT NULL THEN 2 WHEN ${pi.pledgedAt} IS NOT NULL THEN 1 ELSE 0 END`;
  const rows = await queryRows<Lost>(db, sql`SELECT GROUPING(${pi.channel}, ${pi.ownerId}, ${pi.projectId})::int AS g, ${pi.channel} AS channel, ${pi.ownerId} AS owner, ${pi.projectId} AS project,
      count(*) FILTER (WHERE ${reached} >= 1 AND x.live < 1)::int AS pledges,
      count(*) FILTER (WHERE ${reached} >= 2 AND x.live < 2)::int AS subscriptions,
      count(*) FILTER (WHERE ${reached} >= 3 AND x.live < 3)::int AS contracts
    FROM ${pi} JOIN (${cancelledSql(scope)}) x ON x.interest_id = ${pi.id}
    WHERE ${where} AND x.live < ${reached}
    GROUP BY GROUPING SETS ((), (${pi.channel}), (${pi.ownerId}), (${pi.projectId}))`);
  return rows.map((r) => ({ ...r, g: Number(r.g), pledges: Number(r.pledges), subscriptions: Number(r.subscriptions), contracts: Number(r.contracts) }));
}

// Broker registrations (报备) made in the period in the caller's project scope: in total, and per
// row of the breakdown — by project, or by channel (all of them are the broker channel's). A
// registration belongs to no consultant until the office confirms the visit, so consultant rows
// have none (null); a consultant filter counts the registrations whose prospect they now own. A
// channel filter other than broker leaves none.
async function registrationsBy(db: Db, p: Principal, q: z.infer<typeof funnelQuery>, from: Date, to: Date) {
  const br = brokerRegistrations;
  const none = { total: 0, of: (groupBy: string) => (groupBy === 'consultant' ? null : 0) };
  if (q.channel && q.channel !== 'broker') return none;
  const key = q.groupBy === 'project' ? br.projectId : sql<string>`''`;
  const base = db.select({ key: sql<string | null>`${key}`, n: sql<number>`count(*)::int` }).from(br);
  const joined = q.consultantId ? base.innerJoin(pi, eq(pi.id, br.interestId)) : base;
  const rows = await joined
    .where(and(projectScopeCondition(p, br), gte(br.registeredAt, from), lt(br.registeredAt, to), q.companyId ? eq(br.companyId, q.companyId) : undefined, q.projectId ? eq(br.projectId, q.projectId) : undefined, q.consultantId ? eq(pi.ownerId, q.consultantId) : undefined))
    .groupBy(sql`1`);
  const total = rows.reduce((n, r) => n + r.n, 0);
  const per = new Map(rows.map((r) => [r.key ?? '', r.n]));
  return {
    total,
    of: (groupBy: string, k = ''): number | null => (groupBy === 'consultant' ? null : groupBy === 'channel' ? (k === 'broker' ? total : 0) : per.get(k) ?? 0),
  };
}
