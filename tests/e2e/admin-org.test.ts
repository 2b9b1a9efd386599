import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, newPage, startE2E, type E2E } from './harness.ts';

describe('administrator builds a project and finds it in the audit log', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('creates a project with a building and units, sees it listed and audited, and logs out', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'admin');
    await expect(page.getByText('系统管理员 · 全集团').first().isVisible()).resolves.toBe(true);

    // Create a project.
    await page.getByRole('menuitem', { name: '组织与房源' }).click();
    await page.getByRole('button', { name: '新建项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目名称').fill('湖畔春晓');
    await dialog.getByLabel('项目编码').fill('HZ-HPCX');
    await dialog.getByLabel('所属公司').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '杭州公司' }).click();
    await dialog.getByLabel('地址').fill('杭州市余杭区良渚路 99 号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('项目已创建').waitFor();

    // Find it in the list and open it.
    await page.getByPlaceholder('搜索项目名称或编码').fill('湖畔');
    await page.getByPlaceholder('搜索项目名称或编码').press('Enter');
    await page.getByRole('link', { name: '湖畔春晓' }).click();
    await page.waitForURL(/\/org\/projects\//);

    // A building with 6 floors, then 2 units per floor generated in one go.
    await page.getByText('暂无楼栋，点击“新建楼栋”添加').waitFor();
    await page.getByRole('button', { name: '新建楼栋' }).first().click();
    await page.getByRole('dialog').getByLabel('楼栋名称').fill('5 号楼');
    await page.getByRole('dialog').getByLabel('楼层数').fill('6');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('tab', { name: '5 号楼' }).waitFor();

    await page.getByRole('button', { name: '批量生成房源' }).click();
    const batch = page.getByRole('dialog');
    await batch.getByLabel('每层户数').fill('2');
    await batch.getByLabel('户型').fill('三室两厅两卫');
    await batch.getByLabel('面积（㎡）').fill('118');
    await batch.getByLabel('列表价（元）').fill('3600000');
    await batch.getByRole('button', { name: '保存' }).click();
    await page.getByText('已生成 12 套，跳过 0 套').waitFor();
    await page.getByRole('cell', { name: '602', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: '118 ㎡' }).count()).toBeGreaterThan(0);

    // The change is in the audit log with who made it.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByLabel('关键词').fill('湖畔春晓');
    await page.getByRole('button', { name: '查询' }).click();
    const created = (type: string) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: type, exact: true }) }).filter({ has: page.getByRole('cell', { name: '新建', exact: true }) }).filter({ hasText: '湖畔春晓' });
    await created('项目').first().waitFor();
    expect(await created('项目').first().textContent()).toContain('admin');
    await created('楼栋').first().waitFor();

    // Log out: back on the login page, and the app is closed to us again.
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${e2e.baseUrl}/org`);
    await page.waitForURL(/\/login/);
    await page.context().close();
  });

  it('renames the group from the organisation page', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'admin');
    await page.getByRole('menuitem', { name: '组织与房源' }).click();
    await page.getByText('测试集团', { exact: true }).waitFor();
    await page.getByRole('button', { name: '修改名称' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('集团名称').fill('华东置业集团');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('集团名称已保存').waitFor();
    await page.getByText('华东置业集团', { exact: true }).waitFor();
    // Stored: a reload still shows the new name.
    await page.reload();
    await page.getByText('华东置业集团', { exact: true }).waitFor();
    await page.context().close();
  });
});
