import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Funnel } from '../../src/common/contracts/analytics.ts';
import type { Campaign } from '../../src/common/contracts/campaigns.ts';
import { referralRewards } from '../../src/server/modules/channels/campaign-tables.ts';
import { projectInterests } from '../../src/server/modules/customers/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { DAY } from '../../src/server/platform/clock.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Campaign attribution, 老带新 referrals with reward entitlements, and the funnel over the
// milestones a prospect passes (visit, pledge, subscription, contract).
describe.each(dbKinds())('funnel, campaigns and referrals on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const relogin = () => cookies.clear();
  let unitIds: string[] = [];
  const prospects: Record<string, string> = {};
  const create = async (name: string, mobile: string, sourceChannel: string) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await as('consultant'), body: { name, mobile, grade: 'A', projectId: t.world.a1.id, sourceChannel } });
    expect(res.statusCode, res.body).toBe(201);
    prospects[name] = res.json().interests[0].id;
  };
  const visit = async (name: string) => {
    const res = await t.call('POST', `/api/v1/interests/${prospects[name]}/interactions`, { cookie: await as('consultant'), body: { type: 'visit', content: '到访售楼处' } });
    expect(res.statusCode, res.body).toBe(201);
  };
  const deal = async (name: string, unit: number, body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/v1/deals', { cookie: await as('consultant'), body: { interestId: prospects[name], unitId: unitIds[unit], ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const sign = { stage: 'contract', price: 2_000_000, signedOn: '2026-11-25' };
  let campaign: Campaign;

  beforeAll(async () => {
    t = await createTestApp(kind);
    unitIds = (await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).orderBy(units.floor, units.number)).map((u) => u.id);
  });
  afterAll(() => t.close());

  it('attributes prospects to a campaign of their project', async () => {
    const res = await t.call('POST', '/api/v1/campaigns', { cookie: await as('salesmgr'), body: { projectId: t.world.a1.id, name: '双十一看房团', channel: 'event', startsOn: '2026-11-11', endsOn: '2026-11-30', cost: 20_000 } });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
    const bad = await t.call('POST', '/api/v1/campaigns', { cookie: await as('salesmgr'), body: { projectId: t.world.a1.id, name: '反了', channel: 'event', startsOn: '2026-11-30', endsOn: '2026-11-01', cost: 1 } });
    expect(bad.statusCode).toBe(400);
    expect((await t.call('POST', '/api/v1/campaigns', { cookie: await as('consultant'), body: { projectId: t.world.a1.id, name: 'x', channel: 'event', startsOn: '2026-11-01', endsOn: '2026-11-02', cost: 1 } })).statusCode).toBe(403);
    await create('甲', '13900000001', 'event');
    await create('乙', '13900000002', 'event');
    await create('丙', '13900000003', 'walk_in');
    for (const name of ['甲', '乙']) {
      const a = await t.call('PUT', `/api/v1/interests/${prospects[name]}/attribution`, { cookie: await as('consultant'), body: { campaignId: campaign.id } });
      expect(a.statusCode, a.body).toBe(200);
    }
    expect((await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, prospects['甲'])))[0].campaignId).toBe(campaign.id);
  });

  it('records the milestones as prospects visit and deal', async () => {
    await visit('甲');
    await visit('乙');
    const d = await deal('甲', 0, { stage: 'subscription', deposit: 100_000, paymentMethod: 'mortgage', contractDueDate: '2026-12-01' });
    await deal('乙', 1, { stage: 'pledge', pledgeAmount: 20_000 });
    t.clock.advance(3 * DAY);
    relogin();
    const signed = await t.call('POST', `/api/v1/deals/${d.id}/advance`, { cookie: await as('consultant'), body: { ...sign, version: d.version } });
    expect(signed.statusCode, signed.body).toBe(200);
    const [row] = await t.database.db.select().from(projectInterests).where(eq(projectInterests.id, prospects['甲']));
    expect(row.firstVisitAt).not.toBeNull();
    expect(row.subscribedAt).not.toBeNull();
    expect(row.contractedAt!.getTime() - row.firstVisitAt!.getTime()).toBe(3 * DAY);
  });

  it('shows what the campaign brought and cost', async () => {
    const res = await t.call('GET', `/api/v1/campaigns?projectId=${t.world.a1.id}`, { cookie: await as('salesmgr') });
    const c = (res.json().items as Campaign[]).find((x) => x.id === campaign.id);
    expect(c).toMatchObject({ prospects: 2, visits: 2, deals: 1, contractValue: 2_000_000, costPerVisit: 10_000, costPerDeal: 20_000, returnRatio: 100 });
  });

  it('counts an owner\'s referrals and rewards them on the referral and on the contract', async () => {
    await create('丁', '13900000004', 'owner_referral');
    const notOwner = await t.call('PUT', `/api/v1/interests/${prospects['丁']}/attribution`, { cookie: await as('consultant'), body: { referrerMobile: '13900000003' } });
    expect(notOwner.statusCode).toBe(400);
    const res = await t.call('PUT', `/api/v1/interests/${prospects['丁']}/attribution`, { cookie: await as('consultant'), body: { referrerMobile: '13900000001' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().referrer.name).toBe('甲');
    await visit('丁');
    await deal('丁', 2, sign);
    const rewards = await t.database.db.select().from(referralRewards).where(eq(referralRewards.interestId, prospects['丁']));
    expect(rewards.map((r) => r.kind).sort()).toEqual(['deal', 'referral']);
    const stats = await t.call('GET', '/api/v1/referrals', { cookie: await as('salesmgr') });
    expect(stats.json().items).toEqual([expect.objectContaining({ referrer: expect.objectContaining({ name: '甲' }), referrals: 1, deals: 1, rewards: 2 })]);
  });

  it('computes the funnel with conversions, the median days from visit to contract, the source mix and the ranking', async () => {
    const res = await t.call('GET', '/api/v1/analytics/funnel?from=2026-11-01&to=2026-11-30&groupBy=channel', { cookie: await as('salesmgr') });
    expect(res.statusCode, res.body).toBe(200);
    const f: Funnel = res.json();
    // 丁 signed directly: counted at every step before the contract too.
    expect(f.total).toEqual({ leads: 4, visits: 3, pledges: 3, subscriptions: 2, contracts: 2 });
    expect(f.conversion).toEqual({ visitRate: 0.75, pledgeRate: 1, subscriptionRate: 0.667, contractRate: 1 });
    // 甲: 3 days; 丁: signed the day of the visit (0 days): the median of 0 and 3.
    expect(f.medianDaysVisitToContract).toBe(1.5);
    expect(f.rows.map((r) => [r.key, r.counts.leads])).toEqual([['event', 2], ['owner_referral', 1], ['walk_in', 1]]);
    expect(f.sourceMix).toEqual([
      expect.objectContaining({ key: 'event', count: 1, share: 0.5 }),
      expect.objectContaining({ key: 'owner_referral', count: 1, share: 0.5 }),
    ]);
    expect(f.ranking[0]).toMatchObject({ consultant: { id: t.world.users.consultant.id }, contracts: 2 });
    // Outside the period: nothing.
    const empty: Funnel = (await t.call('GET', '/api/v1/analytics/funnel?from=2026-10-01&to=2026-10-31', { cookie: await as('salesmgr') })).json();
    expect(empty.total.leads).toBe(0);
  });

  it('keeps the funnel to each role\'s scope', async () => {
    const q = '/api/v1/analytics/funnel?from=2026-11-01&to=2026-11-30';
    expect(((await t.call('GET', q, { cookie: await as('consultant') })).json() as Funnel).total.leads).toBe(4);
    expect(((await t.call('GET', `${q}&projectId=${t.world.b1.id}`, { cookie: await as('exec') })).json() as Funnel).total.leads).toBe(0);
    expect((await t.call('GET', q, { cookie: await as('property') })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/analytics/funnel?from=2026-11-30&to=2026-11-01', { cookie: await as('exec') })).statusCode).toBe(400);
  });
});
