import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { brokerRegistrations, registrationAppeals } from '../../src/server/modules/channels/tables.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';
import { apiAs, loginAs, menuItem, newPage, sending, startE2E, type E2E } from './harness.ts';

const PHONE = { width: 375, height: 812 };
const NAME = '邵女士';
const MOBILE = '13857461234';
const MASKED = '138****1234';
const OTHER_BROKER = '孙建国';
const REASON = '11 月 20 日已带邵女士看过样板间，有微信沟通记录为证';
const NOTE = '核实带看记录属实，客户归属 broker';
const REFUSED = '该客户在其他经纪人的报备保护期内';

/** The last day of a window ending at 00:00 Shanghai, as the pages show it (YYYY-MM-DD). */
const lastDay = (end: Date) => new Date(end.getTime() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('申诉: a broker refused as another broker’s customer appeals, the sales manager upholds it, the broker sees the decision', () => {
  let e2e: E2E;
  let broker: Page;
  let otherRegistrationId = '';

  /** The broker's own registration of 邵女士 and its appeals, as stored. */
  async function stored() {
    const { db } = e2e.database;
    const r = brokerRegistrations;
    const [mine] = await db.select().from(r).where(and(eq(r.brokerId, e2e.world.users.broker.id), eq(r.mobileFull, MOBILE)));
    const appeals = await db.select().from(registrationAppeals).where(eq(registrationAppeals.registrationId, mine.id));
    const [other] = await db.select().from(r).where(eq(r.id, otherRegistrationId));
    return { mine, appeals, other };
  }

  beforeAll(async () => {
    e2e = await startE2E();
    const { world, database } = e2e;
    await seedUser(database.db, { username: 'broker2', displayName: OTHER_BROKER, password: TEST_PASSWORD, role: 'channel_broker', companyId: world.companyA.id, projectIds: [world.a1.id] });
    // Another broker registered 邵女士 first: her mobile is under his protection.
    const call = await apiAs(e2e, 'broker2');
    const res = await call('POST', '/api/v1/registrations', { projectId: world.a1.id, customerName: '邵小姐', mobile: MOBILE });
    expect(res.statusCode, res.body).toBe(201);
    otherRegistrationId = (res.json() as { id: string }).id;
  });
  afterAll(() => e2e?.close());

  it('the broker is refused (判客无效) and files an appeal from 我的报备 on a phone', async () => {
    broker = await newPage(e2e, PHONE);
    await loginAs(e2e, broker, 'broker');
    await broker.getByRole('button', { name: '展开菜单' }).click();
    await menuItem(broker, '我的报备').click();
    await broker.waitForURL(/\/channels\/my$/);

    // 报备客户: judged at once, refused because of the other broker's protection.
    await broker.getByRole('button', { name: /报备客户$/ }).click();
    const form = broker.getByRole('dialog');
    await form.getByLabel('报备项目', { exact: true }).click();
    await broker.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西溪项目' }).first().click();
    await form.getByLabel('客户姓名', { exact: true }).fill(NAME);
    await form.getByLabel('客户手机号', { exact: true }).fill(MOBILE);
    const refused = await sending(broker, /^\/api\/v1\/registrations$/, form.getByRole('button', { name: '提交报备' }));
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'REGISTRATION_REFUSED', reason: 'protected_by_other' });
    await form.getByText(`判客无效：${REFUSED}`).waitFor();
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'detached' });

    // The refusal is kept in 我的报备, with its reason and 「申诉」.
    const card = broker.locator('.stack-card').filter({ hasText: `${NAME} ${MASKED}` });
    await card.getByText('判客无效', { exact: true }).waitFor();
    await card.getByText(REFUSED).waitFor();
    await card.getByRole('button', { name: '申诉', exact: true }).click();

    const appeal = broker.getByRole('dialog').filter({ hasText: '提交申诉' });
    await appeal.getByText(`${NAME} ${MASKED} · 西溪项目`).waitFor();
    // A reason is required before anything is sent.
    await appeal.getByRole('button', { name: '提交申诉' }).click();
    await appeal.getByText('请填写申诉理由').waitFor();
    await appeal.getByLabel('申诉理由', { exact: true }).fill(REASON);
    const filed = await sending(broker, /^\/api\/v1\/registrations\/[0-9a-f-]{36}\/appeals$/, appeal.getByRole('button', { name: '提交申诉' }));
    expect(filed.status(), await filed.text()).toBe(201);
    await appeal.waitFor({ state: 'detached' });
    await card.getByText('申诉处理中', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: '申诉', exact: true }).count()).toBe(0);
    expect(await broker.locator('main').textContent()).not.toContain(MOBILE);

    const { mine, appeals } = await stored();
    expect(mine.status).toBe('rejected');
    expect(appeals).toEqual([expect.objectContaining({ status: 'pending', reason: REASON, brokerId: e2e.world.users.broker.id })]);
  });

  it('the sales manager upholds the appeal on 报备申诉, overruling the other broker with a reason', async () => {
    const page = await newPage(e2e);
    await loginAs(e2e, page, 'salesmgr');
    await menuItem(page, '报备申诉').click();
    await page.waitForURL(/\/channels\/appeals$/);

    // Pending appeals are the default view.
    const card = page.locator('.stack-card').filter({ hasText: NAME });
    await card.getByText('待处理', { exact: true }).waitFor();
    await card.getByText(REASON).waitFor();
    await card.getByText(REFUSED).waitFor();
    await card.getByRole('button', { name: '支持', exact: true }).click();

    const dialog = page.getByRole('dialog').filter({ hasText: `支持申诉 · ${NAME}` });
    await dialog.getByText('支持后报备恢复为「已报备（待到访）」').waitFor();
    await dialog.getByText(`经纪人 broker 对「西溪项目 · ${NAME}」的报备提出申诉，确认支持？`).waitFor();
    // Overruling the other broker's running registration needs a reason: refused without one, nothing decided.
    const unexplained = await sending(page, /^\/api\/v1\/registration-appeals\/[0-9a-f-]{36}\/decide$/, dialog.getByRole('button', { name: '确认支持' }));
    expect(unexplained.status()).toBe(400);
    await dialog.getByText('支持该申诉将作废其他经纪人的报备，请填写裁决理由').waitFor();
    expect((await stored()).appeals[0].status).toBe('pending');

    await dialog.getByLabel('处理说明', { exact: true }).fill(NOTE);
    const decided = await sending(page, /^\/api\/v1\/registration-appeals\/[0-9a-f-]{36}\/decide$/, dialog.getByRole('button', { name: '确认支持' }));
    expect(decided.status(), await decided.text()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('暂无待处理的申诉').waitFor();

    // Under 已支持: the decision and its note.
    await page.locator('.ant-segmented').getByText('已支持', { exact: true }).click();
    await page.waitForURL(/status=approved/);
    const decidedCard = page.locator('.stack-card').filter({ hasText: NAME });
    await decidedCard.getByText('已支持', { exact: true }).waitFor();
    await decidedCard.getByText(`说明：${NOTE}`).waitFor();
    expect(await decidedCard.getByRole('button', { name: '支持', exact: true }).count()).toBe(0);
    await page.context().close();

    // Stored: the appeal upheld with the note, the broker's registration restored with a fresh visit
    // window, the other broker's voided with the manager's reason, both audited.
    const { mine, appeals, other } = await stored();
    expect(appeals).toEqual([expect.objectContaining({ status: 'approved', decisionNote: NOTE, decidedBy: e2e.world.users.salesmgr.id })]);
    expect(mine).toMatchObject({ status: 'registered', endReason: '', endedAt: null });
    expect(mine.visitDueAt.getTime()).toBeGreaterThan(Date.now());
    expect(other).toMatchObject({ status: 'rejected', endReason: `申诉裁决改判归属其他经纪人：${NOTE}` });
    const audited = await e2e.database.db
      .select({ entityId: auditLogs.entityId, entityType: auditLogs.entityType, actorId: auditLogs.actorId })
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'update'), eq(auditLogs.actorId, e2e.world.users.salesmgr.id)))
      .orderBy(desc(auditLogs.id));
    expect(audited).toEqual(expect.arrayContaining([
      expect.objectContaining({ entityType: 'registration_appeal', entityId: appeals[0].id }),
      expect.objectContaining({ entityType: 'broker_registration', entityId: mine.id }),
      expect.objectContaining({ entityType: 'broker_registration', entityId: other.id }),
    ]));
  });

  it('the broker reloads 我的报备: the registration is back, and 我的申诉 shows the decision and the note', async () => {
    await broker.reload();
    const card = broker.locator('.stack-card').filter({ hasText: `${NAME} ${MASKED}` });
    await card.getByText('已报备（待到访）', { exact: true }).waitFor();
    expect(await card.getByText('申诉处理中', { exact: true }).count()).toBe(0);
    expect(await card.getByRole('button', { name: '申诉', exact: true }).count()).toBe(0);

    await broker.getByRole('tab', { name: '我的申诉' }).click();
    const appeal = broker.locator('.stack-card').filter({ hasText: REASON });
    await appeal.getByText('已支持', { exact: true }).waitFor();
    const { mine } = await stored();
    await appeal.getByText(`申诉已支持，报备已恢复，请于 ${lastDay(mine.visitDueAt)}（含当天） 前带客户到访`).waitFor();
    await appeal.getByText(`裁决说明：${NOTE}`).waitFor();
    expect(await broker.locator('main').textContent()).not.toContain(MOBILE);
    expect(await broker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The same, as the API answers the broker.
    const call = await apiAs(e2e, 'broker');
    const mineList = await call('GET', '/api/v1/broker/appeals');
    expect(mineList.json().items).toEqual([expect.objectContaining({ status: 'approved', decisionNote: NOTE, reason: REASON, registration: expect.objectContaining({ status: 'registered', mobile: MASKED }) })]);
    await broker.context().close();
  });
});
