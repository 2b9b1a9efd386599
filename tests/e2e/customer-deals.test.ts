import { asc, eq } from 'drizzle-orm';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal, OwnedUnit } from '../../src/common/contracts/sales.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { deals, unitOwners } from '../../src/server/modules/sales/tables.ts';
import { apiAs, loginAs, menuItem, newPage, startE2E, type ApiCall, type E2E } from './harness.ts';

const NAME = '宋雨桐';
const MOBILE = '13967412580';
const PRICE = 3_150_000;
const REASON = '客户家庭资金变故，协商一致退房';

/** A day in Shanghai, as the pages show dates (YYYY-MM-DD). */
const shanghaiDay = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });


describe('房产与交易: a customer’s signed unit and deal on the customer page, then 退房', () => {
  let e2e: E2E;
  let consultant: ApiCall;
  let customerId = '';
  let dealId = '';
  let unit: { id: string; number: string; layout: string };

  /** 房产与交易 on the customer's page. */
  const dealsCard = (page: { getByTestId(id: string): Locator }) => page.getByTestId('customer-deals-card');

  beforeAll(async () => {
    e2e = await startE2E();
    const { world, database } = e2e;
    consultant = await apiAs(e2e, 'consultant');
    // The consultant's customer 认购 a unit of 1 号楼 and signs it.
    const created = await consultant('POST', '/api/v1/customers', { name: NAME, mobile: MOBILE, grade: 'A', projectId: world.a1.id, sourceChannel: 'walk_in' });
    expect(created.statusCode, created.body).toBe(201);
    customerId = created.json().id as string;
    const interestId = created.json().interests[0].id as string;
    [unit] = await database.db
      .select({ id: units.id, number: units.number, layout: units.layout })
      .from(units)
      .where(eq(units.buildingId, world.buildingA1.id))
      .orderBy(asc(units.floor), asc(units.number))
      .limit(1);
    const subscribed = await consultant('POST', '/api/v1/deals', { stage: 'subscription', interestId, unitId: unit.id, deposit: 100_000, paymentMethod: 'mortgage', contractDueDate: shanghaiDay() });
    expect(subscribed.statusCode, subscribed.body).toBe(201);
    dealId = subscribed.json().id as string;
    const signed = await consultant('POST', `/api/v1/deals/${dealId}/advance`, { stage: 'contract', version: subscribed.json().version, price: PRICE, signedOn: shanghaiDay() });
    expect(signed.statusCode, signed.body).toBe(200);
  });
  afterAll(() => e2e?.close());

  it('shows the unit under 名下房产 as 业主, and the deal as 签约 · 有效', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'consultant');
    await menuItem(page, '客户').click();
    await page.waitForURL(/\/customers(\?|$)/);
    await page.getByRole('link', { name: NAME, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));

    const card = dealsCard(page);
    await card.getByText('名下房产', { exact: true }).waitFor();
    const owned = card.getByTestId('owned-units').locator('.stack-card');
    await owned.filter({ hasText: `1 号楼 ${unit.number}` }).getByText('业主', { exact: true }).waitFor();
    expect(await owned.count()).toBe(1);
    await owned.getByText('成交价 315 万元', { exact: false }).waitFor();
    await owned.getByText(`业主自 ${shanghaiDay()}`).waitFor();
    await owned.getByText('西溪项目').waitFor();

    await card.getByText('交易记录', { exact: true }).waitFor();
    const deal = card.locator('.stack-card').filter({ has: page.getByRole('link', { name: `1 号楼 ${unit.number}` }) }).filter({ hasText: '有效' });
    await deal.getByText('签约', { exact: true }).waitFor();
    await deal.getByText('有效', { exact: true }).waitFor();
    await deal.getByText(`签约日期 ${shanghaiDay()}`).waitFor();
    await deal.getByText(/成交价 315 万元/).waitFor();
    await page.context().close();

    const owns = await consultant('GET', `/api/v1/customers/${customerId}/units`);
    expect((owns.json() as { items: OwnedUnit[] }).items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: unit.id }), price: PRICE })]);
  });

  it('after 退房 (through the API), a reload shows the deal as 已退房 with its reason, and no owned unit', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'consultant');
    await page.goto(`${e2e.baseUrl}/customers/${customerId}`);
    const card = dealsCard(page);
    await card.getByText('名下房产', { exact: true }).waitFor();

    const current = await consultant('GET', `/api/v1/deals/${dealId}`);
    const cancelled = await consultant('POST', `/api/v1/deals/${dealId}/cancel`, { version: (current.json() as Deal).version, reason: REASON });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    const ownedAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/customers/${customerId}/units` && r.ok());
    await page.reload();
    expect(((await (await ownedAnswer).json()) as { items: OwnedUnit[] }).items).toEqual([]);
    const deal = card.locator('.stack-card').filter({ hasText: `1 号楼 ${unit.number}` });
    await deal.getByText('已退房', { exact: true }).waitFor();
    await deal.getByText('签约', { exact: true }).waitFor();
    await deal.getByText(`退房原因：${REASON}`).waitFor();
    expect(await deal.getByText('有效', { exact: true }).count()).toBe(0);
    // The person no longer owns the unit: no 名下房产 (nor the 交易记录 heading that goes with it).
    expect(await card.getByText('名下房产', { exact: true }).count()).toBe(0);
    expect(await card.getByTestId('owned-units').count()).toBe(0);
    expect(await card.getByText('交易记录', { exact: true }).count()).toBe(0);
    expect(await card.getByText('业主', { exact: true }).count()).toBe(0);
    await page.context().close();

    // What the API and the database say.
    const ownedNow = await consultant('GET', `/api/v1/customers/${customerId}/units`);
    expect(ownedNow.statusCode, ownedNow.body).toBe(200);
    expect((ownedNow.json() as { items: OwnedUnit[] }).items).toEqual([]);
    const { db } = e2e.database;
    const [stored] = await db.select({ stage: deals.stage, status: deals.status, cancelReason: deals.cancelReason }).from(deals).where(eq(deals.id, dealId));
    expect(stored).toEqual({ stage: 'contract', status: 'cancelled', cancelReason: REASON });
    const ownership = await db.select({ endedAt: unitOwners.endedAt }).from(unitOwners).where(eq(unitOwners.unitId, unit.id));
    expect(ownership).toHaveLength(1);
    expect(ownership[0].endedAt).not.toBeNull();
    const [freed] = await db.select({ status: units.status }).from(units).where(eq(units.id, unit.id));
    expect(freed.status).toBe('available');
  });
});
