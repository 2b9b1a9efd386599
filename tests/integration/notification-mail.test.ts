import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/modules/users/tables.ts';
import { DAY } from '../../src/server/platform/clock.ts';
import { sendPendingMail } from '../../src/server/platform/notify/mailer.ts';
import { notifyUsers } from '../../src/server/platform/notify/notify.ts';
import { notifications } from '../../src/server/platform/notify/tables.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

// E-mail copies of notifications (SMTP configured): only users with an address, only the last
// day's, each once.
describe.each(dbKinds())('notification e-mail on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('mails recent notifications to users with an address, once', async () => {
    const { crm, groupcr } = t.world.users;
    await t.database.db.update(users).set({ email: 'crm@example.com' }).where(eq(users.id, crm.id));
    const old = new Date(t.clock.now().getTime() - 2 * DAY);
    await notifyUsers(t.database.db, [crm.id], { kind: 'sla', title: '旧消息', link: '/complaints/x' }, old);
    await notifyUsers(t.database.db, [crm.id, groupcr.id], { kind: 'escalation', title: '投诉升级至城市公司：TS1', body: '渗水', link: '/complaints/1' }, t.clock.now());
    const sentMail: string[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
      sentMail.push(`${String(mail.to)}|${String(mail.subject)}|${String(mail.text)}`);
      return original(mail);
    }) as typeof transport.sendMail;
    const sent = await sendPendingMail(t.database.db, transport, { from: 'Keyuan <noreply@example.com>', baseUrl: 'https://crm.example.com' }, t.clock.now());
    expect(sent).toBe(1);
    expect(sentMail).toEqual(['crm@example.com|【客源】投诉升级至城市公司：TS1|渗水\n\nhttps://crm.example.com/complaints/1']);
    expect(await sendPendingMail(t.database.db, transport, { from: 'x@example.com' }, t.clock.now())).toBe(0);
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, crm.id));
    expect(rows.filter((r) => r.mailedAt).map((r) => r.title)).toEqual(['投诉升级至城市公司：TS1']);
  });
});
