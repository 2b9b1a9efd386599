import { eq } from 'drizzle-orm';
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Funnel } from '../../src/common/contracts/analytics.ts';
import { brokerRegistrations } from '../../src/server/modules/channels/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { deals } from '../../src/server/modules/sales/tables.ts';
import { seedAgency } from '../../src/server/seed/factories.ts';
import { loginAs, menuItem, newPage, sending, startE2E, type E2E } from './harness.ts';

const PHONE = { width: 375, height: 812 };
const NAME = '韩先生';
const MOBILE = '13766668888';
const MASKED = '137****8888';
// The broker works for this agency: registrations carry its name (no free text to type).
const AGENCY = '杭城安家置业西湖店';
const DEPOSIT = '50000';
const PRICE = '2800000';

/** A day in Shanghai, `days` from today, as the date pickers take it (YYYY-MM-DD). */
const shanghaiDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });


async function pick(page: Page, field: Locator, option: string | RegExp) {
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Types the day and confirms it with Enter, as a keyboard user does: the form must stay open. */
async function typeDate(page: Page, dialog: Locator, field: Locator, day: string) {
  const writes: string[] = [];
  const track = (r: Request) => void (r.method() !== 'GET' && writes.push(r.url()));
  page.on('request', track);
  await field.click();
  await field.fill(day);
  await field.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  await page.waitForTimeout(300); // time for a submit, had Enter sent one
  page.off('request', track);
  expect(writes).toEqual([]);
  expect(await field.inputValue()).toBe(day);
  expect(await dialog.isVisible()).toBe(true);
}

/** Types the day (the calendar moves to it) and clicks it there. */
async function fillDate(page: Page, field: Locator, day: string) {
  await field.click();
  await field.fill(day);
  // The calendar has moved to the typed month once that day is a cell in view (not a neighbour month's).
  await page.locator(`.ant-picker-dropdown:visible td.ant-picker-cell-in-view[title="${day}"]:not(.ant-picker-cell-disabled)`).click();
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  expect(await field.inputValue()).toBe(day);
}

describe('a broker’s customer from 报备 through 到访 to 签约, seen in the funnel and by the broker', () => {
  let e2e: E2E;
  let broker: Page;
  let unitId = '';
  let unitNumber = '';

  /** The broker's one registration, as stored. */
  async function brokerRegistration() {
    const r = brokerRegistrations;
    const rows = await e2e.database.db
      .select({ status: r.status, commissionEligible: r.commissionEligible, mobileFull: r.mobileFull, agency: r.agency })
      .from(r)
      .where(eq(r.brokerId, e2e.world.users.broker.id));
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  beforeAll(async () => {
    e2e = await startE2E();
    const { companyA, users } = e2e.world;
    await seedAgency(e2e.database.db, { companyId: companyA.id, name: AGENCY, contactName: '郑丽', contactMobile: '13605718801', brokerIds: [users.broker.id] });
  });
  afterAll(() => e2e?.close());

  it('the broker registers 韩先生 on a phone and sees him masked as 已报备', async () => {
    broker = await newPage(e2e, PHONE);
    await loginAs(e2e, broker, 'broker');
    await broker.getByRole('button', { name: '展开菜单' }).click();
    await menuItem(broker, '我的报备').click();
    await broker.waitForURL(/\/channels\/my$/);

    await broker.getByRole('button', { name: /报备客户$/ }).click();
    const form = broker.getByRole('dialog');
    await pick(broker, form.getByLabel('报备项目', { exact: true }), '西溪项目');
    await form.getByLabel('客户姓名', { exact: true }).fill(NAME);
    await form.getByLabel('客户手机号', { exact: true }).fill(MOBILE);
    // The broker's agency is shown, not typed.
    expect(await form.getByLabel('所属机构', { exact: true }).inputValue()).toBe(AGENCY);
    expect(await form.getByLabel('所属机构', { exact: true }).getAttribute('readonly')).not.toBeNull();
    const created = await sending(broker, /^\/api\/v1\/registrations$/, form.getByRole('button', { name: '提交报备' }));
    expect(created.status(), await created.text()).toBe(201);
    await form.waitFor({ state: 'detached' });

    const card = broker.locator('.stack-card').filter({ hasText: `${NAME} ${MASKED}` });
    await card.getByText('已报备（待到访）').waitFor();
    await card.getByText(`西溪项目 · ${AGENCY}`).waitFor();
    // The broker never gets the full number back; the list fits the phone.
    expect(await broker.locator('main').textContent()).not.toContain(MOBILE);
    expect(await broker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the consultant confirms the visit with the full mobile, opens the board and 认购, then 签约 the unit', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'consultant');

    // 渠道报备 → 到访确认.
    await menuItem(page, '渠道报备').click();
    await page.waitForURL(/\/channels\/registrations$/);
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.getByText('已报备（待到访）').waitFor();
    await row.getByText(MASKED).waitFor();
    await row.getByRole('button', { name: '到访确认' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('客户完整手机号', { exact: true }).fill(MOBILE);
    const visited = await sending(page, /^\/api\/v1\/registrations\/[0-9a-f-]{36}\/visit$/, dialog.getByRole('button', { name: '确认到访' }));
    expect(visited.status(), await visited.text()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('已到访（保护期内）').waitFor();

    // 销控: an available unit of 1 号楼.
    await menuItem(page, '销控').click();
    await page.waitForURL(/\/sales\/board/);
    const project = page.locator('.ant-select').filter({ has: page.getByLabel('选择项目') });
    await project.waitFor();
    if (!((await project.textContent()) ?? '').includes('西溪项目')) await pick(page, project, '西溪项目');
    const grid = page.getByRole('grid', { name: '1 号楼销控表' });
    const available = grid.getByRole('button', { name: / 可售$/ }).first();
    unitNumber = ((await available.getAttribute('aria-label')) ?? '').split(' ')[0];
    expect(unitNumber).toMatch(/^\d+$/);
    const cell = grid.getByRole('button', { name: new RegExp(`^${unitNumber} `) });
    await cell.click();
    await page.waitForURL(/unitId=/);
    unitId = new URL(page.url()).searchParams.get('unitId') ?? '';
    let drawer = page.locator('.ant-drawer').filter({ hasText: `1 号楼 ${unitNumber}` });
    await drawer.getByText('暂无认筹、认购或签约').waitFor();

    // 认购 with 韩先生 as the buyer.
    await drawer.getByRole('button', { name: '认购', exact: true }).click();
    dialog = page.getByRole('dialog').filter({ hasText: `认购 · 1 号楼 ${unitNumber}` });
    await dialog.getByLabel('客户', { exact: true }).click();
    await dialog.getByLabel('客户', { exact: true }).fill('韩');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: NAME }).first().click();
    await dialog.getByLabel('定金', { exact: true }).fill(DEPOSIT);
    await pick(page, dialog.getByLabel('付款方式', { exact: true }), '商业贷款');
    await fillDate(page, dialog.getByLabel('约定签约日期', { exact: true }), shanghaiDay(14));
    const subscribed = await sending(page, /^\/api\/v1\/deals$/, dialog.getByRole('button', { name: '确认认购' }));
    expect(subscribed.status(), await subscribed.text()).toBe(201);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`1 号楼 ${unitNumber} 已认购`).waitFor();
    // 认购 deals the broker's customer, but the project's default rule pays commission only on 签约.
    expect(await brokerRegistration()).toMatchObject({ status: 'dealt', commissionEligible: false });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await grid.getByRole('button', { name: new RegExp(`^${unitNumber} .* 已认购$`) }).waitFor();

    // The same unit again: 签约.
    await cell.click();
    drawer = page.locator('.ant-drawer').filter({ hasText: `1 号楼 ${unitNumber}` });
    await drawer.getByText(NAME).first().waitFor();
    await drawer.getByRole('button', { name: '签约', exact: true }).click();
    dialog = page.getByRole('dialog').filter({ hasText: `签约 · 1 号楼 ${unitNumber}` });
    await dialog.getByText(`客户 ${NAME}`).waitFor();
    await dialog.getByLabel('成交价', { exact: true }).fill(PRICE);
    await typeDate(page, dialog, dialog.getByLabel('签约日期', { exact: true }), shanghaiDay());
    const contracted = await sending(page, /^\/api\/v1\/deals\/[0-9a-f-]{36}\/advance$/, dialog.getByRole('button', { name: '确认签约' }));
    expect(contracted.status(), await contracted.text()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await drawer.locator('.ant-descriptions-item').filter({ hasText: '状态' }).getByText('已签约').waitFor();
    await grid.getByRole('button', { name: new RegExp(`^${unitNumber} .* 已签约$`) }).waitFor();
    await page.context().close();

    // What was stored.
    const { db } = e2e.database;
    const stored = await db.select({ stage: deals.stage, status: deals.status, price: deals.price, deposit: deals.deposit, paymentMethod: deals.paymentMethod }).from(deals).where(eq(deals.unitId, unitId));
    expect(stored).toEqual([{ stage: 'contract', status: 'active', price: Number(PRICE), deposit: Number(DEPOSIT), paymentMethod: 'mortgage' }]);
    const [unit] = await db.select({ status: units.status }).from(units).where(eq(units.id, unitId));
    expect(unit.status).toBe('contracted');
    expect(await brokerRegistration()).toEqual({ status: 'dealt', commissionEligible: true, mobileFull: MOBILE, agency: AGENCY });
  });

  it('the sales manager sees the contract in this month’s funnel, from 渠道经纪', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'salesmgr');
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/analytics/funnel' && r.ok());
    await menuItem(page, '销售漏斗').click();
    await page.waitForURL(/\/sales\/funnel/);
    const funnel = (await (await answered).json()) as Funnel;
    // The default period is this month (Shanghai).
    const month = shanghaiDay().slice(0, 7);
    expect(new URL((await answered).url()).searchParams.get('from')).toBe(`${month}-01`);
    expect(funnel.total.contracts).toBeGreaterThanOrEqual(1);

    const contracts = page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: /^签约$/ }) });
    await contracts.waitFor();
    expect(Number(await contracts.locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(1);
    const mix = page.locator('.ant-card').filter({ has: page.getByText('成交客户来源构成', { exact: true }) });
    await mix.getByRole('cell', { name: '渠道经纪', exact: true }).waitFor();
    await page.context().close();
  });

  it('the broker reloads 我的报备 and sees 已成交 and 可结佣', async () => {
    await broker.reload();
    const card = broker.locator('.stack-card').filter({ hasText: `${NAME} ${MASKED}` });
    await card.getByText('已成交', { exact: true }).waitFor();
    await card.getByText('可结佣', { exact: true }).waitFor();
    await broker.context().close();
  });
});
