import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerRegistrations } from '../../src/server/modules/channels/tables.ts';
import { complaints } from '../../src/server/modules/complaints/tables.ts';
import { units } from '../../src/server/modules/org/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// Erasure reaches everything recorded about the person outside the customer file: the audit
// entries about them (kept, with the person taken out), the registrations brokers made for them
// and the contact on their complaints. The audit table still refuses every other change.
describe.each(dbKinds())('erasure and the audit log on %s', (kind) => {
  let t: TestApp;
  const mobile = '13612345678';
  let customerId = '';
  let registrationId = '';
  let complaintId = '';
  let dealId = '';
  let interestId = '';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const reg = await t.call('POST', '/api/v1/registrations', { cookie: await t.as('broker'), body: { projectId: t.world.a1.id, customerName: '欧阳娜娜', mobile, note: '欧阳女士想看三居' } });
    expect(reg.statusCode, reg.body).toBe(201);
    registrationId = reg.json().id;
    const created = await t.call('POST', '/api/v1/customers', { cookie: await t.as('consultant'), body: { name: '欧阳娜娜', mobile, grade: 'A', projectId: t.world.a1.id, sourceChannel: 'broker', occupation: '律师' } });
    expect(created.statusCode, created.body).toBe(201);
    customerId = created.json().id;
    interestId = created.json().interests[0].id;
    const patched = await t.call('PATCH', `/api/v1/customers/${customerId}`, { cookie: await t.as('consultant'), body: { workArea: '钱江新城', version: created.json().version } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await t.call('POST', `/api/v1/customers/${customerId}/reveal`, { cookie: await t.as('salesmgr'), body: { field: 'mobile', reason: '核实欧阳娜娜身份' } })).statusCode).toBe(200);
    const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.buildingId, t.world.buildingA1.id)).limit(1);
    const deal = await t.call('POST', '/api/v1/deals', { cookie: await t.as('consultant'), body: { interestId, unitId: unit.id, stage: 'subscription', deposit: 50_000, paymentMethod: 'mortgage', contractDueDate: '2026-12-15' } });
    expect(deal.statusCode, deal.body).toBe(201);
    dealId = deal.json().id;
    const complaint = await t.call('POST', '/api/v1/complaints', {
      cookie: await t.as('crm'),
      body: { projectId: t.world.a1.id, contactName: '欧阳娜娜', contactMobile: mobile, channel: 'hotline', specialty: 'sales', title: '欧阳娜娜反映认购条款', description: '对认购条款有疑问。' },
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    complaintId = complaint.json().id;
  });
  afterAll(() => t.close());

  const entriesAbout = (ids: string[]) => t.database.db.select().from(auditLogs).where(inArray(auditLogs.entityId, ids)).orderBy(asc(auditLogs.id));

  it('keeps every audit entry about the person, with their name, numbers and details taken out', async () => {
    const ids = [customerId, interestId, registrationId, complaintId, dealId];
    const before = await entriesAbout(ids);
    const text = JSON.stringify(before);
    for (const personal of ['欧阳娜娜', '136****5678', '律师', '钱江新城']) expect(text).toContain(personal);

    const res = await t.call('POST', `/api/v1/customers/${customerId}/erase`, { cookie: await t.as('groupcr'), body: { reason: '客户书面申请' } });
    expect(res.statusCode, res.body).toBe(200);

    const after = await entriesAbout(ids);
    expect(after).toHaveLength(before.length + 1); // the erasure itself
    const kept = after.filter((e) => before.some((b) => b.id === e.id));
    expect(kept.map(({ entityLabel: _l, changes: _c, ...rest }) => rest)).toEqual(before.map(({ entityLabel: _l, changes: _c, ...rest }) => rest));
    const redacted = JSON.stringify(kept);
    for (const personal of ['欧阳', '娜娜', mobile, '136****5678', '律师', '钱江新城', '三居']) expect(redacted).not.toContain(personal);
    expect(kept.find((e) => e.action === 'reveal')?.entityLabel).toBe('已删除客户（手机号）：核实已删除客户身份');
    const erasure = after.find((e) => e.action === 'delete' && e.entityId === customerId);
    const personal = before.filter((b) => /欧阳娜娜|136\*{4}5678|13612345678|律师|钱江新城|三居/.test(JSON.stringify([b.entityLabel, b.changes])));
    expect(erasure?.changes).toMatchObject({ auditEntriesRedacted: { before: null, after: personal.length } });
  });

  it("anonymises the broker's registration and the complaint contact, keeping their statistics", async () => {
    const [reg] = await t.database.db.select().from(brokerRegistrations).where(eq(brokerRegistrations.id, registrationId));
    expect(reg).toMatchObject({ customerName: '已删除客户', mobilePrefix: '000', mobileSuffix: '0000', mobileFull: null, note: '', projectId: t.world.a1.id, brokerId: t.world.users.broker.id });
    const [c] = await t.database.db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(c).toMatchObject({ contactName: '已删除', contactMobile: '00000000000', specialty: 'sales' });
    // The broker's own list shows the anonymised registration.
    const mine = await t.call('GET', '/api/v1/registrations', { cookie: await t.as('broker') });
    expect(JSON.stringify(mine.json())).not.toContain('欧阳');
  });

  it('still refuses any other change to the audit log, with or without the redaction flag', async () => {
    const [entry] = await entriesAbout([customerId]);
    const refused = async (statement: string, flagged: boolean) => {
      const error = await t.database.db
        .transaction(async (tx) => {
          if (flagged) await tx.execute(sql`SELECT set_config('keyuan.audit_redaction', 'on', true)`);
          await tx.execute(sql.raw(statement));
        })
        .then(() => null, (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
      expect(error, statement).toMatch(/append-only/);
    };
    await refused(`UPDATE audit_logs SET entity_label = 'x' WHERE id = '${entry.id}'`, false);
    await refused(`UPDATE audit_logs SET actor_name = 'x', entity_label = 'x' WHERE id = '${entry.id}'`, true);
    await refused(`DELETE FROM audit_logs WHERE id = '${entry.id}'`, true);
    expect(await entriesAbout([entry.entityId!])).toContainEqual(entry);
  });
});
