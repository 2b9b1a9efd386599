import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAgencies } from '../../src/server/modules/channels/tables.ts';
import { loginAs, menuItem, newPage, sending, startE2E, type E2E } from './harness.ts';

const PHONE = { width: 375, height: 812 };
const NAME = '钱塘房产经纪';

describe('渠道机构: a sales manager sets up an agency with its broker, then suspends it; the broker is refused', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('creates the agency, adds the broker and suspends it, on a phone', async () => {
    const page = await newPage(e2e, PHONE);
    await loginAs(e2e, page, 'salesmgr');
    await page.getByRole('button', { name: '展开菜单' }).click();
    await menuItem(page, '渠道机构').click();
    await page.waitForURL(/\/channels\/agencies$/);
    await page.getByText('暂无渠道机构，点击「新建机构」添加').waitFor();

    await page.getByRole('button', { name: /新建机构$/ }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('机构名称', { exact: true }).fill(NAME);
    await form.getByLabel('联系人', { exact: true }).fill('沈国平');
    await form.getByLabel('联系人手机号', { exact: true }).fill('1360571');
    await form.getByRole('button', { name: '创建' }).click();
    await form.getByText('请输入正确的 11 位手机号').waitFor();
    await form.getByLabel('联系人手机号', { exact: true }).fill('13605718802');
    const created = await sending(page, /^\/api\/v1\/channel-agencies$/, form.getByRole('button', { name: '创建' }));
    expect(created.status(), await created.text()).toBe(201);
    await form.waitFor({ state: 'detached' });

    const card = page.locator('.stack-card').filter({ hasText: NAME });
    await card.getByText('合作中').waitFor();
    await card.getByText('经纪人 0 · 报备 0').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // 经纪人 → add the company's broker.
    await card.getByRole('button', { name: /经纪人$/ }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '合作公司' });
    await drawer.getByText('暂无经纪人，报备时将显示为独立经纪人').waitFor();
    await drawer.getByLabel('选择经纪人').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'broker（broker）' }).click();
    const added = await sending(page, /\/brokers$/, drawer.getByRole('button', { name: /添加$/ }));
    expect(added.status(), await added.text()).toBe(201);
    // In the list (the picker shows the same name until it is cleared).
    await drawer.locator('.ant-list-item').filter({ hasText: 'broker（broker）' }).waitFor();

    // 暂停合作, confirmed.
    await drawer.getByRole('button', { name: /暂停合作$/ }).click();
    const suspended = await sending(page, /\/suspend$/, page.locator('.ant-popconfirm:visible').getByRole('button', { name: '暂停合作' }));
    expect(suspended.status(), await suspended.text()).toBe(200);
    await drawer.getByText('已暂停').waitFor();
    const [stored] = await e2e.database.db.select({ status: channelAgencies.status }).from(channelAgencies).where(eq(channelAgencies.name, NAME));
    expect(stored.status).toBe('suspended');
    await page.context().close();
  });

  it('shows the broker his agency read-only, and that it is suspended', async () => {
    const page = await newPage(e2e, PHONE);
    await loginAs(e2e, page, 'broker');
    await page.getByRole('button', { name: '展开菜单' }).click();
    await menuItem(page, '我的报备').click();
    await page.getByRole('button', { name: /报备客户$/ }).click();
    const form = page.getByRole('dialog');
    expect(await form.getByLabel('所属机构', { exact: true }).inputValue()).toBe(NAME);
    await form.getByText('所属机构已暂停合作，暂不能报备').waitFor();
    expect(await form.getByRole('button', { name: '提交报备' }).isDisabled()).toBe(true);
    await page.context().close();
  });
});
