import { v7 as uuidv7 } from 'uuid';
import type { AuditAction } from '../../../common/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/principal.ts';
import { auditLogs } from './tables.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export type AuditInput = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  entityLabel?: string;
  companyId?: string | null;
  changes?: Changes | null;
};

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return [...v].map(normalise);
  return v === undefined ? null : v;
}

// The fields that differ between two versions of a record (create: before = null; delete:
// after = null). Secrets and bookkeeping columns are never recorded.
const NEVER = new Set(['passwordHash', 'tokenHash', 'version', 'createdAt', 'updatedAt', 'buildingCount', 'unitCount', 'projectCount']);
export function diffChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Changes = {};
  for (const k of keys) {
    if (NEVER.has(k)) continue;
    const b = normalise(before?.[k]);
    const a = normalise(after?.[k]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: before ? b : null, after: after ? a : null };
  }
  return out;
}

function toRow(actor: Actor, at: Date, input: AuditInput) {
  return {
    id: uuidv7(),
    at,
    actorId: actor.principal?.userId ?? null,
    actorName: actor.principal ? actor.principal.displayName + (actor.principal.kind === 'token' ? '（API 令牌）' : '') : (actor.name ?? '匿名'),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    entityLabel: input.entityLabel ?? '',
    companyId: input.companyId ?? null,
    changes: input.changes ?? null,
    ip: actor.ip,
  };
}

// Append one entry. Call it with the same `db` (transaction) as the change it records, so a
// change and its audit entry commit or roll back together.
export async function recordAudit(db: Db, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  await db.insert(auditLogs).values(toRow(actor, at, input));
}

// Append several entries in one statement (batch creates).
export async function recordAuditMany(db: Db, actor: Actor, at: Date, inputs: AuditInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 1000) {
    await db.insert(auditLogs).values(inputs.slice(i, i + 1000).map((input) => toRow(actor, at, input)));
  }
}
