import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Changes } from './record.ts';
import { auditLogs } from './tables.ts';

export const REDACTED = '已删除';

// What to take out of the audit entries about erased records: each text wherever it appears in
// a label or a recorded value, and the whole value of the named fields (a customer's occupation,
// addresses…), on the entries of the listed records.
export type Redaction = { entityIds: string[]; texts: { find: string; replaceWith: string }[]; fields: string[] };

function redactText(value: string, texts: Redaction['texts']): string {
  let out = value;
  for (const t of texts) if (t.find) out = out.split(t.find).join(t.replaceWith);
  return out;
}

function redactValue(value: unknown, texts: Redaction['texts']): unknown {
  if (typeof value === 'string') return redactText(value, texts);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, texts));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, texts)]));
  return value;
}

export function redactChanges(changes: Changes, r: Pick<Redaction, 'texts' | 'fields'>): Changes {
  const fields = new Set(r.fields);
  const out: Changes = {};
  const wipe = (v: unknown) => (v === null || v === '' || (Array.isArray(v) && v.length === 0) ? v : REDACTED);
  for (const [key, entry] of Object.entries(changes)) {
    const redact = fields.has(key) ? wipe : (v: unknown) => redactValue(v, r.texts);
    // Spread first: keys keep their stored order, so an untouched entry compares equal.
    out[key] = { ...entry, before: redact(entry.before), after: redact(entry.after) };
  }
  return out;
}

// Rewrites the matching entries inside the caller's transaction (the audit table's trigger
// allows only this, only for label and changes, and only when the transaction declares it).
// Returns how many entries changed.
export async function redactAudit(tx: Db, r: Redaction): Promise<number> {
  if (r.entityIds.length === 0) return 0;
  const rows = await tx.select({ id: auditLogs.id, entityLabel: auditLogs.entityLabel, changes: auditLogs.changes }).from(auditLogs).where(inArray(auditLogs.entityId, r.entityIds));
  const changed = rows
    .map((row) => ({ id: row.id, before: row, entityLabel: redactText(row.entityLabel, r.texts), changes: row.changes ? redactChanges(row.changes, r) : null }))
    .filter((row) => row.entityLabel !== row.before.entityLabel || JSON.stringify(row.changes) !== JSON.stringify(row.before.changes));
  if (changed.length === 0) return 0;
  await tx.execute(sql`SELECT set_config('keyuan.audit_redaction', 'on', true)`);
  for (const row of changed) {
    await tx.update(auditLogs).set({ entityLabel: row.entityLabel, changes: row.changes }).where(eq(auditLogs.id, row.id));
  }
  await tx.execute(sql`SELECT set_config('keyuan.audit_redaction', 'off', true)`);
  return changed.length;
}
