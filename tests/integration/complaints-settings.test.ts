import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/server/platform/clock.ts';
import { complaintApi, mobile, type ComplaintApi, type Problem } from '../fixtures/complaints.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// A company's resolution time limits per severity: who may read and set them, and their effect
// on the due dates of new complaints.
describe.each(dbKinds())('complaint settings on %s', (kind) => {
  let t: TestApp;
  let api: ComplaintApi;
  let seq = 0;
  const file = (facts: Record<string, unknown> = {}, username = 'crm') => api.file({ projectId: t.world.a1.id, contactMobile: mobile(++seq), ...facts }, username);

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = complaintApi(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('applies a company\'s resolution limits to new complaints, within the manager\'s own company', async () => {
    const { companyA, companyB } = t.world;
    const before = await api.get('crm', `/api/v1/complaint-settings?companyId=${companyA.id}`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ isDefault: true, limits: { general: 120, important: 72, hot: 48, major: 24 } });
    const limits = { general: 48, important: 36, hot: 24, major: 12 };
    const put = await api.call('crm', 'PUT', '/api/v1/complaint-settings', { companyId: companyA.id, limits });
    expect(put.statusCode, put.body).toBe(200);
    expect((await api.get('crm', `/api/v1/complaint-settings?companyId=${companyA.id}`)).json()).toMatchObject({ isDefault: false, limits });

    const d = await file({ title: '物业服务态度差' });
    expect(d.severity).toBe('general');
    expect(Date.parse(d.resolutionDueAt) - Date.parse(d.filedAt)).toBe(48 * HOUR);
    const hot = await file({ lawsuitOrMediaRisk: true });
    expect(Date.parse(hot.resolutionDueAt) - Date.parse(hot.filedAt)).toBe(24 * HOUR);

    expect((await api.get('crm', `/api/v1/complaint-settings?companyId=${companyB.id}`)).statusCode).toBe(403);
    expect((await api.call('crm', 'PUT', '/api/v1/complaint-settings', { companyId: companyB.id, limits })).statusCode).toBe(403);
    const bad = await api.call('crm', 'PUT', '/api/v1/complaint-settings', { companyId: companyA.id, limits: { ...limits, general: 0 } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors?.map((e) => e.field)).toEqual(['limits.general']);
    expect((await api.get('crm', `/api/v1/complaint-settings?companyId=${companyA.id}`)).json().limits).toEqual(limits);
  });
});
