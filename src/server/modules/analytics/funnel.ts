import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Funnel, funnelQuery } from '../../../common/contracts/analytics.ts';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '../../../common/customers.ts';
import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { brokerRegistrations } from '../channels/tables.ts';
import { prospectScope } from '../customers/scope.ts';
import { projectInterests } from '../customers/tables.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';

const pi = projectInterests;
const shanghaiDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

type Row = { g: number; channel: string | null; owner: string | null; project: string | null; leads: number; visits: number; pledges: number; subscriptions: number; contracts: number };

// The funnel (线索 → 来访 → 认筹 → 认购 → 签约) of the prospects created in a period, from the
// milestones kept on each prospect (each step counts those who reached it or went beyond): one scan with GROUPING SETS gives the total and the breakdowns
// by channel, consultant and project together.
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
  );
  const days = sql`GREATEST(0, extract(epoch from (${pi.contractedAt} - ${pi.firstVisitAt})) / 86400.0)`;
  const rows = (await db
    .select({
      g: sql<number>`GROUPING(${pi.channel}, ${pi.ownerId}, ${pi.projectId})::int`,
      channel: pi.channel, owner: pi.ownerId, project: pi.projectId,
      leads: sql<number>`count(*)::int`,
      // Cumulative: a prospect who signed has passed every earlier step, even one skipped (直签).
      visits: sql<number>`count(COALESCE(${pi.firstVisitAt}, ${pi.pledgedAt}, ${pi.subscribedAt}, ${pi.contractedAt}))::int`,
      pledges: sql<number>`count(COALESCE(${pi.pledgedAt}, ${pi.subscribedAt}, ${pi.contractedAt}))::int`,
      subscriptions: sql<number>`count(COALESCE(${pi.subscribedAt}, ${pi.contractedAt}))::int`,
      contracts: sql<number>`count(${pi.contractedAt})::int`,
    })
    .from(pi)
    .where(where)
    .groupBy(sql`GROUPING SETS ((), (${pi.channel}), (${pi.ownerId}), (${pi.projectId}))`)) as Row[];
  // The median on its own: an ordered-set aggregate would keep the grouping sets from being hashed
  // in one pass, and only the signed prospects need sorting.
  const [med] = await db
    .select({ median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days})` })
    .from(pi)
    .where(and(where, sql`${pi.contractedAt} IS NOT NULL AND ${pi.firstVisitAt} IS NOT NULL`));
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

  const [reg] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(brokerRegistrations)
    .where(and(projectScopeCondition(p, brokerRegistrations), gte(brokerRegistrations.registeredAt, from), lt(brokerRegistrations.registeredAt, to), q.companyId ? eq(brokerRegistrations.companyId, q.companyId) : undefined, q.projectId ? eq(brokerRegistrations.projectId, q.projectId) : undefined));

  const group = q.groupBy === 'channel' ? byChannel.map((r) => ({ key: r.channel ?? '', label: SOURCE_CHANNEL_LABELS[r.channel as SourceChannel] ?? r.channel ?? '', r }))
    : q.groupBy === 'consultant' ? byOwner.map((r) => ({ key: r.owner ?? '', label: names.get(r.owner ?? '') ?? '', r }))
    : q.groupBy === 'project' ? byProject.map((r) => ({ key: r.project ?? '', label: names.get(r.project ?? '') ?? '', r }))
    : [];
  const contracted = byChannel.filter((r) => r.contracts > 0);
  return {
    total: t,
    registrations: reg?.n ?? 0,
    conversion: { visitRate: rate(t.visits, t.leads), pledgeRate: rate(t.pledges, t.visits), subscriptionRate: rate(t.subscriptions, t.pledges), contractRate: rate(t.contracts, t.subscriptions) },
    medianDaysVisitToContract: med?.median === null || med?.median === undefined ? null : Math.round(Number(med.median) * 10) / 10,
    rows: group.sort((a, b) => b.r.leads - a.r.leads || a.key.localeCompare(b.key)).map(({ key, label, r }) => ({ key, label, counts: counts(r), registrations: 0 })),
    sourceMix: contracted
      .map((r) => ({ key: r.channel ?? '', label: SOURCE_CHANNEL_LABELS[r.channel as SourceChannel] ?? r.channel ?? '', count: r.contracts, share: rate(r.contracts, t.contracts) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    ranking: byOwner
      .map((r) => ({ consultant: { id: r.owner ?? '', name: names.get(r.owner ?? '') ?? '' }, contracts: r.contracts, subscriptions: r.subscriptions, visits: r.visits }))
      .sort((a, b) => b.contracts - a.contracts || b.subscriptions - a.subscriptions || b.visits - a.visits || a.consultant.id.localeCompare(b.consultant.id))
      .slice(0, 20),
  };
}
