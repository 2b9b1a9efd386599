import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProspect } from '../../src/server/seed/customers.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';
import { loginAs, newPage, startE2E, type E2E } from './harness.ts';

async function pick(page: Page, label: string, option: string) {
  const scope = (await page.getByRole('dialog').count()) ? page.getByRole('dialog') : page;
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('the sales floor: customers, follow-ups and handover', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('a consultant adds a customer, is refused a duplicate with its owner shown, and logs a follow-up on the timeline', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'consultant');
    await page.getByRole('menuitem', { name: /(^|\s)客户$/ }).click();
    await page.getByRole('button', { name: '新增客户' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('姓名').fill('欧阳娜娜');
    await form.getByLabel('手机号').fill('13911112222');
    await pick(page, '项目', '西溪项目');
    await pick(page, '来源渠道', '业主推荐');
    await form.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByText('欧阳娜娜').first().waitFor();

    // The same mobile again: refused, with who owns the customer for which project.
    await page.getByRole('menuitem', { name: /(^|\s)客户$/ }).click();
    await page.getByRole('button', { name: '新增客户' }).click();
    await page.getByRole('dialog').getByLabel('姓名').fill('欧阳娜');
    await page.getByRole('dialog').getByLabel('手机号').fill('13911112222');
    await pick(page, '项目', '西溪项目');
    await pick(page, '来源渠道', '自然到访');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('该手机号已登记').first().waitFor();
    await page.getByText(/西溪项目.*consultant/).first().waitFor();
    await page.getByRole('button', { name: '查看客户' }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);

    // A follow-up lands on the timeline.
    await page.getByRole('button', { name: '写跟进' }).first().click();
    await pick(page, '跟进方式', '来访');
    await page.getByLabel('跟进内容').fill('带父母二次到访，关注南向三房');
    await page.getByRole('button', { name: '提交跟进' }).click();
    await page.getByText('带父母二次到访，关注南向三房').first().waitFor();
    await page.context().close();
  });

  it('a manager hands a departing consultant’s prospects over and the new owner sees them on their board', async () => {
    const { world, database } = e2e;
    const leaver = world.users.consultant;
    const successor = await seedUser(database.db, { username: 'successor', displayName: '李娜', password: TEST_PASSWORD, role: 'sales_consultant', companyId: world.companyA.id, teamId: world.teamA1.id, projectIds: [world.a1.id] });
    for (const [i, name] of ['周杰', '吴敏'].entries()) {
      await seedProspect(database.db, { name, mobile: `1370000000${i}`, project: world.a1, owner: { id: leaver.id, name: leaver.displayName, teamId: world.teamA1.id }, grade: 'A' });
    }

    const manager = await newPage(e2e);
    await loginAs(e2e, manager, 'salesmgr');
    await manager.getByRole('menuitem', { name: '团队跟进' }).click();
    await manager.getByRole('button', { name: '批量调整归属' }).click();
    await pick(manager, '原置业顾问', 'consultant');
    await pick(manager, '新置业顾问', '李娜');
    await manager.getByRole('dialog').getByLabel('调整原因').fill('离职交接');
    await manager.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await manager.getByText(/已调整 \d+ 位客户/).waitFor();
    await manager.context().close();

    const page = await newPage(e2e);
    await loginAs(e2e, page, successor.username);
    await page.getByRole('menuitem', { name: '我的跟进' }).click();
    await page.getByText('周杰').first().waitFor();
    await page.getByText('吴敏').first().waitFor();
    expect(await page.getByText('新分配').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
