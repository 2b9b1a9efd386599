import { count, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { agencyPeriodQuery, agencyStatsSchema } from '../../../common/contracts/agencies.ts';
import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { DAY } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { agencyBrokers, brokerRegistrations } from './tables.ts';

export type AgencyStats = z.infer<typeof agencyStatsSchema>;
export type AgencyPeriod = { from: string; to: string; start: Date; end: Date };
export const NO_STATS: AgencyStats = { brokers: 0, registrations: 0, visits: 0, deals: 0, commissionEligible: 0 };

const pad = (n: number) => String(n).padStart(2, '0');
const shanghaiDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - SHANGHAI_OFFSET_MS);

// The counting period: Shanghai days [from, to], this calendar month (Asia/Shanghai) by default.
export function agencyPeriod(q: z.infer<typeof agencyPeriodQuery>, now: Date): AgencyPeriod {
  const s = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const y = s.getUTCFullYear();
  const m = s.getUTCMonth();
  const from = q.from ?? `${y}-${pad(m + 1)}-01`;
  const to = q.to ?? `${y}-${pad(m + 1)}-${pad(new Date(Date.UTC(y, m + 1, 0)).getUTCDate())}`;
  const start = shanghaiDay(from);
  const end = new Date(shanghaiDay(to).getTime() + DAY);
  if (Number.isNaN(start.getTime())) throw new AppError('VALIDATION_FAILED', '开始日期无效', [{ field: 'from', message: '开始日期无效' }]);
  if (Number.isNaN(end.getTime()) || end <= start) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [{ field: 'to', message: '结束日期不能早于开始日期' }]);
  return { from, to, start, end };
}

// Per agency: its brokers now, and what its registrations did in the period — made (refusals not
// counted), visited, dealt, and dealt with commission earned. Each is counted by the day it
// happened, so a registration made last month and visited this month is this month's visit.
export async function agencyStats(db: Db, ids: string[], period: AgencyPeriod): Promise<Map<string, AgencyStats>> {
  if (!ids.length) return new Map();
  const r = brokerRegistrations;
  const inPeriod = (col: typeof r.registeredAt | typeof r.visitedAt | typeof r.dealtAt) => sql`${col} >= ${period.start.toISOString()}::timestamptz AND ${col} < ${period.end.toISOString()}::timestamptz`;
  const [members, activity] = await Promise.all([
    db.select({ id: agencyBrokers.agencyId, n: count() }).from(agencyBrokers).where(inArray(agencyBrokers.agencyId, ids)).groupBy(agencyBrokers.agencyId),
    db
      .select({
        id: r.agencyId,
        registrations: sql<number>`count(*) FILTER (WHERE ${inPeriod(r.registeredAt)} AND ${r.status} <> 'rejected')::int`,
        visits: sql<number>`count(*) FILTER (WHERE ${inPeriod(r.visitedAt)})::int`,
        deals: sql<number>`count(*) FILTER (WHERE ${inPeriod(r.dealtAt)})::int`,
        commissionEligible: sql<number>`count(*) FILTER (WHERE ${inPeriod(r.dealtAt)} AND ${r.commissionEligible})::int`,
      })
      .from(r)
      .where(inArray(r.agencyId, ids))
      .groupBy(r.agencyId),
  ]);
  const out = new Map<string, AgencyStats>(ids.map((id) => [id, { ...NO_STATS }]));
  for (const m of members) out.get(m.id)!.brokers = Number(m.n);
  for (const a of activity) if (a.id) Object.assign(out.get(a.id)!, { registrations: a.registrations, visits: a.visits, deals: a.deals, commissionEligible: a.commissionEligible });
  return out;
}
