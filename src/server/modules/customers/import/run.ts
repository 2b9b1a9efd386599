import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SourceChannel } from '../../../../common/customers.ts';
import type { Db } from '../../../db/client.ts';
import type { DataScope, Role } from '../../../../common/roles.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { projects } from '../../org/tables.ts';
import { users } from '../../users/tables.ts';
import { requireOwner } from '../owners.ts';
import { salesSettingsFor } from '../settings.ts';
import { activeTagNames } from '../tags.ts';
import { prepareBatch, writeBatch, type BatchCounts, type BatchSetup } from './batch.ts';
import { checkMapping } from './mapping.ts';
import { parseSpreadsheet } from './parse.ts';
import { customerImportRows, customerImports } from './tables.ts';

export const IMPORT_BATCH = 1000;

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
type ImportRow = Omit<typeof customerImports.$inferSelect, 'file'>;

export type RunOptions = {
  // Stop after this many batches (tests of resuming).
  maxBatches?: number;
  // Called inside each batch's transaction just before it commits (tests of crashing).
  beforeCommit?: (batchNo: number, counts: BatchCounts) => Promise<void>;
};

export async function markImportFailed(db: Db, id: string, error: string, now: Date) {
  await db.update(customerImports).set({ status: 'failed', error, file: null, finishedAt: now, updatedAt: now }).where(eq(customerImports.id, id));
}

async function importedRowsOf(db: Db, importId: string): Promise<Map<string, number>> {
  const r = customerImportRows;
  const rows = await db.select({ customerId: r.customerId, rowNo: r.rowNo }).from(r).where(and(eq(r.importId, importId), eq(r.status, 'imported')));
  return new Map(rows.map((x) => [x.customerId ?? '', x.rowNo]));
}

// The job acts as the importer: the audit log and the prospects' history name them.
async function setupFor(db: Db, imp: ImportRow, columns: string[]): Promise<BatchSetup> {
  const [project] = await db.select({ id: projects.id, companyId: projects.companyId, name: projects.name }).from(projects).where(eq(projects.id, imp.projectId));
  let owner: BatchSetup['owner'] = null;
  try {
    const u = await requireOwner(db, imp.createdBy, imp.projectId);
    owner = { id: u.id, name: u.name, teamId: u.teamId };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  const [u] = await db.select().from(users).where(eq(users.id, imp.createdBy));
  const principal: Principal = { kind: 'user', userId: u.id, username: u.username, displayName: imp.createdByName, role: u.role as Role, scope: u.scope as DataScope, companyId: u.companyId, teamId: u.teamId, projectIds: [] };
  const defaultSourceChannel = (imp.defaultSourceChannel as SourceChannel | null) ?? null;
  return {
    importId: imp.id,
    fileName: imp.fileName,
    project,
    owner,
    createdBy: imp.createdBy,
    settings: await salesSettingsFor(db, imp.projectId),
    actor: { principal, ip: imp.actorIp },
    rowContext: { projectId: imp.projectId, defaultSourceChannel, index: checkMapping(columns, imp.mapping, defaultSourceChannel), activeTags: await activeTagNames(db) },
    importedRows: await importedRowsOf(db, imp.id),
  };
}

// Process an import from its first unprocessed row, one transaction per batch of 1,000 rows: the
// batch's customers, interests, events, row outcomes, audit entry and the import's counters
// commit together, so a crash loses no committed batch and leaves no partial one. Safe to run
// twice at once (the import row is locked per batch and `processed` re-read under the lock).
export async function runCustomerImport(db: Db, importId: string, clock: Clock, opts: RunOptions = {}): Promise<ImportStatus | 'missing'> {
  // The file travels as base64 text: PGlite converts a large bytea parameter or result slowly.
  const { file: _f, ...columns } = getTableColumns(customerImports);
  const [imp] = await db.select({ ...columns, fileBase64: sql<string | null>`encode(${customerImports.file}, 'base64')` }).from(customerImports).where(eq(customerImports.id, importId));
  if (!imp) return 'missing';
  if (imp.status === 'done' || imp.status === 'failed') return imp.status;
  if (!imp.fileBase64) {
    await markImportFailed(db, importId, '导入文件已丢失，请重新上传', clock.now());
    return 'failed';
  }
  let sheet: Awaited<ReturnType<typeof parseSpreadsheet>>;
  let setup: BatchSetup;
  try {
    sheet = await parseSpreadsheet(imp.fileName, Buffer.from(imp.fileBase64, 'base64'));
    setup = await setupFor(db, imp, sheet.columns);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await markImportFailed(db, importId, err.message, clock.now());
    return 'failed';
  }
  if (imp.status === 'queued') await db.update(customerImports).set({ status: 'running', updatedAt: clock.now() }).where(eq(customerImports.id, importId));

  // Each batch is validated before its transaction opens (PGlite has one connection: the
  // transaction should hold it only while writing) and again inside only if another worker moved on.
  let next = imp.processed;
  for (let batchNo = 0; ; batchNo++) {
    if (opts.maxBatches !== undefined && batchNo >= opts.maxBatches) return 'running';
    let from = next;
    let prepared = prepareBatch(setup, sheet.rows.slice(from, from + IMPORT_BATCH), clock.now());
    const result = await db.transaction(async (tx): Promise<{ status: ImportStatus; processed: number }> => {
      const [cur] = await tx.select({ processed: customerImports.processed, status: customerImports.status }).from(customerImports).where(eq(customerImports.id, importId)).for('update');
      if (!cur || cur.status === 'done' || cur.status === 'failed') return { status: (cur?.status as ImportStatus | undefined) ?? 'failed', processed: cur?.processed ?? 0 };
      const now = clock.now();
      if (cur.processed !== from) {
        from = cur.processed;
        prepared = prepareBatch(setup, sheet.rows.slice(from, from + IMPORT_BATCH), now);
      }
      const counts = prepared.rows.length ? await writeBatch(tx, setup, prepared, now) : { imported: 0, merged: 0, rejected: 0 };
      const processed = from + prepared.rows.length;
      const finished = processed >= sheet.rows.length;
      const t = customerImports;
      await tx
        .update(t)
        .set({
          processed,
          imported: sql`${t.imported} + ${counts.imported}`,
          merged: sql`${t.merged} + ${counts.merged}`,
          rejected: sql`${t.rejected} + ${counts.rejected}`,
          status: finished ? 'done' : 'running',
          // The rows are kept with their outcomes; the file is no longer needed.
          ...(finished ? { file: null, finishedAt: now } : {}),
          updatedAt: now,
        })
        .where(eq(t.id, importId));
      await opts.beforeCommit?.(batchNo, counts);
      return { status: finished ? 'done' : 'running', processed };
    });
    if (result.status !== 'running') return result.status;
    // Committed: later batches may now refer to this one's new customers.
    for (const r of prepared.results) if (r.status === 'imported' && r.customerId) setup.importedRows.set(r.customerId, r.rowNo);
    next = result.processed;
  }
}
