import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Principal } from '../platform/access/principal.ts';
import { DAY } from '../platform/clock.ts';
import { createCampaign, setAttribution } from '../modules/channels/campaigns.ts';
import { confirmVisit, createRegistration } from '../modules/channels/registrations.ts';
import { brokerRegistrations } from '../modules/channels/tables.ts';
import { customers, projectInterests } from '../modules/customers/tables.ts';
import { buildings, units } from '../modules/org/tables.ts';
import { advanceDeal, cancelDeal, createDeal, type SalesCtx } from '../modules/sales/deals.ts';
import { principalOf } from './complaints.ts';
import { seedAgency } from './factories.ts';

const at = (p: Principal, db: Db, t: Date): SalesCtx => ({ db, now: t, actor: { principal: p, ip: null }, principal: p });
const day = (t: Date) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

// Demo sales for 西溪云庐 through the real services: pledges, subscriptions and contracts on the
// first building, one cancellation, a campaign, two agencies and a broker's registrations (one visited and bought),
// and an owner's referral. The seeded follow-ups' visits become the prospects' first visits.
export async function seedDemoSales(db: Db, project: { id: string; companyId: string }, now: Date) {
  await db.execute(sql`UPDATE project_interests pi SET first_visit_at = v.first FROM (SELECT interest_id, min(occurred_at) AS first FROM interactions WHERE type IN ('visit', 'site_tour') GROUP BY interest_id) v WHERE v.interest_id = pi.id`);
  const manager = await principalOf(db, 'wangqiang');
  const consultant = await principalOf(db, 'zhangwei');
  const broker = await principalOf(db, 'wuhao');
  const [first] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.projectId, project.id)).orderBy(asc(buildings.name)).limit(1);
  const unitIds = (await db.select({ id: units.id }).from(units).where(eq(units.buildingId, first.id)).orderBy(asc(units.floor), asc(units.number))).map((u) => u.id);
  const prospects = await db
    .select({ id: projectInterests.id, ownerId: projectInterests.ownerId, firstVisitAt: projectInterests.firstVisitAt })
    .from(projectInterests)
    .where(and(eq(projectInterests.projectId, project.id), isNotNull(projectInterests.firstVisitAt)))
    .orderBy(asc(projectInterests.createdAt))
    .limit(14);
  const ownerOf = (id: string | null) => (id === consultant.userId ? consultant : manager);

  // The campaign's period must hold the first visit of every prospect attributed to it (every
  // third one below), whatever the day the demo is seeded on.
  const visitDays = prospects.filter((_, i) => i % 3 === 0).map((p) => day(p.firstVisitAt ?? now)).sort();
  const startsOn = [day(new Date(now.getTime() - 40 * DAY)), ...visitDays].sort()[0];
  const endsOn = [day(new Date(now.getTime() - 10 * DAY)), ...visitDays].sort().at(-1) ?? day(now);
  const campaign = await createCampaign(at(manager, db, new Date(now.getTime() - 40 * DAY)), {
    projectId: project.id, name: '样板间开放日', channel: 'event', startsOn, endsOn, cost: 80_000,
  });
  for (const [i, p] of prospects.entries()) {
    const who = ownerOf(p.ownerId);
    const t = new Date(now.getTime() - (30 - i) * DAY);
    if (i % 3 === 0) await setAttribution(at(who, db, t), p.id, { campaignId: campaign.id });
    if (i >= 12) continue;
    const stage = i < 3 ? 'pledge' : 'subscription';
    const deal = await createDeal(at(who, db, t), stage === 'pledge'
      ? { stage, interestId: p.id, unitId: unitIds[i * 3], pledgeAmount: 20_000 }
      : { stage, interestId: p.id, unitId: unitIds[i * 3], deposit: 100_000, paymentMethod: (['mortgage', 'full', 'combined', 'housing_fund'] as const)[i % 4], contractDueDate: day(new Date(t.getTime() + 15 * DAY)) });
    if (i >= 6) {
      const signed = await advanceDeal(at(who, db, new Date(t.getTime() + 5 * DAY)), deal.id, { stage: 'contract', version: deal.version, price: 3_000_000 + i * 50_000, signedOn: day(new Date(t.getTime() + 5 * DAY)) });
      if (i === 11) await cancelDeal(at(who, db, new Date(t.getTime() + 8 * DAY)), signed.id, { version: signed.version, reason: '客户家庭原因退房' });
    }
  }

  // Two agencies (fictional names); the broker belongs to the first, so his registrations carry it.
  const since = new Date(now.getTime() - 60 * DAY);
  await seedAgency(db, { companyId: project.companyId, name: '杭城安家置业西湖店', contactName: '郑丽', contactMobile: '13605718801', note: '西湖区文二路门店', brokerIds: [broker.userId] }, since);
  await seedAgency(db, { companyId: project.companyId, name: '钱塘房产经纪', contactName: '沈国平', contactMobile: '13605718802', note: '' }, since);
  // The broker's registrations: one visited and bought, one waiting for its visit.
  const reg = await createRegistration(at(broker, db, new Date(now.getTime() - 12 * DAY)), { projectId: project.id, customerName: '钟先生', mobile: '13712340001', agency: '', note: '意向三房' });
  const visited = await confirmVisit(at(consultant, db, new Date(now.getTime() - 10 * DAY)), reg.id, { version: reg.version, mobile: '13712340001' });
  await createRegistration(at(broker, db, new Date(now.getTime() - 2 * DAY)), { projectId: project.id, customerName: '叶女士', mobile: '13712340002', agency: '', note: '' });
  const [{ interestId }] = await db.select({ interestId: brokerRegistrations.interestId }).from(brokerRegistrations).where(eq(brokerRegistrations.id, visited.id));
  const bought = { id: interestId! };
  await createDeal(at(consultant, db, new Date(now.getTime() - 6 * DAY)), { stage: 'subscription', interestId: bought.id, unitId: unitIds[40], deposit: 200_000, paymentMethod: 'mortgage', contractDueDate: day(new Date(now.getTime() + 9 * DAY)) });

  // 老带新: the first buyer who signed recommends a friend still deciding.
  const [owner] = await db.select({ mobile: customers.mobile }).from(customers).innerJoin(projectInterests, eq(projectInterests.customerId, customers.id)).where(eq(projectInterests.id, prospects[6].id));
  const friend = prospects[12];
  if (owner && friend) await setAttribution(at(ownerOf(friend.ownerId), db, new Date(now.getTime() - 3 * DAY)), friend.id, { referrerMobile: owner.mobile });
}
