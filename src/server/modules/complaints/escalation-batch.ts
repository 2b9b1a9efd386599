import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { EscalationLevel } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { usersResponsibleFor } from '../../platform/notify/notify.ts';
import { escalationNotice, LEVEL_ROLES, levelsToTell } from './escalation.ts';
import { ESCALATION_REASON_LABELS, type EscalationReason } from './rules.ts';

// A text[] literal for PostgreSQL: every element quoted and escaped.
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export type BatchEscalation = {
  row: { id: string; no: string; title: string; severity: string; companyId: string; projectId: string };
  from: EscalationLevel;
  level: EscalationLevel;
  reason: EscalationReason;
};

// Recipients per level for a job's run: the company's managers (by company) and the group centre.
export function escalationRecipients() {
  const cache = new Map<string, string[]>();
  return async (db: Db, level: 'company' | 'group', row: { companyId: string; projectId: string }) => {
    const key = level === 'group' ? 'group' : `company:${row.companyId}`;
    let ids = cache.get(key);
    if (!ids) {
      ids = await usersResponsibleFor(db, LEVEL_ROLES[level], { companyId: row.companyId, projectId: row.projectId, level });
      cache.set(key, ids);
    }
    return ids;
  };
}

// What the scheduled jobs write for complaints they raised (the rows already updated): the
// 'escalated' events and the notices to each level reached — as applyEscalation does for one
// complaint, here as whole columns (unnest), one statement each per batch.
export async function writeEscalationEffects(tx: Db, items: readonly BatchEscalation[], now: Date, recipients: ReturnType<typeof escalationRecipients>, actorName = '系统') {
  if (!items.length) return;
  const at = now.toISOString();
  await tx.execute(sql`INSERT INTO complaint_events (id, company_id, complaint_id, kind, from_value, to_value, content, public, actor_name, at)
    SELECT e.id, e.company_id, e.complaint_id, 'escalated', e.from_value, e.to_value, e.content, false, ${actorName}, ${at}::timestamptz
    FROM unnest(${pgArray(items.map(() => uuidv7()))}::uuid[], ${pgArray(items.map((x) => x.row.companyId))}::uuid[], ${pgArray(items.map((x) => x.row.id))}::uuid[],
                ${pgArray(items.map((x) => x.from))}::text[], ${pgArray(items.map((x) => x.level))}::text[], ${pgArray(items.map((x) => ESCALATION_REASON_LABELS[x.reason]))}::text[])
      AS e(id, company_id, complaint_id, from_value, to_value, content)`);
  const notices: Array<{ userId: string; companyId: string; title: string; body: string; link: string }> = [];
  for (const x of items) {
    for (const level of levelsToTell(x.from, x.level, x.reason)) {
      const n = escalationNotice(x.row, x.level, x.reason);
      for (const userId of await recipients(tx, level, x.row)) notices.push({ userId, companyId: n.companyId, title: n.title, body: n.body, link: n.link });
    }
  }
  if (!notices.length) return;
  await tx.execute(sql`INSERT INTO notifications (id, user_id, company_id, kind, title, body, link, created_at)
    SELECT n.id, n.user_id, n.company_id, 'escalation', n.title, n.body, n.link, ${at}::timestamptz
    FROM unnest(${pgArray(notices.map(() => uuidv7()))}::uuid[], ${pgArray(notices.map((n) => n.userId))}::uuid[], ${pgArray(notices.map((n) => n.companyId))}::uuid[],
                ${pgArray(notices.map((n) => n.title))}::text[], ${pgArray(notices.map((n) => n.body))}::text[], ${pgArray(notices.map((n) => n.link))}::text[])
      AS n(id, user_id, company_id, title, body, link)`);
}
