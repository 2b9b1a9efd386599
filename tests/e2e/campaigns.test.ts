import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../src/server/modules/channels/campaign-tables.ts';
import { projectInterests } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedProspect } from '../../src/server/seed/customers.ts';
import { loginAs, menuItem, newPage, sending, startE2E, type E2E } from './harness.ts';

/** A day in Shanghai, `days` from today (YYYY-MM-DD). */
const shanghaiDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

// The sales manager edits a campaign in its modal, and deletes one behind a confirmation: a
// campaign with an attributed prospect is refused with the reason, an empty one goes.
describe('推广活动: edit and delete', () => {
  let e2e: E2E;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2E();
    const { a1, companyA } = e2e.world;
    const now = new Date();
    for (const [name, cost] of [['样板间开放日', 20_000], ['暖场活动', 5_000]] as const) {
      const [row] = await e2e.database.db
        .insert(campaigns)
        .values({ id: uuidv7(), companyId: companyA.id, projectId: a1.id, name, channel: 'event', startsOn: shanghaiDay(-10), endsOn: shanghaiDay(10), cost, createdAt: now, updatedAt: now })
        .returning({ id: campaigns.id });
      ids[name] = row.id;
    }
    // One prospect came through the open day.
    await seedProspect(e2e.database.db, { name: '邵先生', mobile: '13755550001', project: a1, owner: null });
    await e2e.database.db.update(projectInterests).set({ campaignId: ids['样板间开放日'] }).where(eq(projectInterests.projectId, a1.id));
    page = await newPage(e2e);
    await loginAs(e2e, page, 'salesmgr');
    await menuItem(page, '推广与老带新').click();
    await page.waitForURL(/\/channels\/campaigns$/);
  });
  afterAll(() => e2e?.close());

  it('edits a campaign’s name and cost in the modal', async () => {
    const row = page.getByRole('row').filter({ hasText: '样板间开放日' });
    await row.getByRole('button', { name: /编辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('编辑推广活动').waitFor();
    await dialog.getByLabel('活动名称', { exact: true }).fill('样板间开放日（二期）');
    await dialog.getByLabel('费用（元）', { exact: true }).fill('25000');
    const saved = await sending(page, /^\/api\/v1\/campaigns\/[0-9a-f-]{36}$/, dialog.getByRole('button', { name: '保存' }), 'PATCH');
    expect(saved.status(), await saved.text()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: '样板间开放日（二期）' }).getByText('2.5 万元').waitFor();
    const [stored] = await e2e.database.db.select().from(campaigns).where(eq(campaigns.id, ids['样板间开放日']));
    expect(stored).toMatchObject({ name: '样板间开放日（二期）', cost: 25_000, version: 2 });
    const [entry] = await e2e.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, ids['样板间开放日']), eq(auditLogs.action, 'update')));
    expect(entry.changes).toEqual({ name: { before: '样板间开放日', after: '样板间开放日（二期）' }, cost: { before: 20_000, after: 25_000 } });
  });

  it('refuses to delete a campaign with an attributed prospect, and deletes an empty one after confirmation', async () => {
    const used = page.getByRole('row').filter({ hasText: '样板间开放日（二期）' });
    await used.getByRole('button', { name: /删除/ }).click();
    await page.getByText('已有 1 位客户归属该活动，须先改为其他活动才能删除').waitFor();
    const refused = await sending(page, /^\/api\/v1\/campaigns\/[0-9a-f-]{36}$/, page.locator('.ant-popconfirm').filter({ hasText: '须先改为其他活动' }).getByRole('button', { name: '删除' }), 'DELETE');
    expect(refused.status()).toBe(409);
    await page.getByText(/已有 1 位客户归属该活动.*不能删除/).first().waitFor();
    expect(await e2e.database.db.select().from(campaigns).where(eq(campaigns.id, ids['样板间开放日']))).toHaveLength(1);

    const empty = page.getByRole('row').filter({ hasText: '暖场活动' });
    await empty.getByRole('button', { name: /删除/ }).click();
    const deleted = await sending(page, /^\/api\/v1\/campaigns\/[0-9a-f-]{36}$/, page.locator('.ant-popconfirm').filter({ hasText: '删除后不可恢复' }).getByRole('button', { name: '删除' }), 'DELETE');
    expect(deleted.status()).toBe(204);
    await page.getByText('活动「暖场活动」已删除').waitFor();
    await empty.waitFor({ state: 'detached' });
    expect(await e2e.database.db.select().from(campaigns).where(eq(campaigns.id, ids['暖场活动']))).toEqual([]);
  });
});
