import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, Db } from '../../db/client.ts';
import { MINUTE } from '../clock.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { unmailed } from './notify.ts';
import { notifications } from './tables.ts';

export const NOTIFICATION_MAIL_JOB = 'notification-mail';

export type MailOptions = { from: string; baseUrl?: string };

// E-mail the notifications of users who have an address. A notification is marked as mailed only
// after the server accepted it, so a failed send is retried on the next run.
export async function sendPendingMail(db: Db, transport: Transporter, opts: MailOptions, now: Date): Promise<number> {
  let sent = 0;
  for (const n of await unmailed(db, 200, now)) {
    const link = n.link && opts.baseUrl ? `\n\n${opts.baseUrl}${n.link}` : '';
    await transport.sendMail({ from: opts.from, to: n.email, subject: `【客源】${n.title}`, text: `${n.body}${link}` });
    await db.update(notifications).set({ mailedAt: now }).where(eq(notifications.id, n.id));
    sent++;
  }
  return sent;
}

// With SMTP_URL set: every minute.
export function registerNotificationMail(jobs: Jobs, database: Database, opts: MailOptions & { smtpUrl: string }) {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  jobs.every(NOTIFICATION_MAIL_JOB, MINUTE, async ({ now }) => {
    await sendPendingMail(database.db, transport, opts, now);
  });
}
