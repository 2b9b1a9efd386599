import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../src/common/contracts/complaints.ts';
import { complaints } from '../../src/server/modules/complaints/tables.ts';
import { customers } from '../../src/server/modules/customers/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

type Entry = { kind: string; content: string; to: string | null };

// Complaints and customer files: 判重 by mobile on intake, the complaint on the customer's
// timeline, and a customer's rights reaching their complaints.
describe.each(dbKinds())('complaints and customer files on %s', (kind) => {
  let t: TestApp;
  let customerId = '';
  let complaint: ComplaintDetail;
  const body = (mobile: string, name: string) => ({
    projectId: t.world.a1.id, contactName: name, contactMobile: mobile, channel: 'hotline', specialty: 'engineering', title: '厨房墙面开裂', description: '厨房墙面出现多条裂缝。',
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const consultant = await t.login('consultant');
    const res = await t.call('POST', '/api/v1/customers', { cookie: consultant, body: { name: '宋佳', mobile: '13812345678', grade: 'A', projectId: t.world.a1.id, sourceChannel: 'walk_in' } });
    expect(res.statusCode, res.body).toBe(201);
    customerId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('links a complaint to the existing customer with that mobile instead of making a second person', async () => {
    const res = await t.call('POST', '/api/v1/complaints', { cookie: await t.login('crm'), body: body('13812345678', '宋女士') });
    expect(res.statusCode, res.body).toBe(201);
    complaint = res.json();
    expect(complaint.customerId).toBe(customerId);
    expect(await t.database.db.select().from(customers).where(eq(customers.mobile, '13812345678'))).toHaveLength(1);
  });

  it('creates a customer file for a complainant not yet known', async () => {
    const res = await t.call('POST', '/api/v1/complaints', { cookie: await t.login('crm'), body: body('13987654321', '唐先生') });
    expect(res.statusCode).toBe(201);
    const [c] = await t.database.db.select().from(customers).where(eq(customers.mobile, '13987654321'));
    expect(c).toMatchObject({ name: '唐先生', sourceChannel: 'other' });
    expect(res.json().customerId).toBe(c.id);
  });

  it('shows the complaint on the customer timeline to those who may read complaints', async () => {
    const consultantTimeline = await t.call('GET', `/api/v1/customers/${customerId}/timeline`, { cookie: await t.login('consultant') });
    expect(consultantTimeline.statusCode).toBe(200);
    const entry = (consultantTimeline.json().items as Entry[]).find((e) => e.kind === 'complaint');
    expect(entry?.to).toBe(complaint.id);
    expect(entry?.content).toContain(complaint.no);
    // Marketing reads customers but not complaints: no complaint entries.
    const marketing = await t.call('GET', `/api/v1/customers/${customerId}/timeline`, { cookie: await t.login('marketing') });
    expect((marketing.json().items as Entry[]).some((e) => e.kind === 'complaint')).toBe(false);
  });

  it('includes complaints in the personal-data export and anonymises them on erasure', async () => {
    const groupcr = await t.login('groupcr');
    const exported = await t.call('GET', `/api/v1/customers/${customerId}/personal-data`, { cookie: groupcr });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().complaints.map((c: { no: string }) => c.no)).toEqual([complaint.no]);
    const erased = await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie: groupcr, body: { reason: '客户申请删除个人信息' } });
    expect(erased.statusCode, erased.body).toBe(200);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, complaint.id));
    expect(row).toMatchObject({ contactName: '已删除', contactMobile: '00000000000', title: '厨房墙面开裂' });
  });
});
