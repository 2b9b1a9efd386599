import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, newPage, startE2E, type E2E } from './harness.ts';

describe('a sales consultant sees only what the role may use', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('has no administration pages in the menu and is refused them when opened directly', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'consultant');
    await page.getByText('置业顾问 · 本人').first().waitFor();

    const menu = (await page.getByRole('menuitem').allTextContents()).map((t) => t.trim());
    expect(menu).toEqual(expect.arrayContaining(['首页', '组织与房源', '个人资料']));
    for (const admin of ['用户与角色', 'API 令牌', '审计日志', '团队']) expect(menu).not.toContain(admin);

    // The home page shows where they sit and how far they see.
    await page.getByText('西溪销售组').first().waitFor();
    await page.getByText('西溪项目').first().waitFor();

    for (const path of ['/users', '/audit', '/tokens', '/teams']) {
      await page.goto(`${e2e.baseUrl}${path}`);
      await page.getByText('无权访问此页面').waitFor();
    }
    // The API refuses too, whatever the UI shows.
    const status = await page.evaluate(async () => (await fetch('/api/v1/audit-logs')).status);
    expect(status).toBe(403);

    // The organisation page shows only their project and no management buttons.
    await page.goto(`${e2e.baseUrl}/org`);
    await page.getByRole('link', { name: '西溪项目' }).waitFor();
    expect(await page.getByRole('link', { name: '锦城项目' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新建项目' }).count()).toBe(0);
    await page.context().close();
  });

  it('is usable at a phone width: the menu folds behind a toggle', async () => {
    const page = await newPage(e2e, { width: 390, height: 844 });
    await loginAs(e2e, page, 'consultant');
    expect(await page.getByRole('menuitem', { name: '组织与房源' }).isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
