import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { maskMobile } from '../../../../common/validators.ts';
import type { Database, Db } from '../../../db/client.ts';
import type { Actor, Principal } from '../../../platform/access/principal.ts';
import { canSeeProject } from '../../../platform/access/scope.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { requireProject } from '../../org/projects.ts';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, suggestMapping } from './fields.ts';
import { checkMapping } from './mapping.ts';
import { MAX_IMPORT_ROWS, parseSpreadsheet } from './parse.ts';
import { enqueueCustomerImport } from './queue.ts';
import type { ImportCreateBody, ImportStatusView } from './schemas.ts';
import { customerImportRows, customerImports } from './tables.ts';
import { buildXlsx } from './xlsx.ts';

const decode = (fileBase64: string) => Buffer.from(fileBase64, 'base64');

export async function previewImport(body: { fileName: string; fileBase64: string }) {
  const sheet = await parseSpreadsheet(body.fileName, decode(body.fileBase64), { limit: 5 });
  return {
    columns: sheet.columns,
    sample: sheet.rows.map((r) => r.cells),
    suggested: suggestMapping(sheet.columns),
    fields: IMPORT_FIELDS.map((field) => ({ field, label: IMPORT_FIELD_LABELS[field] })),
  };
}

// Check the file and mapping now (so the user hears about a bad file at once), store the file
// with the import, and queue the job. Nothing is written to local disk.
export async function createImport(ctx: { database: Database; now: Date; actor: Actor; principal: Principal }, body: ImportCreateBody): Promise<{ id: string }> {
  const { db } = ctx.database;
  const project = await requireProject(db, ctx.principal, body.projectId);
  const file = decode(body.fileBase64);
  const sheet = await parseSpreadsheet(body.fileName, file);
  if (!sheet.rows.length) throw new AppError('VALIDATION_FAILED', '文件中没有数据行', [{ field: 'fileBase64', message: '文件中没有数据行' }]);
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    const message = `单次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行，请拆分文件后分批导入`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'fileBase64', message }]);
  }
  const mapping = Object.fromEntries(Object.entries(body.mapping ?? suggestMapping(sheet.columns)).filter(([, f]) => f));
  checkMapping(sheet.columns, mapping, body.defaultSourceChannel ?? null);
  const p = ctx.principal;
  const row = {
    id: uuidv7(),
    companyId: project.companyId,
    projectId: project.id,
    createdBy: p.userId,
    createdByName: p.displayName + (p.kind === 'token' ? '（API 令牌）' : ''),
    actorIp: ctx.actor.ip,
    fileName: body.fileName,
    // Stored from the base64 text: PGlite converts a large bytea parameter slowly.
    file: sql`decode(${body.fileBase64}, 'base64')`,
    columns: sheet.columns,
    mapping,
    defaultSourceChannel: body.defaultSourceChannel ?? null,
    status: 'queued',
    total: sheet.rows.length,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await db.insert(customerImports).values(row);
  try {
    await enqueueCustomerImport(ctx.database, row.id);
  } catch (err) {
    await db.delete(customerImports).where(eq(customerImports.id, row.id));
    throw err;
  }
  return { id: row.id };
}

// The importer, or anyone who may import into the import's project.
async function visibleImport(db: Db, p: Principal, id: string) {
  const { file: _f, ...cols } = getTableColumns(customerImports);
  const [imp] = await db.select(cols).from(customerImports).where(eq(customerImports.id, id));
  if (!imp || (imp.createdBy !== p.userId && !canSeeProject(p, { companyId: imp.companyId, projectId: imp.projectId }))) throw notFound('导入任务');
  return imp;
}

export async function getImport(db: Db, p: Principal, id: string): Promise<ImportStatusView> {
  const imp = await visibleImport(db, p, id);
  return {
    id: imp.id,
    projectId: imp.projectId,
    fileName: imp.fileName,
    status: imp.status as ImportStatusView['status'],
    total: imp.total,
    processed: imp.processed,
    imported: imp.imported,
    merged: imp.merged,
    rejected: imp.rejected,
    columns: imp.columns,
    error: imp.error,
    createdAt: imp.createdAt.toISOString(),
  };
}

const STATUS_LABELS: Record<string, string> = { imported: '导入', merged: '合并', rejected: '拒绝' };

// Every processed row with its outcome; mobiles masked (the report is a file that travels). It
// carries names, so its download is audited like any export.
export async function importReport(ctx: { db: Db; now: Date; actor: Actor; principal: Principal }, id: string): Promise<{ fileName: string; buffer: Buffer }> {
  const { db } = ctx;
  const imp = await visibleImport(db, ctx.principal, id);
  const at = (field: string) => imp.columns.findIndex((c) => imp.mapping[c] === field);
  const [nameAt, mobileAt] = [at('name'), at('mobile')];
  const r = customerImportRows;
  const buffer = await buildXlsx('导入结果', [{ header: '行号', width: 8 }, { header: '状态', width: 8 }, { header: '原因', width: 60 }, { header: '姓名', width: 14 }, { header: '手机号', width: 16 }], async (add) => {
    for (let after = 0; ; ) {
      const page = await db.select({ rowNo: r.rowNo, status: r.status, reason: r.reason, raw: r.raw }).from(r).where(and(eq(r.importId, id), gt(r.rowNo, after))).orderBy(asc(r.rowNo)).limit(1000);
      for (const row of page) {
        const mobile = (mobileAt >= 0 ? row.raw[mobileAt] : '') ?? '';
        add([row.rowNo, STATUS_LABELS[row.status] ?? row.status, row.reason, nameAt >= 0 ? (row.raw[nameAt] ?? '') : '', mobile ? maskMobile(mobile.replace(/\D/g, '').slice(-11)) : '']);
      }
      if (page.length < 1000) return;
      after = page[page.length - 1].rowNo;
    }
  });
  await recordAudit(db, ctx.actor, ctx.now, { action: 'export', entityType: 'customer_import', entityId: imp.id, entityLabel: `导入结果明细「${imp.fileName}」`, companyId: imp.companyId });
  return { fileName: imp.fileName.replace(/\.[^.]+$/, ''), buffer };
}

// For the erasure of a customer's personal data (privacy.ts): the cells of their rows in past
// imports are personal data too. (Rejected rows name no customer and keep their cells.)
export async function eraseCustomerImportRows(db: Db, customerId: string): Promise<void> {
  await db.update(customerImportRows).set({ raw: [], reason: '' }).where(eq(customerImportRows.customerId, customerId));
}
