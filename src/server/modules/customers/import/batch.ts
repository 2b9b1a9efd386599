import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CustomerCreate } from '../../../../common/contracts/customers.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../platform/access/principal.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { eventRow, type EventInput } from '../queries.ts';
import { nameSearchKeys, nextFollowUpDue, type FollowUpSettings } from '../rules.ts';
import { customers, interestEvents, projectInterests } from '../tables.ts';
import { bulkInsert, inList } from './bulk.ts';
import { validateRow, type RowContext } from './mapping.ts';
import type { SheetRow } from './parse.ts';
import { customerImportRows } from './tables.ts';

export const POOL_REASON = '导入待分配';

export type BatchSetup = {
  importId: string;
  fileName: string;
  project: { id: string; companyId: string; name: string };
  // The importer when they may own prospects in the project; otherwise new prospects go to the pool.
  owner: { id: string; name: string; teamId: string | null } | null;
  createdBy: string;
  settings: FollowUpSettings;
  actor: Actor;
  rowContext: RowContext;
  // Customers created by earlier batches of this import → the row that created them (so a later
  // row with the same mobile is reported as a duplicate within the file).
  importedRows: Map<string, number>;
};
export type BatchCounts = { imported: number; merged: number; rejected: number };
type RowResult = { rowNo: number; raw: string[]; status: 'imported' | 'merged' | 'rejected'; reason: string; customerId: string | null };
type Candidate = { result: RowResult; input: CustomerCreate };
type ProfileRow = ReturnType<typeof profileRow>;

function profileRow(s: BatchSetup, input: CustomerCreate, now: Date) {
  const { projectId: _p, grade: _g, stage: _s, ownerId: _o, consent: _c, ...profile } = input;
  const keys = nameSearchKeys(profile.name);
  return { id: uuidv7(), ...profile, namePinyin: keys.pinyin, nameInitials: keys.initials, mobileTail: profile.mobile.slice(-4), createdBy: s.createdBy, createdAt: now, updatedAt: now };
}

function interestRow(s: BatchSetup, customerId: string, input: CustomerCreate, now: Date) {
  const owned = s.owner
    ? { ownerId: s.owner.id, ownerTeamId: s.owner.teamId, inPool: false, poolReason: '', assignedAt: now, nextFollowUpAt: nextFollowUpDue(now, input.grade, s.settings) }
    : { ownerId: null, ownerTeamId: null, inPool: true, poolReason: POOL_REASON, assignedAt: null, nextFollowUpAt: null };
  return { id: uuidv7(), companyId: s.project.companyId, projectId: s.project.id, customerId, channel: input.sourceChannel, stage: input.stage, grade: input.grade, ...owned, createdAt: now, updatedAt: now };
}

export type PreparedBatch = { rows: SheetRow[]; results: RowResult[]; valid: Candidate[]; first: Map<string, Candidate>; profiles: Map<string, ProfileRow> };

// The database-free half of a batch: validate every row and build the would-be customer of the
// first row of each mobile. The runner does it for the next batch while this one is written.
export function prepareBatch(s: BatchSetup, rows: SheetRow[], now: Date): PreparedBatch {
  const results: RowResult[] = [];
  const valid: Candidate[] = [];
  for (const row of rows) {
    const outcome = validateRow(row.cells, s.rowContext);
    const result: RowResult = { rowNo: row.rowNo, raw: row.cells, status: 'rejected', reason: outcome.ok ? '' : outcome.reason, customerId: null };
    results.push(result);
    if (outcome.ok) valid.push({ result, input: outcome.input });
  }
  const first = new Map<string, Candidate>();
  for (const v of valid) if (!first.has(v.input.mobile)) first.set(v.input.mobile, v);
  const profiles = new Map<string, ProfileRow>();
  for (const [m, v] of first) profiles.set(m, profileRow(s, v.input, now));
  return { rows, results, valid, first, profiles };
}

