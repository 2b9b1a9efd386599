import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.ts';
import { MINUTE } from '../clock.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { unmailed } from './notify.ts';
import { notifications } from './tables.ts';

export const NOTIFICATION_MAIL_JOB = 'notification-mail';

// When SMTP_URL is set, every minute e-mail the notifications of users who have an address.
// A notification is marked as mailed only after the server accepted it, so a failed send is
// retried on the next run.
export function registerNotificationMail(jobs: Jobs, database: Database, opts: { smtpUrl: string; from: string; baseUrl?: string }) {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  jobs.every(NOTIFICATION_MAIL_JOB, MINUTE, async ({ now }) => {
    for (const n of await unmailed(database.db, 200, now)) {
      const link = n.link && opts.baseUrl ? `\n\n${opts.baseUrl}${n.link}` : '';
      await transport.sendMail({ from: opts.from, to: n.email, subject: `【客源】${n.title}`, text: `${n.body}${link}` });
      await database.db.update(notifications).set({ mailedAt: now }).where(eq(notifications.id, n.id));
    }
  });
}
