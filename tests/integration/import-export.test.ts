import { and, asc, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerImportRows, customerImports } from '../../src/server/modules/customers/import/tables.ts';
import { registerCustomerImportWorker } from '../../src/server/modules/customers/import/queue.ts';
import { runCustomerImport } from '../../src/server/modules/customers/import/run.ts';
import { eraseCustomerImportRows } from '../../src/server/modules/customers/import/service.ts';
import { customers, interestEvents, projectInterests } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { createJobs, type Jobs } from '../../src/server/platform/jobs/jobs.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

const silent = { error: () => undefined } as unknown as Parameters<typeof createJobs>[0]['log'];

// GB18030 bytes for a string, from the decoder's own table (Node has no GBK encoder).
let gbk: Map<string, number[]> | undefined;
function encodeGb18030(s: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) gbk.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  }
  return Buffer.from([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbk!.get(ch)!)));
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvText = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

async function xlsxFile(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(payload: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe.each(dbKinds())('customer import and export on %s', (kind) => {
  let t: TestApp;
  let jobs: Jobs;
  beforeAll(async () => {
    t = await createTestApp(kind);
    jobs = createJobs({ database: t.database, clock: t.clock, log: silent, tickMs: 0, pollingSeconds: 0.5 });
    await jobs.start();
    await registerCustomerImportWorker(jobs, t.database, { clock: t.clock, pollingSeconds: 0.5 });
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  const upload = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/customer-imports', { cookie: await t.as(username), body });
  async function finished(username: string, id: string) {
    const until = Date.now() + 20_000;
    for (;;) {
      const res = await t.call('GET', `/api/v1/customer-imports/${id}`, { cookie: await t.as(username) });
      expect(res.statusCode, res.body).toBe(200);
      if (['done', 'failed'].includes(res.json().status) || Date.now() > until) return res.json();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const byMobile = (mobile: string) => t.database.db.select().from(customers).where(eq(customers.mobile, mobile));
  const rowsOf = (id: string) => t.database.db.select().from(customerImportRows).where(eq(customerImportRows.importId, id)).orderBy(asc(customerImportRows.rowNo));

  let csvImportId = '';
  it('previews a GB18030 CSV: columns, first rows and mappings suggested from Chinese headers', async () => {
    const rows = [['客户姓名', '手机', '性别', '来源渠道', '标签', '等级', '客户类型', '备注'], ...Array.from({ length: 7 }, (_, i) => [`客户${i}`, `1380000010${i}`, '男', '自然到访', '', 'B', '', ''])];
    const res = await t.call('POST', '/api/v1/customer-imports/preview', { cookie: await t.as('salesmgr'), body: { fileName: '客户.csv', fileBase64: encodeGb18030(csvText(rows)).toString('base64') } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual(rows[0]);
    expect(body.sample).toHaveLength(5);
    expect(body.sample[0]).toEqual(rows[1]);
    expect(body.suggested).toEqual({ 客户姓名: 'name', 手机: 'mobile', 性别: 'gender', 来源渠道: 'sourceChannel', 标签: 'tags', 等级: 'grade', 客户类型: 'buyerType' });
  });

  it('imports a CSV through the job: new, existing (merged, no second person), in-file duplicate and bad rows', async () => {
    const existing = await t.call('POST', '/api/v1/customers', { cookie: await t.as('consultant'), body: { projectId: t.world.a1.id, name: '王五', mobile: '13900000001', sourceChannel: 'hotline' } });
    expect(existing.statusCode, existing.body).toBe(201);
    const csv = csvText([
      ['姓名', '手机号', '性别', '来源', '标签', '等级', '客户类型', '备注'],
      ['张三', '13800000001', '男', '自然到访', '学区，改善', 'A', '首次置业', '说过"再看看", 周末来'],
      ['李四', '138 0000 0002', '女', '400 热线', '', 'B级', '', '多行\n备\0注'],
      ['王五', '13900000001', '男', '自然到访', '', 'C', '', ''],
      ['张三丰', '13800000001', '男', '', '', '', '', ''],
      ['赵六', '12345', '男', '自然到访', '', '', '', ''],
      ['', '13800000006', '女', '自然到访', '', '', '', ''],
      ['孙八', '13800000008', '男', '火星渠道', '', '', '', ''],
    ]);
    const fileBase64 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]).toString('base64');
    const res = await upload('salesmgr', { projectId: t.world.a1.id, fileName: '客户名单.csv', fileBase64, defaultSourceChannel: 'walk_in' });
    expect(res.statusCode, res.body).toBe(202);
    csvImportId = res.json().id;
    const status = await finished('salesmgr', csvImportId);
    expect(status).toMatchObject({ status: 'done', total: 7, processed: 7, imported: 2, merged: 2, rejected: 3, error: null, fileName: '客户名单.csv', projectId: t.world.a1.id });
    expect(status.columns).toEqual(['姓名', '手机号', '性别', '来源', '标签', '等级', '客户类型', '备注']);

    const rows = await rowsOf(csvImportId);
    expect(rows.map((r) => [r.rowNo, r.status])).toEqual([[2, 'imported'], [3, 'imported'], [4, 'merged'], [5, 'merged'], [6, 'rejected'], [7, 'rejected'], [8, 'rejected']]);
    expect(rows[0].raw).toEqual(['张三', '13800000001', '男', '自然到访', '学区，改善', 'A', '首次置业', '说过"再看看", 周末来']);
    expect(rows[1].raw[7]).toBe('多行\n备注'); // a NUL character cannot be stored and is dropped
    expect(rows[2].reason).toBe('客户已存在（手机号相同），已在本项目登记');
    expect(rows[3].reason).toBe('与第 2 行手机号重复，已合并');
    expect(rows[4].reason).toBe('手机号：请输入正确的 11 位手机号');
    expect(rows[5].reason).toBe('姓名：请输入客户姓名');
    expect(rows[6].reason).toMatch(/^来源渠道：无法识别「火星渠道」/);

    // One person per mobile; the existing customer keeps their one interest and owner.
    const [zhang] = await byMobile('13800000001');
    expect(await byMobile('13800000001')).toHaveLength(1);
    expect(zhang).toMatchObject({ name: '张三', gender: 'male', sourceChannel: 'walk_in', tags: ['学区', '改善'], buyerType: 'first_purchase', namePinyin: 'zhangsan', createdBy: t.world.users.salesmgr.id });
    expect(rows[3].customerId).toBe(zhang.id);
    const [li] = await byMobile('13800000002');
    expect(li).toMatchObject({ name: '李四', gender: 'female', sourceChannel: 'hotline' });
    const wang = await byMobile('13900000001');
    expect(wang).toHaveLength(1);
    const wangInterests = await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, wang[0].id));
    expect(wangInterests.map((i) => i.ownerId)).toEqual([t.world.users.consultant.id]);
    const [interest] = await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, zhang.id));
    expect(interest).toMatchObject({ projectId: t.world.a1.id, ownerId: t.world.users.salesmgr.id, ownerTeamId: t.world.teamA1.id, grade: 'A', stage: 'potential', channel: 'walk_in', inPool: false });
    const events = await t.database.db.select().from(interestEvents).where(eq(interestEvents.interestId, interest.id));
    expect(events.map((e) => e.type).sort()).toEqual(['created', 'owner']);
    expect(events.find((e) => e.type === 'owner')).toMatchObject({ toValue: 'salesmgr', reason: '批量导入', actorId: t.world.users.salesmgr.id });
    expect(await byMobile('13800000006')).toHaveLength(0);

    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'customer_import'), eq(auditLogs.entityId, csvImportId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorId: t.world.users.salesmgr.id, companyId: t.world.companyA.id });
    expect(audit[0].entityLabel).toContain('新增 2，合并 2，拒绝 3');
    const [stored] = await t.database.db.select({ file: customerImports.file }).from(customerImports).where(eq(customerImports.id, csvImportId));
    expect(stored.file).toBeNull();
  });

  it('reports every row with its outcome in Chinese and masked mobiles', async () => {
    const res = await t.call('GET', `/api/v1/customer-imports/${csvImportId}/report`, { cookie: await t.as('salesmgr') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]).toEqual(['行号', '状态', '原因', '姓名', '手机号']);
    expect(sheet.slice(1).map((r) => [r[0], r[1]])).toEqual([['2', '导入'], ['3', '导入'], ['4', '合并'], ['5', '合并'], ['6', '拒绝'], ['7', '拒绝'], ['8', '拒绝']]);
    expect(sheet[1]).toEqual(['2', '导入', '', '张三', '138****0001']);
    expect(sheet[5]).toEqual(['6', '拒绝', '手机号：请输入正确的 11 位手机号', '赵六', '****']);
    expect(sheet[6][2]).toBe('姓名：请输入客户姓名');
    expect(JSON.stringify(sheet)).not.toContain('13800000001');
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'export'), eq(auditLogs.entityId, csvImportId)));
    // Erasing a customer blanks their cells in past imports.
    const [li] = await byMobile('13800000002');
    await eraseCustomerImportRows(t.database.db, li.id);
    expect((await rowsOf(csvImportId)).filter((r) => r.customerId === li.id).map((r) => r.raw)).toEqual([[]]);
    expect(audit.map((a) => [a.entityType, a.entityLabel, a.actorId])).toEqual([['customer_import', '导入结果明细「客户名单.csv」', t.world.users.salesmgr.id]]);
  });

  it('imports an XLSX for marketing (who may not own prospects): new prospects go to the pool as 导入待分配', async () => {
    const file = await xlsxFile([
      ['姓名', '手机号码', '来源渠道', '身份证号', '等级'],
      ['张三', '13800000001', '房产网站', '', 'B'],
      ['周九', 13700000009, '活动', '', ''],
      ['吴十', '+86 137-0000-0010', '杂志', '', 'a'],
      ['郑十一', '13700000011', '活动', '110105194912310021', ''],
      ['周九', 13700000009, '活动', '', ''],
    ]);
    const preview = await t.call('POST', '/api/v1/customer-imports/preview', { cookie: await t.as('marketing'), body: { fileName: '活动名单.xlsx', fileBase64: file.toString('base64') } });
    expect(preview.json()).toMatchObject({ columns: ['姓名', '手机号码', '来源渠道', '身份证号', '等级'], suggested: { 姓名: 'name', 手机号码: 'mobile', 来源渠道: 'sourceChannel', 身份证号: 'idNumber', 等级: 'grade' } });
    expect(preview.json().sample[1]).toEqual(['周九', '13700000009', '活动', '', '']);
    const res = await upload('marketing', { projectId: t.world.a2.id, fileName: '活动名单.xlsx', fileBase64: file.toString('base64') });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    expect(await finished('marketing', id)).toMatchObject({ status: 'done', total: 5, imported: 2, merged: 2, rejected: 1 });
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.status)).toEqual(['merged', 'imported', 'imported', 'rejected', 'merged']);
    expect(rows[0].reason).toBe('客户已存在（手机号相同），已登记到本项目');
    expect(rows[3].reason).toBe('证件号：身份证号码格式或校验位不正确');
    expect(rows[4].reason).toBe('与第 3 行手机号重复，已合并');

    const [zhang] = await byMobile('13800000001');
    expect(await byMobile('13800000001')).toHaveLength(1);
    const zhangInterests = await t.database.db.select().from(projectInterests).where(eq(projectInterests.customerId, zhang.id)).orderBy(asc(projectInterests.projectId));
    expect(zhangInterests).toHaveLength(2);
    const pooled = await t.database.db.select().from(projectInterests).where(and(eq(projectInterests.projectId, t.world.a2.id), inArray(projectInterests.customerId, rows.map((r) => r.customerId!).filter(Boolean))));
    expect(pooled).toHaveLength(3);
    for (const p of pooled) expect(p).toMatchObject({ ownerId: null, inPool: true, poolReason: '导入待分配', nextFollowUpAt: null });
    const [wu] = await byMobile('13700000010');
    expect(wu).toMatchObject({ name: '吴十', sourceChannel: 'magazine' });
    expect(pooled.find((p) => p.customerId === wu.id)?.grade).toBe('A');
    const events = await t.database.db.select().from(interestEvents).where(inArray(interestEvents.interestId, pooled.map((p) => p.id)));
    expect(events.filter((e) => e.type === 'pooled').every((e) => e.reason === '导入待分配')).toBe(true);
    expect(events).toHaveLength(6);

    // The sales manager neither imported it nor works on 滨江项目.
    expect((await t.call('GET', `/api/v1/customer-imports/${id}`, { cookie: await t.as('salesmgr') })).statusCode).toBe(404);
  });

  it('refuses bad uploads with Chinese reasons, and projects outside the caller scope', async () => {
    const csv = Buffer.from(csvText([['姓名', '电话'], ['张三', '13800000001']])).toString('base64');
    const noChannel = await upload('salesmgr', { projectId: t.world.a1.id, fileName: 'a.csv', fileBase64: csv });
    expect(noChannel.statusCode).toBe(400);
    expect(noChannel.json().detail).toBe('请指定来源渠道列，或选择默认来源渠道');
    const noMobile = await upload('salesmgr', { projectId: t.world.a1.id, fileName: 'a.csv', fileBase64: csv, mapping: { 姓名: 'name' }, defaultSourceChannel: 'walk_in' });
    expect(noMobile.json().detail).toBe('请指定姓名列和手机号列');
    const xls = await upload('salesmgr', { projectId: t.world.a1.id, fileName: 'a.xls', fileBase64: csv, defaultSourceChannel: 'walk_in' });
    expect(xls.json().detail).toMatch(/不支持旧版 \.xls/);
    const empty = await upload('salesmgr', { projectId: t.world.a1.id, fileName: 'a.csv', fileBase64: Buffer.from('姓名,手机\r\n').toString('base64'), defaultSourceChannel: 'walk_in' });
    expect(empty.json().detail).toBe('文件中没有数据行');
    const otherCompany = await upload('salesmgr', { projectId: t.world.b1.id, fileName: 'a.csv', fileBase64: csv, defaultSourceChannel: 'walk_in' });
    expect(otherCompany.statusCode).toBe(404);
    // Larger than the app's default 1 MB body limit: these routes take up to 30 MB.
    const big = csvText([['姓名', '手机'], ...Array.from({ length: 60_000 }, (_, i) => [`客户${i}`, String(13100000000 + i)])]);
    const preview = await t.call('POST', '/api/v1/customer-imports/preview', { cookie: await t.as('salesmgr'), body: { fileName: 'big.csv', fileBase64: Buffer.from(big).toString('base64') } });
    expect(preview.statusCode, preview.body.slice(0, 200)).toBe(200);
  });

  it('resumes after a crash from the first unprocessed row: no committed batch lost, no partial batch kept', async () => {
    const data = Array.from({ length: 2500 }, (_, i) => [`批量${i}`, String(13500000000 + i)]);
    data[1600] = ['重复', data[10][1]]; // sheet row 1602 repeats row 12
    const file = Buffer.from(csvText([['姓名', '手机'], ...data]));
    const id = uuidv7();
    const now = t.clock.now();
    const { a1, companyA, users } = t.world;
    await t.database.db.insert(customerImports).values({ id, companyId: companyA.id, projectId: a1.id, createdBy: users.salesmgr.id, createdByName: 'salesmgr', fileName: 'big.csv', file, columns: ['姓名', '手机'], mapping: { 姓名: 'name', 手机: 'mobile' }, defaultSourceChannel: 'event', total: 2500, createdAt: now, updatedAt: now });
    const crash = runCustomerImport(t.database.db, id, t.clock, { beforeCommit: async (n) => { if (n === 1) throw new Error('killed'); } });
    await expect(crash).rejects.toThrow('killed');
    const [afterCrash] = await t.database.db.select().from(customerImports).where(eq(customerImports.id, id));
    expect(afterCrash).toMatchObject({ status: 'running', processed: 1000, imported: 1000 });
    expect((await rowsOf(id)).length).toBe(1000);
    expect(await byMobile(data[1500][1])).toHaveLength(0);

    expect(await runCustomerImport(t.database.db, id, t.clock, { maxBatches: 1 })).toBe('running');
    expect(await runCustomerImport(t.database.db, id, t.clock)).toBe('done');
    const [done] = await t.database.db.select().from(customerImports).where(eq(customerImports.id, id));
    expect(done).toMatchObject({ status: 'done', processed: 2500, imported: 2499, merged: 1, rejected: 0, file: null });
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.rowNo)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
    expect(rows[1600]).toMatchObject({ status: 'merged', reason: '与第 12 行手机号重复，已合并', customerId: rows[10].customerId });
    const [{ n }] = await t.database.db.select({ n: count() }).from(customers).where(inArray(customers.mobile, data.map((d) => d[1])));
    expect(Number(n)).toBe(2499);
    const audits = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'customer_import'), eq(auditLogs.entityId, id)));
    expect(audits).toHaveLength(3);
    expect(await runCustomerImport(t.database.db, id, t.clock)).toBe('done'); // a late retry changes nothing
  });

  it('lets two workers run the same import at once without doing any batch twice', async () => {
    const data = Array.from({ length: 2500 }, (_, i) => [`并发${i}`, String(13300000000 + i)]);
    const id = uuidv7();
    const now = t.clock.now();
    const { a2, companyA, users } = t.world;
    await t.database.db.insert(customerImports).values({ id, companyId: companyA.id, projectId: a2.id, createdBy: users.marketing.id, createdByName: 'marketing', fileName: 'twice.csv', file: Buffer.from(csvText([['姓名', '手机'], ...data])), columns: ['姓名', '手机'], mapping: { 姓名: 'name', 手机: 'mobile' }, defaultSourceChannel: 'event', total: 2500, createdAt: now, updatedAt: now });
    expect(await Promise.all([runCustomerImport(t.database.db, id, t.clock), runCustomerImport(t.database.db, id, t.clock)])).toEqual(['done', 'done']);
    const [done] = await t.database.db.select().from(customerImports).where(eq(customerImports.id, id));
    expect(done).toMatchObject({ processed: 2500, imported: 2500, merged: 0, rejected: 0 });
    expect((await rowsOf(id)).length).toBe(2500);
    const audits = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'customer_import'), eq(auditLogs.entityId, id)));
    expect(audits).toHaveLength(3);
  });

  it('exports the filtered prospects as xlsx: full mobiles only on prospects the caller owns, audited', async () => {
    const res = await t.call('GET', `/api/v1/customers/export?projectId=${t.world.a1.id}&q=13800000001`, { cookie: await t.as('salesmgr') });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="customers-2026-11-22\.xlsx"; filename\*=UTF-8''/);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]).toEqual(['客户姓名', '手机号', '项目', '置业顾问', '阶段', '等级', '来源渠道', '标签', '最近联系', '下次跟进']);
    expect(sheet.slice(1)).toEqual([['张三', '13800000001', '西溪项目', 'salesmgr', '潜在', 'A', '自然到访', '学区、改善', '', '2026-11-25']]);

    const all = await readXlsx((await t.call('GET', `/api/v1/customers/export?projectId=${t.world.a1.id}&sort=-createdAt`, { cookie: await t.as('salesmgr') })).rawPayload);
    const mobileOf = (name: string, s: string[][]) => s.find((r) => r[0] === name)?.[1];
    expect(all.length - 1).toBe(2502); // 张三, 李四, 王五 and 2,499 from the batch import
    expect(mobileOf('李四', all)).toBe('13800000002');
    expect(mobileOf('王五', all)).toBe('139****0001'); // the consultant's prospect
    const audit = await t.database.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'export'), eq(auditLogs.entityType, 'customer'), eq(auditLogs.actorId, t.world.users.salesmgr.id))).orderBy(asc(auditLogs.id));
    expect(audit.map((a) => a.entityLabel)).toEqual(['导出客户 1 条（搜索：13800000001；项目：西溪项目）', '导出客户 2502 条（项目：西溪项目）']);
    expect(audit[0]).toMatchObject({ entityType: 'customer', companyId: t.world.companyA.id });

    const mkt = await readXlsx((await t.call('GET', '/api/v1/customers/export?grade=A,B', { cookie: await t.as('marketing') })).rawPayload);
    expect(mkt.slice(1).map((r) => r[1]).sort()).toEqual(['138****0001', '138****0002']);
  });

  it('refuses roles without the permission', async () => {
    const consultant = await t.as('consultant');
    expect((await t.call('POST', '/api/v1/customer-imports', { cookie: consultant, body: { projectId: t.world.a1.id, fileName: 'a.csv', fileBase64: 'YQ==' } })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/v1/customer-imports/preview', { cookie: consultant, body: { fileName: 'a.csv', fileBase64: 'YQ==' } })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/customer-imports/${csvImportId}`, { cookie: consultant })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/customers/export', { cookie: consultant })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/customers/export', { cookie: await t.as('exec') })).statusCode).toBe(403);
  });
});
