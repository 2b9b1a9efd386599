import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintCallbacks, complaints } from '../../src/server/modules/complaints/tables.ts';
import { loginAs, menuItem, newPage, sending as sendingTo, startE2E, type E2E } from './harness.ts';

const PHONE = { width: 375, height: 812 };
const DESCRIPTION = '地下车库渗水严重，车位长期积水，请尽快处理。';
const REMEDY = '请尽快堵漏并清理积水';
const SOLUTION = '顶板裂缝注浆堵漏，增设排水沟并清理积水。';
const ASSIGN_NOTE = '请工程部现场勘查';
const HANDLER_NOTE = '已注浆堵漏，积水清理完毕';
const REPLY = '您好，车库渗水点已完成注浆堵漏，积水已清理，请您查看。';

// The detail page's action buttons carry an icon label too ("phone 回访").
const action = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`(^|\\s)${label}$`) });

async function pick(page: Page, field: Locator, option: string | RegExp) {
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Clicks `button` and resolves with the answer to the complaint write it sends (POST …/complaints/:id/<step>). */
const sending = (page: Page, step: string, button: Locator) => sendingTo(page, new RegExp(`^/api/v1/complaints/[0-9a-f-]{36}/${step}$`), button);

/** An action that opens a small form; `fill` fills it in, then its OK button sends it and the dialog goes away. */
async function step(page: Page, label: string, endpoint: string, ok: string, fill?: (dialog: Locator) => Promise<void>) {
  await action(page, label).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  const response = await sending(page, endpoint, dialog.getByRole('button', { name: ok, exact: true }));
  expect(response.status(), `${label}: ${await response.text()}`).toBe(200);
  await dialog.waitFor({ state: 'detached' });
}

const statusTag = (page: Page, label: string) => page.locator('.detail-head .ant-tag').filter({ hasText: new RegExp(`^${label}$`) });

describe('an owner’s complaint from the phone form to 已办结', () => {
  let e2e: E2E;
  let owner: Page;
  let crm: Page;
  let no = '';
  let code = '';
  let complaintUrl = '';

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('an owner files a complaint on a phone without logging in and follows it with the tracking code', async () => {
    owner = await newPage(e2e, PHONE);
    await owner.goto(`${e2e.baseUrl}/complain`);
    await owner.getByRole('heading', { name: '业主投诉与建议' }).waitFor();
    await pick(owner, owner.getByLabel('所在项目'), '西溪项目');
    await pick(owner, owner.getByLabel('楼栋'), '1 号楼');
    await owner.getByLabel('您的姓名').fill('王女士');
    await owner.getByLabel('手机号').fill('13900001111');
    await owner.getByLabel('问题描述').fill(DESCRIPTION);
    await owner.getByLabel('您的诉求').fill(REMEDY);
    const [filed] = await Promise.all([
      owner.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/public/complaints')),
      owner.getByRole('button', { name: '提交', exact: true }).click(),
    ]);
    expect(filed.status()).toBe(201);

    await owner.getByText('提交成功').waitFor();
    no = ((await owner.getByText(/^投诉编号：/).textContent()) ?? '').replace('投诉编号：', '').trim();
    code = ((await owner.getByLabel('查询码', { exact: true }).textContent()) ?? '').trim();
    expect(no).not.toBe('');
    expect(code).toMatch(/^[A-Z2-9]{16}$/);
    // The page fits the phone: nothing wider than the screen.
    expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await owner.getByRole('button', { name: '查询处理进度' }).click();
    await owner.waitForURL(`**/complain/status?code=${code}`);
    await owner.getByText('已收到，等待受理').waitFor();
    await owner.getByText(no, { exact: true }).waitFor();
    // The mobile is only ever shown masked on the public page.
    await owner.getByText('139****1111', { exact: true }).waitFor();
  });

  it('the customer-relations manager finds it in the list and assigns it to the engineer', async () => {
    crm = await newPage(e2e);
    await loginAs(e2e, crm, 'crm');
    await menuItem(crm, '投诉').click();
    await crm.waitForURL(/\/complaints$/);
    await crm.getByLabel('搜索投诉').fill(no);
    await crm.getByLabel('搜索投诉').press('Enter');
    const row = crm.getByRole('row').filter({ hasText: no });
    await row.getByRole('cell', { name: '待分派', exact: true }).waitFor();
    await row.getByRole('link', { name: no }).click();
    await crm.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    complaintUrl = crm.url();
    await crm.getByText('客户自助提交').waitFor();
    await statusTag(crm, '已受理').waitFor();

    await step(crm, '分派', 'assign', '保存', async (dialog) => {
      await pick(crm, dialog.getByLabel('处理人'), /^engineer$/);
      await dialog.getByLabel('说明').fill(ASSIGN_NOTE);
    });
    await statusTag(crm, '已分派').waitFor();
    await crm.locator('.ant-descriptions-item').filter({ hasText: '处理人' }).getByText('engineer').first().waitFor();
  });

  it('the engineer works it through the steps and answers the owner', async () => {
    const engineer = await newPage(e2e);
    await loginAs(e2e, engineer, 'engineer');
    await menuItem(engineer, '投诉').click();
    await engineer.getByRole('checkbox', { name: '只看我的' }).click();
    await engineer.waitForURL(/mine=true/);
    await engineer.getByRole('link', { name: no }).click();
    await engineer.waitForURL(complaintUrl);

    await step(engineer, '开始调查', 'transitions', '确认');
    await statusTag(engineer, '调查中').waitFor();
    await step(engineer, '提出方案', 'transitions', '确认', async (dialog) => {
      await dialog.getByLabel('处理方案').fill(SOLUTION);
    });
    await statusTag(engineer, '已提方案').waitFor();
    await step(engineer, '实施处理', 'transitions', '确认');
    await statusTag(engineer, '处理中').waitFor();
    await step(engineer, '处理完毕，待回访', 'transitions', '确认', async (dialog) => {
      await dialog.getByLabel('说明').fill(HANDLER_NOTE);
    });
    await statusTag(engineer, '待回访').waitFor();
    await step(engineer, '答复客户', 'replies', '发送答复', async (dialog) => {
      await dialog.getByLabel('答复内容').fill(REPLY);
      expect(await dialog.getByRole('checkbox', { name: '客户可见' }).isChecked()).toBe(true);
    });
    await engineer.getByText(REPLY).first().waitFor();
    await engineer.context().close();
  });

  it('the manager is refused closing before the call-back, records it, closes the complaint, and the owner sees 已办结', async () => {
    await crm.reload();
    await statusTag(crm, '待回访').waitFor();

    // Closing first: the dialog warns, and the server's refusal stays on screen.
    await action(crm, '关闭').click();
    let dialog = crm.getByRole('dialog');
    await dialog.getByText('关闭前还需完成').waitFor();
    const refused = await sending(crm, 'close', dialog.getByRole('button', { name: '确认关闭' }));
    expect(refused.status()).toBe(409);
    await dialog.getByRole('alert').filter({ hasText: '尚未回访，不能关闭' }).waitFor();
    await dialog.getByRole('button', { name: '取消', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await step(crm, '回访', 'callbacks', '保存', async (form) => {
      await form.locator('.ant-rate-star').nth(4).click();
      await form.getByText('已解决', { exact: true }).click();
      await form.getByLabel('回访记录').fill('业主确认车库已不再渗水，很满意');
    });

    await action(crm, '关闭').click();
    dialog = crm.getByRole('dialog');
    await dialog.getByLabel('说明').fill('渗水已处理，业主满意');
    const closed = await sending(crm, 'close', dialog.getByRole('button', { name: '确认关闭' }));
    expect(closed.status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await statusTag(crm, '已关闭').waitFor();
    await action(crm, '重新打开').waitFor();

    // What was stored.
    const { db } = e2e.database;
    const [row] = await db.select({ id: complaints.id, status: complaints.status, closedAt: complaints.closedAt, trackingCode: complaints.trackingCode }).from(complaints).where(eq(complaints.no, no));
    expect(row).toMatchObject({ status: 'closed', trackingCode: code });
    expect(row.closedAt).toBeInstanceOf(Date);
    const callbacks = await db.select({ satisfaction: complaintCallbacks.satisfaction, solved: complaintCallbacks.solved }).from(complaintCallbacks).where(eq(complaintCallbacks.complaintId, row.id));
    expect(callbacks).toEqual([{ satisfaction: 5, solved: true }]);
    await crm.context().close();

    // The owner looks again.
    await owner.reload();
    await owner.locator('.ant-descriptions-item').filter({ hasText: '当前状态' }).getByText('已办结').waitFor();
    await owner.getByText(REPLY).waitFor();
    await owner.getByText('办结时间').waitFor();
    // The solution offered is shown to the owner; the staff's notes and names are not.
    await owner.getByText(`方案：${SOLUTION}`).waitFor();
    const page = (await owner.locator('main').textContent()) ?? '';
    for (const internal of [ASSIGN_NOTE, HANDLER_NOTE, 'engineer']) expect(page).not.toContain(internal);
    await owner.context().close();
  });
});
