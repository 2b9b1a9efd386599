import { readFileSync } from 'node:fs';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Funnel } from '../../src/common/contracts/analytics.ts';
import type { Campaign } from '../../src/common/contracts/campaigns.ts';
import { campaigns, referralRewards } from '../../src/server/modules/channels/campaign-tables.ts';
import { projectInterests } from '../../src/server/modules/customers/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Referral = { referrer: { id: string; name: string }; referrals: number; deals: number; rewards: number };

// 老带新 reward entitlements (one live per kind, voided when the referrer changes and on 退房),
// campaign edit/delete, the campaign period on attribution, paging, figures that count only deals
// that stand, the funnel's consultant filter, and what each role sees.
describe.each(dbKinds())('campaigns, referrals and rewards on %s', (kind) => {
  let t: TestApp;
  let unitsA: string[] = [];
  let unitsB: string[] = [];
  const ids: Record<string, string> = {};
  const cs: Record<string, Campaign> = {};
  const dealsOf: Record<string, { id: string; version: number }> = {};
  const sign = { stage: 'contract', price: 2_000_000, signedOn: '2026-11-22' };

  const create = async (who: string, name: string, mobile: string, sourceChannel: string, projectId = t.world.a1.id) => {
    const res = await t.call('POST', '/api/v1/customers', { cookie: await t.as(who), body: { name, mobile, grade: 'A', projectId, sourceChannel } });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().interests[0].id;
  };
  const visit = async (who: string, name: string) => {
    const res = await t.call('POST', `/api/v1/interests/${ids[name]}/interactions`, { cookie: await t.as(who), body: { type: 'visit', content: '到访售楼处' } });
    expect(res.statusCode, res.body).toBe(201);
  };
  const deal = async (who: string, name: string, unitId: string, body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/v1/deals', { cookie: await t.as(who), body: { interestId: ids[name], unitId, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    dealsOf[name] = res.json();
  };
  const cancel = async (who: string, name: string, reason: string) => {
    const res = await t.call('POST', `/api/v1/deals/${dealsOf[name].id}/cancel`, { cookie: await t.as(who), body: { version: dealsOf[name].version, reason } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const attribute = async (who: string, name: string, body: Record<string, unknown>) => t.call('PUT', `/api/v1/interests/${ids[name]}/attribution`, { cookie: await t.as(who), body });
  const newCampaign = async (who: string, key: string, projectId: string, startsOn: string, endsOn: string, cost = 30_000) => {
    const res = await t.call('POST', '/api/v1/campaigns', { cookie: await t.as(who), body: { projectId, name: key, channel: 'event', startsOn, endsOn, cost } });
    expect(res.statusCode, res.body).toBe(201);
    cs[key] = res.json();
  };
  const rewardsOf = (name: string) => t.database.db.select().from(referralRewards).where(eq(referralRewards.interestId, ids[name])).orderBy(referralRewards.createdAt, referralRewards.id);
  const live = async (name: string) => (await rewardsOf(name)).filter((r) => r.status !== 'void').map((r) => [r.kind, r.referrerCustomerId]).sort();
  const customerOf = async (name: string) => (await t.database.db.select({ id: projectInterests.customerId }).from(projectInterests).where(eq(projectInterests.id, ids[name])))[0].id;
  const customerIds: Record<string, string> = {};
  const referrals = async (who: string, query = '') => {
    const res = await t.call('GET', `/api/v1/referrals${query}`, { cookie: await t.as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Referral[];
  };
  const campaignList = async (who: string, query = '') => {
    const res = await t.call('GET', `/api/v1/campaigns${query}`, { cookie: await t.as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Campaign[];
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const unitsOf = async (buildingId: string) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, buildingId)).orderBy(units.floor, units.number)).map((u) => u.id);
    unitsA = await unitsOf(t.world.buildingA1.id);
    unitsB = await unitsOf(t.world.buildingB1.id);
    const now = t.clock.now();
    await seedUser(t.database.db, { username: 'consultant2', displayName: '顾问二', password: TEST_PASSWORD, role: 'sales_consultant', companyId: t.world.companyA.id, teamId: t.world.teamA1.id, projectIds: [t.world.a1.id] }, now);
    await seedUser(t.database.db, { username: 'mgrb', displayName: '成都经理', password: TEST_PASSWORD, role: 'sales_manager', scope: 'company', companyId: t.world.companyB.id, projectIds: [t.world.b1.id] }, now);
    await seedUser(t.database.db, { username: 'consb', displayName: '成都顾问', password: TEST_PASSWORD, role: 'sales_consultant', companyId: t.world.companyB.id, projectIds: [t.world.b1.id] }, now);
  });
  afterAll(() => t.close());

  it('makes two owners and a referred prospect', async () => {
    await create('consultant', '甲', '13900000011', 'walk_in');
    await create('consultant', '乙', '13900000012', 'walk_in');
    await create('consultant', '丙', '13900000013', 'owner_referral');
    await deal('consultant', '甲', unitsA[0], sign);
    await deal('consultant', '乙', unitsA[1], sign);
    for (const name of ['甲', '乙', '丙']) customerIds[name] = await customerOf(name);
  });

  it('grants one referral reward per prospect, voids it when the referrer changes or is cleared, and audits each', async () => {
    expect((await attribute('consultant', '丙', { referrerMobile: '13900000011' })).statusCode).toBe(200);
    // Naming the same owner again earns nothing more.
    expect((await attribute('consultant', '丙', { referrerMobile: '13900000011' })).statusCode).toBe(200);
    expect(await live('丙')).toEqual([['referral', customerIds['甲']]]);
    // A → B: A's entitlement is voided (kept, with why), B earns one.
    expect((await attribute('consultant', '丙', { referrerMobile: '13900000012' })).statusCode).toBe(200);
    expect(await live('丙')).toEqual([['referral', customerIds['乙']]]);
    const voided = (await rewardsOf('丙')).find((r) => r.referrerCustomerId === customerIds['甲'])!;
    expect(voided).toMatchObject({ status: 'void', voidReason: '推荐业主已变更' });
    expect(voided.voidedAt?.getTime()).toBe(t.clock.now().getTime());
    // Cleared, then the same owner again: one live entitlement, the history kept.
    expect((await attribute('consultant', '丙', { referrerMobile: null })).statusCode).toBe(200);
    expect(await live('丙')).toEqual([]);
    expect((await rewardsOf('丙')).at(-1)).toMatchObject({ status: 'void', voidReason: '推荐业主已清除' });
    expect((await attribute('consultant', '丙', { referrerMobile: '13900000012' })).statusCode).toBe(200);
    expect(await live('丙')).toEqual([['referral', customerIds['乙']]]);
    expect(await rewardsOf('丙')).toHaveLength(3);
    const entries = await t.database.db.select().from(auditLogs).where(eq(auditLogs.entityType, 'referral_reward'));
    expect(entries.filter((e) => e.action === 'create')).toHaveLength(3);
    expect(entries.filter((e) => e.action === 'update').map((e) => e.changes)).toEqual([
      { status: { before: 'entitled', after: 'void' }, voidReason: { before: '', after: '推荐业主已变更' } },
      { status: { before: 'entitled', after: 'void' }, voidReason: { before: '', after: '推荐业主已清除' } },
    ]);
    // The database keeps one live entitlement of a kind per prospect.
    const [one] = await rewardsOf('丙');
    await expect(
      t.database.db.insert(referralRewards).values({ id: '019a0000-0000-7000-8000-000000000001', companyId: one.companyId, projectId: one.projectId, referrerCustomerId: customerIds['甲'], interestId: ids['丙'], kind: 'referral', createdAt: t.clock.now() }),
    ).rejects.toThrow();
  });

  it('voids the contract reward on 退房 and counts only contracts that stand', async () => {
    await deal('consultant', '丙', unitsA[2], sign);
    expect(await live('丙')).toEqual([['deal', customerIds['乙']], ['referral', customerIds['乙']]]);
    expect(await referrals('salesmgr')).toEqual([expect.objectContaining({ referrer: { id: customerIds['乙'], name: '乙' }, referrals: 1, deals: 1, rewards: 2 })]);
    await cancel('consultant', '丙', '客户资金原因');
    const dealReward = (await rewardsOf('丙')).find((r) => r.kind === 'deal')!;
    expect(dealReward).toMatchObject({ status: 'void', voidReason: '退房：客户资金原因' });
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, dealReward.id), eq(auditLogs.action, 'update')));
    expect(entry.changes).toEqual({ status: { before: 'entitled', after: 'void' }, voidReason: { before: '', after: '退房：客户资金原因' } });
    expect(await referrals('salesmgr')).toEqual([expect.objectContaining({ referrals: 1, deals: 0, rewards: 1 })]);
    // Signing again earns it again, once.
    await deal('consultant', '丙', unitsA[3], sign);
    expect(await referrals('salesmgr')).toEqual([expect.objectContaining({ referrals: 1, deals: 1, rewards: 2 })]);
    // The referrer changes after the contract: the rewards follow the new referrer.
    expect((await attribute('consultant', '丙', { referrerMobile: '13900000011' })).statusCode).toBe(200);
    expect(await live('丙')).toEqual([['deal', customerIds['甲']], ['referral', customerIds['甲']]]);
    expect(await referrals('salesmgr')).toEqual([expect.objectContaining({ referrer: { id: customerIds['甲'], name: '甲' }, referrals: 1, deals: 1, rewards: 2 })]);
    // A reward already paid out cannot be taken back: the change is refused.
    await t.database.db.update(referralRewards).set({ status: 'paid' }).where(and(eq(referralRewards.interestId, ids['丙']), eq(referralRewards.kind, 'referral'), ne(referralRewards.status, 'void')));
    const refused = await attribute('consultant', '丙', { referrerMobile: '13900000012' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'REFERRAL_REWARD_PAID' });
    expect(await live('丙')).toEqual([['deal', customerIds['甲']], ['referral', customerIds['甲']]]);
  });

  it('attributes a prospect to a campaign only when its first visit (or, not visited, today) is in the period', async () => {
    await newCampaign('salesmgr', '双十一看房团', t.world.a1.id, '2026-11-15', '2026-11-30');
    await newCampaign('salesmgr', '十一月上旬', t.world.a1.id, '2026-11-01', '2026-11-10');
    await newCampaign('salesmgr', '元旦预热', t.world.a1.id, '2026-12-01', '2026-12-31');
    await create('consultant', '丁', '13900000014', 'event');
    const early = await attribute('consultant', '丁', { campaignId: cs['元旦预热'].id });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'campaignId', message: '归属登记日期（2026-11-22）不在活动「元旦预热」期间（2026-12-01 至 2026-12-31）内' }] });
    expect((await attribute('consultant', '丁', { campaignId: cs['双十一看房团'].id })).statusCode).toBe(200);
    await create('consultant', '戊', '13900000015', 'event');
    await visit('consultant', '戊');
    const before = await attribute('consultant', '戊', { campaignId: cs['十一月上旬'].id });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].message).toContain('客户首次来访日期（2026-11-22）');
    expect((await attribute('consultant', '戊', { campaignId: cs['双十一看房团'].id })).statusCode).toBe(200);
  });

  it('counts in a campaign only the deals that stand, consistently with the contract value', async () => {
    await deal('consultant', '丁', unitsA[4], sign);
    await deal('consultant', '戊', unitsA[5], { ...sign, price: 3_000_000 });
    const find = async () => (await campaignList('salesmgr', `?projectId=${t.world.a1.id}`)).find((c) => c.id === cs['双十一看房团'].id);
    expect(await find()).toMatchObject({ prospects: 2, visits: 2, deals: 2, contractValue: 5_000_000 });
    await cancel('consultant', '戊', '家庭原因');
    expect(await find()).toMatchObject({ prospects: 2, visits: 2, deals: 1, contractValue: 2_000_000, costPerDeal: 30_000, returnRatio: 66.67 });
  });

  it('edits a campaign with its version, audited, and refuses stale versions, bad periods and other roles', async () => {
    const c = cs['双十一看房团'];
    const url = `/api/v1/campaigns/${c.id}`;
    const ok = await t.call('PATCH', url, { cookie: await t.as('salesmgr'), body: { version: c.version, name: '双十一看房团（加场）', cost: 40_000 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '双十一看房团（加场）', cost: 40_000, version: c.version + 1, deals: 1, costPerDeal: 40_000 });
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, c.id), eq(auditLogs.action, 'update')));
    expect(entry.changes).toEqual({ name: { before: '双十一看房团', after: '双十一看房团（加场）' }, cost: { before: 30_000, after: 40_000 } });
    const stale = await t.call('PATCH', url, { cookie: await t.as('salesmgr'), body: { version: c.version, cost: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    // 丁 and 戊 first visited on 11-22: the period must keep that day.
    const shrink = await t.call('PATCH', url, { cookie: await t.as('salesmgr'), body: { version: c.version + 1, startsOn: '2026-11-25' } });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().errors).toEqual([{ field: 'startsOn', message: '已有 2 位归属该活动的客户首次来访不在新的活动期间内' }]);
    const reversed = await t.call('PATCH', url, { cookie: await t.as('salesmgr'), body: { version: c.version + 1, endsOn: '2026-11-01' } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ field: 'endsOn', message: '结束日期不能早于开始日期' });
    const badDay = await t.call('PATCH', url, { cookie: await t.as('salesmgr'), body: { version: c.version + 1, endsOn: '2026-11-31' } });
    expect(badDay.statusCode).toBe(400);
    expect((await t.call('PATCH', url, { cookie: await t.as('consultant'), body: { version: c.version + 1, cost: 1 } })).statusCode).toBe(403);
    await newCampaign('mgrb', '锦城开放日', t.world.b1.id, '2026-11-01', '2026-11-30', 10_000);
    expect((await t.call('PATCH', `/api/v1/campaigns/${cs['锦城开放日'].id}`, { cookie: await t.as('salesmgr'), body: { version: 1, cost: 1 } })).statusCode).toBe(404);
    cs['双十一看房团'] = ok.json();
  });

  it('deletes a campaign only while no prospect is attributed to it', async () => {
    const inUse = await t.call('DELETE', `/api/v1/campaigns/${cs['双十一看房团'].id}?version=${cs['双十一看房团'].version}`, { cookie: await t.as('salesmgr') });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'CAMPAIGN_IN_USE', detail: expect.stringContaining('已有 2 位客户归属该活动') });
    const url = `/api/v1/campaigns/${cs['十一月上旬'].id}`;
    expect((await t.call('DELETE', `${url}?version=1`, { cookie: await t.as('consultant') })).statusCode).toBe(403);
    expect((await t.call('DELETE', `${url}?version=1`, { cookie: await t.as('mgrb') })).statusCode).toBe(404);
    expect((await t.call('DELETE', `${url}?version=5`, { cookie: await t.as('salesmgr') })).json().code).toBe('VERSION_CONFLICT');
    expect((await t.call('DELETE', url, { cookie: await t.as('salesmgr') })).statusCode).toBe(400);
    expect((await t.call('DELETE', `${url}?version=1`, { cookie: await t.as('salesmgr') })).statusCode).toBe(204);
    expect(await t.database.db.select().from(campaigns).where(eq(campaigns.id, cs['十一月上旬'].id))).toEqual([]);
    const [entry] = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, cs['十一月上旬'].id), eq(auditLogs.action, 'delete')));
    expect(entry).toMatchObject({ entityType: 'campaign', entityLabel: '十一月上旬' });
    expect(entry.changes).toMatchObject({ startsOn: { before: '2026-11-01', after: null } });
  });

  it('pages campaigns and referrals with keyset cursors', async () => {
    await create('consultant', '己', '13900000016', 'owner_referral');
    expect((await attribute('consultant', '己', { referrerMobile: '13900000012' })).statusCode).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `/api/v1/campaigns?projectId=${t.world.a1.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { cookie: await t.as('salesmgr') });
      expect(res.json().items).toHaveLength(1);
      seen.push(res.json().items[0].name);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['元旦预热', '双十一看房团（加场）']);
    expect((await t.call('GET', '/api/v1/campaigns?cursor=not-a-cursor', { cookie: await t.as('salesmgr') })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/campaigns?limit=500', { cookie: await t.as('salesmgr') })).statusCode).toBe(400);
    const first = await t.call('GET', '/api/v1/referrals?limit=1', { cookie: await t.as('salesmgr') });
    expect(first.json().items).toEqual([expect.objectContaining({ referrer: { id: customerIds['甲'], name: '甲' }, deals: 1 })]);
    const second = await t.call('GET', `/api/v1/referrals?limit=1&cursor=${first.json().nextCursor}`, { cookie: await t.as('salesmgr') });
    expect(second.json()).toEqual({ items: [expect.objectContaining({ referrer: { id: customerIds['乙'], name: '乙' }, referrals: 1, deals: 0, rewards: 1 })], nextCursor: null });
  });

  it('counts only deals that stand in the funnel and filters it by consultant', async () => {
    // consultant2: 庚 subscribed, 辛 pledged then 退筹, 壬 a lead.
    await create('consultant2', '庚', '13900000021', 'portal');
    await create('consultant2', '辛', '13900000022', 'portal');
    await create('consultant2', '壬', '13900000023', 'portal');
    await deal('consultant2', '庚', unitsA[6], { stage: 'subscription', deposit: 50_000, paymentMethod: 'full', contractDueDate: '2026-12-15' });
    await deal('consultant2', '辛', unitsA[7], { stage: 'pledge', pledgeAmount: 20_000 });
    await cancel('consultant2', '辛', '改买他处');
    const reg = await t.call('POST', '/api/v1/registrations', { cookie: await t.as('broker'), body: { projectId: t.world.a1.id, customerName: '癸', mobile: '13900000029' } });
    expect(reg.statusCode, reg.body).toBe(201);
    const q = `/api/v1/analytics/funnel?from=2026-11-01&to=2026-11-30&projectId=${t.world.a1.id}`;
    const all: Funnel = (await t.call('GET', `${q}&groupBy=consultant`, { cookie: await t.as('salesmgr') })).json();
    // consultant: 甲 乙 丙 丁 signed (丙 after a 退房), 戊's contract cancelled, 己 a lead.
    expect(all.total).toEqual({ leads: 9, visits: 7, pledges: 5, subscriptions: 5, contracts: 4 });
    expect(all.medianDaysVisitToContract).toBe(0);
    expect(all.rows.map((r) => [r.key, r.counts])).toEqual([
      [t.world.users.consultant.id, { leads: 6, visits: 5, pledges: 4, subscriptions: 4, contracts: 4 }],
      [expect.any(String), { leads: 3, visits: 2, pledges: 1, subscriptions: 1, contracts: 0 }],
    ]);
    // Buyers by source: 戊 (event) cancelled, so event has one buyer of four.
    expect(all.sourceMix).toEqual([
      expect.objectContaining({ key: 'walk_in', count: 2, share: 0.5 }),
      expect.objectContaining({ key: 'event', count: 1, share: 0.25 }),
      expect.objectContaining({ key: 'owner_referral', count: 1, share: 0.25 }),
    ]);
    expect(all.registrations).toBe(1);
    // A registration has no consultant before its visit is confirmed: consultant rows carry none.
    expect(all.rows.map((r) => r.registrations)).toEqual([null, null]);
    const c2 = all.rows[1].key;
    const one: Funnel = (await t.call('GET', `${q}&consultantId=${c2}&groupBy=channel`, { cookie: await t.as('salesmgr') })).json();
    expect(one.total).toEqual({ leads: 3, visits: 2, pledges: 1, subscriptions: 1, contracts: 0 });
    expect(one.rows.map((r) => r.key)).toEqual(['portal']);
    // The broker's prospect is not anyone's yet: a consultant's funnel has no registrations.
    expect(one.registrations).toBe(0);
    const byProject: Funnel = (await t.call('GET', `${q}&groupBy=project`, { cookie: await t.as('salesmgr') })).json();
    expect(byProject.rows).toEqual([expect.objectContaining({ key: t.world.a1.id, registrations: 1 })]);
    expect((await t.call('GET', `${q}&consultantId=nope`, { cookie: await t.as('salesmgr') })).statusCode).toBe(400);
  });

  it('shows each role only its data: campaigns, referrals and the funnel', async () => {
    // Company B: a campaign (above), a buyer, and a prospect referred by 甲, an owner in company A.
    await newCampaign('marketing', '滨江路演', t.world.a2.id, '2026-11-01', '2026-11-30', 5_000);
    await create('consb', '子', '13900000031', 'walk_in', t.world.b1.id);
    await create('consb', '丑', '13900000032', 'owner_referral', t.world.b1.id);
    await deal('consb', '子', unitsB[0], sign);
    expect((await attribute('consb', '丑', { referrerMobile: '13900000011' })).statusCode).toBe(200);

    const funnel = async (who: string) => {
      const res = await t.call('GET', '/api/v1/analytics/funnel?from=2026-11-01&to=2026-11-30', { cookie: await t.as(who) });
      return res.statusCode === 200 ? (res.json() as Funnel).total : res.statusCode;
    };
    const campaignNames = async (who: string) => {
      const res = await t.call('GET', '/api/v1/campaigns', { cookie: await t.as(who) });
      return res.statusCode === 200 ? (res.json().items as Campaign[]).map((c) => c.name).sort() : res.statusCode;
    };
    const referralRows = async (who: string) => {
      const res = await t.call('GET', '/api/v1/referrals', { cookie: await t.as(who) });
      return res.statusCode === 200 ? (res.json().items as Referral[]).map((r) => [r.referrer.name, r.referrals, r.deals, r.rewards]) : res.statusCode;
    };
    const a1Campaigns = ['元旦预热', '双十一看房团（加场）'].sort();
    const companyA = [...a1Campaigns, '滨江路演'].sort();
    const referralsA = [['甲', 1, 1, 2], ['乙', 1, 0, 1]];
    const table: [string, unknown, unknown, number | { leads: number; contracts: number }][] = [
      ['groupcr', 403, 403, { leads: 11, contracts: 5 }],
      ['crm', 403, 403, { leads: 9, contracts: 4 }],
      ['marketing', companyA, referralsA, { leads: 9, contracts: 4 }],
      ['salesmgr', a1Campaigns, referralsA, { leads: 9, contracts: 4 }],
      ['consultant', a1Campaigns, referralsA, { leads: 6, contracts: 4 }],
      ['exec', [...companyA, '锦城开放日'].sort(), [['甲', 2, 1, 3], ['乙', 1, 0, 1]], { leads: 11, contracts: 5 }],
      // Company B sees its own: 甲's referral of 丑 and that one reward, none of company A's.
      ['mgrb', ['锦城开放日'], [['甲', 1, 0, 1]], { leads: 2, contracts: 1 }],
      ['property', 403, 403, 403],
    ];
    for (const [who, expectedCampaigns, expectedReferrals, expectedFunnel] of table) {
      expect([who, await campaignNames(who)]).toEqual([who, expectedCampaigns]);
      expect([who, await referralRows(who)]).toEqual([who, expectedReferrals]);
      const f = await funnel(who);
      expect([who, typeof f === 'number' ? f : { leads: f.leads, contracts: f.contracts }]).toEqual([who, expectedFunnel]);
    }
    // The funnel keeps a company filter inside the scope: company B's manager asking for A gets nothing.
    const cross = await t.call('GET', `/api/v1/analytics/funnel?from=2026-11-01&to=2026-11-30&companyId=${t.world.companyA.id}`, { cookie: await t.as('mgrb') });
    expect((cross.json() as Funnel).total.leads).toBe(0);
  });

  it('migration 0026 voids stale and duplicate entitlements before the unique index', async () => {
    const db = t.database.db;
    await db.execute(sql`DROP INDEX referral_rewards_interest_kind_key`);
    const [ref] = await rewardsOf('己');
    const base = { companyId: ref.companyId, projectId: ref.projectId, createdAt: new Date(t.clock.now().getTime() + 1000) };
    // 丙's referrer is 甲: an entitlement of 乙 is stale. 己 (referred by 乙): a duplicate referral
    // reward, and a contract reward without any contract.
    await db.insert(referralRewards).values([
      { ...base, id: '019a0000-0000-7000-8000-000000000011', referrerCustomerId: customerIds['乙'], interestId: ids['丙'], kind: 'referral' },
      { ...base, id: '019a0000-0000-7000-8000-000000000012', referrerCustomerId: customerIds['乙'], interestId: ids['己'], kind: 'referral' },
      { ...base, id: '019a0000-0000-7000-8000-000000000013', referrerCustomerId: customerIds['乙'], interestId: ids['己'], kind: 'deal' },
    ]);
    const migration = readFileSync(new URL('../../src/server/db/migrations/0026_referral_rewards_void.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((x) => /UPDATE|CREATE UNIQUE INDEX/.test(x))) await db.execute(sql.raw(statement));
    const status = async (id: string) => (await db.select().from(referralRewards).where(eq(referralRewards.id, id)))[0];
    expect(await status('019a0000-0000-7000-8000-000000000011')).toMatchObject({ status: 'void', voidReason: '推荐业主已变更或清除（数据修正）' });
    expect(await status('019a0000-0000-7000-8000-000000000012')).toMatchObject({ status: 'void', voidReason: '重复的奖励（数据修正）' });
    expect(await status('019a0000-0000-7000-8000-000000000013')).toMatchObject({ status: 'void', voidReason: '签约已退房（数据修正）' });
    // What was right stays: the first referral reward of 己, and 丙's (paid referral and contract).
    expect(await status(ref.id)).toMatchObject({ status: 'entitled' });
    expect(await live('丙')).toEqual([['deal', customerIds['甲']], ['referral', customerIds['甲']]]);
  });
});
