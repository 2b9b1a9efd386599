import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Pinyin search reads the interest's copy of the customer's keys: it must follow a rename.
describe.each(dbKinds())('pinyin search keys on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('finds a customer by the pinyin and initials of their current name, in every project', async () => {
    const cookie = await t.login('consultant');
    const created = await t.call('POST', '/api/v1/customers', { cookie, body: { name: '欧阳娜娜', mobile: '13600001111', sourceChannel: 'walk_in', projectId: t.world.a1.id } });
    expect(created.statusCode).toBe(201);
    const search = async (q: string) => (await t.call('GET', `/api/v1/customers?q=${q}`, { cookie })).json().items.map((i: { customer: { name: string } }) => i.customer.name);
    expect(await search('oynn')).toEqual(['欧阳娜娜']);
    expect(await search('ouyang')).toEqual(['欧阳娜娜']);

    const renamed = await t.call('PATCH', `/api/v1/customers/${created.json().id}`, { cookie, body: { name: '司马光', version: created.json().version } });
    expect(renamed.statusCode).toBe(200);
    expect(await search('oynn')).toEqual([]);
    expect(await search('smg')).toEqual(['司马光']);
    expect(await search('sima')).toEqual(['司马光']);
  });
});