// One batch inside the caller's transaction: 判重 by mobile against the group and earlier rows of
// the file, then one INSERT each for customers, interests, events and row outcomes, and one audit
// entry summarising the batch.
export async function writeBatch(tx: Db, s: BatchSetup, b: PreparedBatch, now: Date): Promise<BatchCounts> {
  const mobiles = [...b.first.keys()];
  // Who is already in the group; a concurrent insert of the same mobile (someone typing the
  // person in right now) makes them existing too.
  const existing = new Map<string, string>();
  const lookup = async (ms: string[]) => {
    if (!ms.length) return;
    const found = await tx.select({ id: customers.id, mobile: customers.mobile }).from(customers).where(and(inList(customers.mobile, ms, 'text'), isNull(customers.erasedAt)));
    for (const c of found) existing.set(c.mobile, c.id);
  };
  await lookup(mobiles);
  const fresh = mobiles.filter((m) => !existing.has(m)).map((m) => ({ ...b.profiles.get(m)!, createdAt: now, updatedAt: now }));
  const created = new Map<string, string>();
  if (fresh.length) {
    const inserted = await bulkInsert(tx, customers, fresh, { onConflictDoNothing: true, returning: ['id', 'mobile'] });
    for (const c of inserted) created.set(String(c.mobile), String(c.id));
    await lookup(fresh.filter((c) => !created.has(c.mobile)).map((c) => c.mobile));
  }

  const existingIds = [...existing.values()];
  const registered = new Set<string>();
  if (existingIds.length) {
    const interests = await tx.select({ customerId: projectInterests.customerId }).from(projectInterests).where(and(eq(projectInterests.projectId, s.project.id), inList(projectInterests.customerId, existingIds, 'uuid')));
    for (const i of interests) registered.add(i.customerId);
  }

  const newInterests: ReturnType<typeof interestRow>[] = [];
  for (const [m, v] of b.first) {
    const createdId = created.get(m);
    const customerId = createdId ?? existing.get(m);
    if (!customerId) {
      v.result.reason = '该手机号正在被登记，请稍后重新导入该行';
      continue;
    }
    Object.assign(v.result, { customerId, status: createdId ? 'imported' : 'merged' });
    if (!createdId) {
      const earlierRow = s.importedRows.get(customerId);
      v.result.reason = earlierRow ? `与第 ${earlierRow} 行手机号重复，已合并` : registered.has(customerId) ? '客户已存在（手机号相同），已在本项目登记' : '客户已存在（手机号相同），已登记到本项目';
    }
    if (!registered.has(customerId)) newInterests.push(interestRow(s, customerId, v.input, now));
  }
  for (const v of b.valid) {
    const head = b.first.get(v.input.mobile)!;
    if (head === v) continue;
    if (!head.result.customerId) v.result.reason = head.result.reason;
    else Object.assign(v.result, { status: 'merged', customerId: head.result.customerId, reason: `与第 ${head.result.rowNo} 行手机号重复，已合并` });
  }

  if (newInterests.length) {
    const addedRows = await bulkInsert(tx, projectInterests, newInterests, { onConflictDoNothing: true, returning: ['id'] });
    const added = new Set(addedRows.map((a) => String(a.id)));
    const events: EventInput[] = [];
    for (const i of newInterests.filter((n) => added.has(n.id))) {
      const base = { companyId: s.project.companyId, interestId: i.id, customerId: i.customerId };
      events.push({ ...base, type: 'created', to: i.stage });
      events.push(s.owner ? { ...base, type: 'owner', from: null, to: s.owner.name, reason: '批量导入' } : { ...base, type: 'pooled', from: null, to: null, reason: POOL_REASON });
    }
    await bulkInsert(tx, interestEvents, events.map((e) => eventRow(s.actor, now, e)));
  }

  await bulkInsert(tx, customerImportRows, b.results.map((r) => ({ importId: s.importId, ...r })));
  const counts: BatchCounts = { imported: 0, merged: 0, rejected: 0 };
  for (const r of b.results) counts[r.status]++;
  await recordAudit(tx, s.actor, now, {
    action: 'create',
    entityType: 'customer_import',
    entityId: s.importId,
    entityLabel: `导入客户「${s.fileName}」第 ${b.rows[0].rowNo}–${b.rows[b.rows.length - 1].rowNo} 行：新增 ${counts.imported}，合并 ${counts.merged}，拒绝 ${counts.rejected}（${s.project.name}）`,
    companyId: s.project.companyId,
    changes: { imported: { before: null, after: counts.imported }, merged: { before: null, after: counts.merged }, rejected: { before: null, after: counts.rejected } },
  });
  return counts;
}
