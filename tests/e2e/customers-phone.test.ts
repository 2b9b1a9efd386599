import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, customerTags } from '../../src/server/modules/customers/tables.ts';
import { loginAs, newPage, sending, startE2E, type E2E } from './harness.ts';

const PHONE = { width: 375, height: 812 };
const NAME = '司马晓雯';
const MOBILE = '13922223333';
const NOTE = '周六带孩子来访，看了 118 方样板间';

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');
const option = (page: Page, text: string) => openDropdown(page).locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) });

async function pick(page: Page, label: string, text: string) {
  const scope = (await page.getByRole('dialog').count()) ? page.getByRole('dialog') : page;
  await scope.getByLabel(label, { exact: true }).click();
  await option(page, text).first().click();
}

const fitsThePhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

// The sales floor on a phone: tags come from the group's catalogue, grouped by category.
describe('customers on a phone (375 × 812)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('a consultant adds a customer with tags from the catalogue, logs a follow-up and sees it on the timeline', async () => {
    const page = await newPage(e2e, PHONE);
    await loginAs(e2e, page, 'consultant');
    await page.goto(`${e2e.baseUrl}/customers`);
    await page.getByRole('heading', { name: '客户' }).waitFor();
    await fitsThePhone(page);

    await page.getByRole('button', { name: '新增客户' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('姓名').fill(NAME);
    await form.getByLabel('手机号').fill(MOBILE);
    await pick(page, '项目', '西溪项目');
    await pick(page, '来源渠道', '自然到访');

    // Tags: picked from the catalogue, under their categories; nothing can be typed in freely.
    await form.getByText('客户分类（标签、客户类型、家庭细分）').click();
    await form.getByLabel('标签', { exact: true }).click();
    await openDropdown(page).getByText('关注点', { exact: true }).waitFor();
    await option(page, '学区').click();
    await form.getByLabel('标签', { exact: true }).fill('二孩');
    await openDropdown(page).getByText('家庭', { exact: true }).waitFor();
    await option(page, '二孩家庭').click();
    await form.getByLabel('标签', { exact: true }).fill('火星');
    await openDropdown(page).getByText('标签库中没有该标签').waitFor();
    await page.keyboard.press('Escape');
    await fitsThePhone(page);

    const created = await sending(page, /^\/api\/v1\/customers$/, form.getByRole('button', { name: '保存' }));
    expect(created.status(), await created.text()).toBe(201);
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByText(NAME).first().waitFor();
    const [stored] = await e2e.database.db.select().from(customers).where(eq(customers.mobile, MOBILE));
    expect(stored.tags).toEqual(['学区', '二孩家庭']);
    const main = page.locator('main');
    await main.getByText('学区', { exact: true }).first().waitFor();
    await main.getByText('二孩家庭', { exact: true }).first().waitFor();

    // A follow-up lands on the timeline; the detail page fits the phone.
    await page.getByRole('button', { name: '写跟进' }).first().click();
    await pick(page, '跟进方式', '来访');
    await page.getByLabel('跟进内容').fill(NOTE);
    const logged = await sending(page, /^\/api\/v1\/interests\/[0-9a-f-]{36}\/interactions$/, page.getByRole('button', { name: '提交跟进' }));
    expect(logged.status(), await logged.text()).toBe(201);
    await main.getByText(NOTE).first().waitFor();
    await fitsThePhone(page);
    await page.context().close();
  });

  it('a CR manager deactivates a tag after confirming; consultants can no longer choose it', async () => {
    const manager = await newPage(e2e, PHONE);
    await loginAs(e2e, manager, 'crm');
    await manager.goto(`${e2e.baseUrl}/customers/tags`);
    await manager.getByRole('heading', { name: '客户标签库' }).waitFor();
    const card = manager.locator('.ant-card').filter({ hasText: /^家庭/ });
    const row = card.locator('tr').filter({ hasText: '二孩家庭' });
    await row.getByRole('button', { name: '停用' }).click();
    await manager.getByText('已带有该标签的客户会保留它，但以后不能再选用。可随时重新启用。').waitFor();
    const answered = await sending(manager, /^\/api\/v1\/customer-tags\/[0-9a-f-]{36}$/, manager.locator('.ant-popconfirm').getByRole('button', { name: '停用' }), 'PATCH');
    expect(answered.status(), await answered.text()).toBe(200);
    await row.getByText('已停用').waitFor();
    await fitsThePhone(manager);
    const [tag] = await e2e.database.db.select().from(customerTags).where(eq(customerTags.name, '二孩家庭'));
    expect(tag.active).toBe(false);
    await manager.context().close();

    // The consultant's customer keeps it (marked 已停用 in the form) but a new customer cannot get it.
    const page = await newPage(e2e, PHONE);
    await loginAs(e2e, page, 'consultant');
    await page.goto(`${e2e.baseUrl}/customers`);
    await page.getByRole('button', { name: '新增客户' }).click();
    const form = page.getByRole('dialog');
    await form.getByText('客户分类（标签、客户类型、家庭细分）').click();
    await form.getByLabel('标签', { exact: true }).click();
    await option(page, '学区').waitFor();
    expect(await option(page, '二孩家庭').count()).toBe(0);
    await page.context().close();
  });
});
