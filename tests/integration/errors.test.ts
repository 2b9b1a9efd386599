import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies, projects } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

const CHINESE = /[\u4e00-\u9fa5]/;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

// Every failure answers application/problem+json with a stable code (RFC 9457).
function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.stringMatching(CHINESE) });
  expect(res.body).not.toMatch(/\bat \S+\.(ts|js):\d+|SELECT |INSERT |duplicate key/);
  return body;
}

describe.each(dbKinds())('error contract on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [[c], [p], [a]] = await Promise.all([
      t.database.db.select({ n: count() }).from(companies),
      t.database.db.select({ n: count() }).from(projects),
      t.database.db.select({ n: count() }).from(auditLogs),
    ]);
    return { companies: c.n, projects: p.n, audit: a.n };
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.call('POST', '/api/v1/companies', { cookie: admin, body: '{"name": "坏', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers a field failing validation with 400 VALIDATION_FAILED and Chinese field errors', async () => {
    const res = await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '', city: '杭州', code: 'bad code!' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'code' })]));
    for (const e of body.errors as { field: string; message: string }[]) expect(e.message).toMatch(CHINESE);
    expect(body.detail).toMatch(CHINESE);
    // Wrong types and zod's own built-in messages (the coerced limit) are Chinese too.
    const missing = expectProblem(await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: 7 } }), 400, 'VALIDATION_FAILED');
    expect(missing.errors.length).toBeGreaterThan(0);
    for (const e of missing.errors as { field: string; message: string }[]) expect(e.message).toMatch(CHINESE);
    const query = expectProblem(await t.call('GET', '/api/v1/projects?limit=abc', { cookie: admin }), 400, 'VALIDATION_FAILED');
    expect(query.errors).toEqual([expect.objectContaining({ field: 'limit', message: expect.stringMatching(CHINESE) })]);
    expectProblem(await t.call('GET', '/api/v1/projects?limit=201', { cookie: admin }), 400, 'VALIDATION_FAILED');
  });

  it('answers 401 UNAUTHENTICATED without a session, before reading the body', async () => {
    expectProblem(await t.call('GET', '/api/v1/projects'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.call('GET', '/api/v1/projects', { cookie: 'keyuan_session=forged' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.call('POST', '/api/v1/companies', { body: '{not json', headers: { 'content-type': 'application/json' } }), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 FORBIDDEN for a missing permission', async () => {
    const consultant = await t.login('consultant');
    expectProblem(await t.call('POST', '/api/v1/companies', { cookie: consultant, body: { name: '越权公司', city: '杭州', code: 'XX' } }), 403, 'FORBIDDEN');
    expectProblem(await t.call('GET', '/api/v1/users', { cookie: consultant }), 403, 'FORBIDDEN');
  });

  it('answers 404 ROUTE_NOT_FOUND for an unknown route and NOT_FOUND for an unknown record', async () => {
    expectProblem(await t.call('GET', '/api/v1/nope', { cookie: admin }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await t.call('GET', '/api/v1/nope'), 404, 'ROUTE_NOT_FOUND');
    const missing = uuidv7();
    expectProblem(await t.call('GET', `/api/v1/projects/${missing}`, { cookie: admin }), 404, 'NOT_FOUND');
    expectProblem(await t.call('PATCH', `/api/v1/companies/${missing}`, { cookie: admin, body: { name: '无', version: 1 } }), 404, 'NOT_FOUND');
    expectProblem(await t.call('DELETE', `/api/v1/buildings/${missing}?version=1`, { cookie: admin }), 404, 'NOT_FOUND');
  });

  it('answers 400 for an invalid uuid in a path', async () => {
    const body = expectProblem(await t.call('GET', '/api/v1/projects/not-a-uuid', { cookie: admin }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'id', message: expect.stringMatching(CHINESE) })]);
    expectProblem(await t.call('GET', '/api/v1/buildings/123/units', { cookie: admin }), 400, 'VALIDATION_FAILED');
  });

  it('answers 409 VERSION_CONFLICT for a stale version', async () => {
    const { companyB } = t.world;
    expectProblem(await t.call('PATCH', `/api/v1/companies/${companyB.id}`, { cookie: admin, body: { city: '重庆', version: 5 } }), 409, 'VERSION_CONFLICT');
    expectProblem(await t.call('DELETE', `/api/v1/companies/${companyB.id}?version=2`, { cookie: admin }), 409, 'VERSION_CONFLICT');
    // Deleting without a version is a validation error, not a silent delete.
    expectProblem(await t.call('DELETE', `/api/v1/projects/${t.world.a2.id}`, { cookie: admin }), 400, 'VALIDATION_FAILED');
  });

  it('answers 400 for a bad cursor, whether garbage or forged', async () => {
    const { buildingA1 } = t.world;
    const bad = [
      '/api/v1/projects?cursor=garbage',
      `/api/v1/projects?cursor=${cursorOf({ not: 'an array' })}`,
      `/api/v1/projects?cursor=${cursorOf(['only-one'])}`,
      `/api/v1/projects?sort=-createdAt&cursor=${cursorOf(['not-a-uuid'])}`,
      `/api/v1/companies?cursor=${cursorOf(['杭州公司', 'not-a-uuid'])}`,
      `/api/v1/buildings/${buildingA1.id}/units?cursor=${cursorOf(['ten', '1001'])}`,
      `/api/v1/buildings/${buildingA1.id}/units?cursor=${cursorOf([1e12, '1001'])}`,
      `/api/v1/teams?cursor=${cursorOf(['组', 'not-a-uuid'])}`,
      `/api/v1/users?cursor=${cursorOf(['nul\u0000byte'])}`,
    ];
    for (const url of bad) {
      const res = await t.call('GET', url, { cookie: admin });
      expect(res.statusCode, url).toBe(400);
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors, url).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it('writes nothing when a request fails', async () => {
    const { companyA, a1, buildingA1 } = t.world;
    const consultant = await t.login('consultant');
    const failing: [string, () => Promise<LightMyRequestResponse>, number][] = [
      ['malformed', () => t.call('POST', '/api/v1/companies', { cookie: admin, body: '{', headers: { 'content-type': 'application/json' } }), 400],
      ['invalid', () => t.call('POST', '/api/v1/projects', { cookie: admin, body: { companyId: companyA.id, name: '', code: 'OK-1', city: '杭州' } }), 400],
      ['unknown company', () => t.call('POST', '/api/v1/projects', { cookie: admin, body: { companyId: uuidv7(), name: '孤儿项目', code: 'OR-1', city: '杭州' } }), 400],
      ['duplicate code', () => t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '重复', city: '杭州', code: 'TB' } }), 409],
      ['duplicate project', () => t.call('POST', '/api/v1/projects', { cookie: admin, body: { companyId: companyA.id, name: '重复项目', code: 'TB-1', city: '杭州' } }), 409],
      ['rename to taken', () => t.call('PATCH', `/api/v1/projects/${a1.id}`, { cookie: admin, body: { code: 'TA-2', version: 1 } }), 409],
      ['stale', () => t.call('PATCH', `/api/v1/companies/${companyA.id}`, { cookie: admin, body: { name: '新名', version: 9 } }), 409],
      ['not empty', () => t.call('DELETE', `/api/v1/companies/${companyA.id}?version=1`, { cookie: admin }), 409],
      ['above top floor', () => t.call('POST', `/api/v1/buildings/${buildingA1.id}/units/batch`, { cookie: admin, body: { floorFrom: 1, floorTo: 30, unitsPerFloor: 2, layout: '一室', area: 50, listPrice: 1 } }), 400],
      ['forbidden', () => t.call('POST', '/api/v1/companies', { cookie: consultant, body: { name: '越权', city: '杭州', code: 'FB' } }), 403],
      ['no session', () => t.call('POST', '/api/v1/companies', { body: { name: '匿名', city: '杭州', code: 'AN' } }), 401],
      ['other origin', () => t.call('DELETE', `/api/v1/projects/${a1.id}?version=1`, { cookie: admin, headers: { origin: 'https://evil.example' } }), 403],
    ];
    for (const [name, request, status] of failing) {
      const before = await counts();
      const res = await request();
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.headers['content-type'], name).toMatch(/^application\/problem\+json/);
      expect(await counts(), name).toEqual(before);
    }
    expect((await t.call('GET', `/api/v1/projects/${a1.id}`, { cookie: admin })).json()).toMatchObject({ code: 'TA-1', version: 1 });
  });

  it('serves health, the OpenAPI document and the docs page', async () => {
    const health = await t.call('GET', '/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: kind });

    const doc = await t.call('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/projects', '/api/v1/auth/login', '/api/v1/users']));

    const docs = await t.call('GET', '/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
    const page = docs.statusCode === 302 ? await t.call('GET', new URL(String(docs.headers.location), 'http://localhost/api/docs').pathname) : docs;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/swagger/i);
  });
});

describe.each(dbKinds())('body limit on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { bodyLimit: 1024 } });
  });
  afterAll(() => t.close());

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const admin = await t.login('admin');
    const [before] = await t.database.db.select({ n: count() }).from(companies);
    const res = await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '大公司', city: '杭州', code: 'BIG', padding: 'x'.repeat(2048) } });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect((await t.database.db.select({ n: count() }).from(companies))[0]).toEqual(before);
    // A body within the limit still works.
    expect((await t.call('POST', '/api/v1/companies', { cookie: admin, body: { name: '小公司', city: '杭州', code: 'SM' } })).statusCode).toBe(201);
  });
});
