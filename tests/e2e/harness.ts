import { existsSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { chromium, type Browser, type Locator, type Page, type Response } from 'playwright-core';
import { buildApp, type KeyuanApp } from '../../src/server/app.ts';
import { openPglite, type Database } from '../../src/server/db/client.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { testConfig } from '../fixtures/test-app.ts';
import { seedWorld, TEST_PASSWORD, type World } from '../fixtures/world.ts';

// A real server (built web app + API on a fresh embedded database seeded with the shared test
// world) and Debian's Chromium driven by playwright-core.
export type E2E = { baseUrl: string; world: World; browser: Browser; database: Database; app: KeyuanApp; close(): Promise<void> };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function startE2E(): Promise<E2E> {
  const webDir = 'dist/web';
  if (!existsSync(`${webDir}/index.html`)) throw new Error('dist/web is missing: run `npm run build:web` first (npm run test:e2e does)');
  const database = await openPglite(undefined);
  await database.migrate();
  const world = await seedWorld(database.db);
  const app = await buildApp({ database, clock: systemClock, config: testConfig({ webDir }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    world,
    browser,
    database,
    app,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export async function newPage(e2e: E2E, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function loginAs(e2e: E2E, page: Page, username: string, password = TEST_PASSWORD) {
  await page.goto(`${e2e.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('工作台').first().waitFor();
}

// A menu item's accessible name starts with its icon's label ("solution 我的报备").
export const menuItem = (page: Page, label: string) => page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) });

/** Clicks `button` and resolves with the answer to the write it sends (`method` to a path matching `path`). */
export async function sending(page: Page, path: RegExp, button: Locator, method = 'POST'): Promise<Response> {
  const answered = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), { timeout: 30_000 });
  answered.catch(() => undefined); // a failed click must not leave it unhandled
  await button.click();
  try {
    return await answered;
  } catch (error) {
    // Most likely the form refused to send: say what the dialog shows.
    const shown = await page.getByRole('dialog').allTextContents().catch(() => []);
    throw new Error(`no answer to ${method} ${path.source}; dialog: ${shown.join(' | ') || '(none)'}`, { cause: error });
  }
}

// The API as a user, for setting up what a browser test is not about: logs in through the server
// and calls it with that session's cookie.
export type ApiCall = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) => Promise<LightMyRequestResponse>;
export async function apiAs(e2e: E2E, username: string, password = TEST_PASSWORD): Promise<ApiCall> {
  const login = await e2e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login as ${username} failed: ${login.statusCode} ${login.body}`);
  const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
  return (method, url, body) => e2e.app.inject({ method, url, headers: { cookie }, ...(body ? { payload: body } : {}) });
}
