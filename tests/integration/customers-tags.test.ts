import { readFileSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerTag } from '../../src/common/contracts/customer-tags.ts';
import { customerImportRows } from '../../src/server/modules/customers/import/tables.ts';
import { runCustomerImport } from '../../src/server/modules/customers/import/run.ts';
import { customers, customerTags } from '../../src/server/modules/customers/tables.ts';
import { auditLogs } from '../../src/server/platform/audit/tables.ts';
import { seedProspect } from '../../src/server/seed/customers.ts';
import { seedUser } from '../../src/server/seed/factories.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';
import { TEST_PASSWORD } from '../fixtures/world.ts';

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

// The group's customer tag catalogue (标签库): who may maintain it, what a change does to the
// customers carrying a tag, and that every way into a customer's tags (create, edit, import)
// accepts only active catalogue entries — while a deactivated tag stays where it is.
describe.each(dbKinds())('customer tag catalogue on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { companyA, a1 } = t.world;
    // A CR manager whose scope was narrowed to one project may not change the group's catalogue.
    await seedUser(t.database.db, { username: 'crmproject', displayName: '项目客关', password: TEST_PASSWORD, role: 'company_cr_manager', scope: 'project', companyId: companyA.id, projectIds: [a1.id] }, t.clock.now());
  });
  afterAll(() => t.close());

  const list = async (username: string, query = '') => {
    const res = await t.call('GET', `/api/v1/customer-tags${query}`, { cookie: await t.as(username) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: CustomerTag[] }).items;
  };
  const tagNamed = async (name: string) => (await list('consultant')).find((x) => x.name === name)!;
  const createTag = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/customer-tags', { cookie: await t.as(username), body });
  const patchTag = async (username: string, id: string, body: Record<string, unknown>) => t.call('PATCH', `/api/v1/customer-tags/${id}`, { cookie: await t.as(username), body });
  const createCustomer = async (mobile: string, tags: string[]) =>
    t.call('POST', '/api/v1/customers', { cookie: await t.as('consultant'), body: { name: '林晓', mobile, projectId: t.world.a1.id, sourceChannel: 'walk_in', tags } });
  const tagAudits = (id: string) => t.database.db.select().from(auditLogs).where(and(eq(auditLogs.entityType, 'customer_tag'), eq(auditLogs.entityId, id))).orderBy(asc(auditLogs.id));

  it('lists the default catalogue grouped by category, to anyone signed in; active=true leaves out deactivated tags', async () => {
    const items = await list('consultant');
    const categories = [...new Set(items.map((x) => x.category))];
    expect(categories.slice(0, 5)).toEqual(['关注点', '购房偏好', '家庭', '渠道偏好', '客户特征']);
    // Each category's tags come together, in sort order.
    expect(items.filter((x) => x.category === '关注点').slice(0, 2).map((x) => x.name)).toEqual(['学区', '地铁']);
    expect(items.findIndex((x) => x.category === '购房偏好')).toBe(items.filter((x) => x.category === '关注点').length);
    // The demo data's and the existing tests' tags are all there and active.
    for (const name of ['学区', '改善', '首套', '投资', '地铁']) expect(items.find((x) => x.name === name), name).toMatchObject({ active: true });
    expect((await list('broker')).length).toBe(items.length);
    const unauthenticated = await t.call('GET', '/api/v1/customer-tags');
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('lets CR managers and the administrator maintain the catalogue, audited; others are refused', async () => {
    const refused = await createTag('consultant', { category: '关注点', name: '海景' });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as Problem).code).toBe('FORBIDDEN');
    const narrow = await createTag('crmproject', { category: '关注点', name: '海景' });
    expect(narrow.statusCode, narrow.body).toBe(403);
    expect((narrow.json() as Problem).detail).toContain('公司或集团数据范围');

    const res = await createTag('crm', { category: '关注点', name: ' 海景 ', sortOrder: 50 });
    expect(res.statusCode, res.body).toBe(201);
    const tag: CustomerTag = res.json();
    expect(tag).toMatchObject({ category: '关注点', name: '海景', sortOrder: 50, active: true, version: 1 });
    const [row] = await t.database.db.select().from(customerTags).where(eq(customerTags.id, tag.id));
    expect(row).toMatchObject({ name: '海景', active: true });
    const audits = await tagAudits(tag.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', actorId: t.world.users.crm.id, entityLabel: '关注点 / 海景', companyId: null });
    expect(audits[0].changes).toMatchObject({ name: { before: null, after: '海景' }, category: { before: null, after: '关注点' } });

    const admin = await createTag('admin', { category: '物业偏好', name: '管家服务' });
    expect(admin.statusCode, admin.body).toBe(201);
    const group = await createTag('groupcr', { category: '家庭', name: '养宠物' });
    expect(group.statusCode).toBe(409);
    expect(group.json()).toMatchObject({ code: 'TAG_NAME_TAKEN', errors: [{ field: 'name', message: '标签「养宠物」已在标签库中' }] });

    const bad = await createTag('crm', { category: '', name: '名字超过十六个字的一个非常非常长的标签' });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as Problem).errors!.map((e) => e.field).sort();
    expect(fields).toEqual(['category', 'name']);
    expect((bad.json() as Problem).errors!.find((e) => e.field === 'name')!.message).toBe('标签名称不能超过 16 个字');
    expect((await list('consultant')).filter((x) => x.name.startsWith('名字超过'))).toEqual([]);
  });

  it('renames a tag on every customer carrying it, with the customers’ versions moved on; a stale version is refused', async () => {
    const created = await createCustomer('13700000011', ['海景', '学区']);
    expect(created.statusCode, created.body).toBe(201);
    const tag = await tagNamed('海景');
    const stale = await patchTag('crm', tag.id, { name: '一线海景', version: tag.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('VERSION_CONFLICT');
    const clash = await patchTag('crm', tag.id, { name: '学区', version: tag.version });
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as Problem).code).toBe('TAG_NAME_TAKEN');

    const res = await patchTag('groupcr', tag.id, { name: '一线海景', version: tag.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '一线海景', category: '关注点', version: tag.version + 1 });
    const [c] = await t.database.db.select().from(customers).where(eq(customers.mobile, '13700000011'));
    expect(c.tags).toEqual(['一线海景', '学区']);
    expect(c.version).toBe(2);
    const audits = await tagAudits(tag.id);
    expect(audits.at(-1)).toMatchObject({ action: 'update', actorId: t.world.users.groupcr.id, entityLabel: '关注点 / 一线海景' });
    expect(audits.at(-1)!.changes).toEqual({ name: { before: '海景', after: '一线海景' }, customersRenamed: { before: null, after: 1 } });
    // The list's tag filter finds the customer by the new name.
    const found = await t.call('GET', `/api/v1/customers?tag=${encodeURIComponent('一线海景')}`, { cookie: await t.as('consultant') });
    expect(found.json().items.map((p: { customer: { id: string } }) => p.customer.id)).toEqual([c.id]);
  });

  it('refuses a tag that is not in the catalogue on create and on edit, storing nothing', async () => {
    const res = await createCustomer('13700000022', ['学区', '火星']);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'tags', message: '标签「火星」不在标签库中' }] });
    expect(await t.database.db.select().from(customers).where(eq(customers.mobile, '13700000022'))).toEqual([]);

    const ok = await createCustomer('13700000022', ['学区']);
    expect(ok.statusCode, ok.body).toBe(201);
    const edit = await t.call('PATCH', `/api/v1/customers/${ok.json().id}`, { cookie: await t.as('consultant'), body: { tags: ['学区', '土星', '木星'], version: 1 } });
    expect(edit.statusCode).toBe(400);
    expect((edit.json() as Problem).errors).toEqual([
      { field: 'tags', message: '标签「土星」不在标签库中' },
      { field: 'tags', message: '标签「木星」不在标签库中' },
    ]);
    const [c] = await t.database.db.select().from(customers).where(eq(customers.id, ok.json().id));
    expect(c).toMatchObject({ tags: ['学区'], version: 1 });
  });

  it('keeps a deactivated tag on its customers but lets nobody choose it again; it can be reactivated', async () => {
    const keeper = await createCustomer('13700000033', ['二孩家庭', '学区']);
    const other = await createCustomer('13700000044', ['学区']);
    expect([keeper.statusCode, other.statusCode]).toEqual([201, 201]);
    const tag = await tagNamed('二孩家庭');
    const off = await patchTag('crm', tag.id, { active: false, version: tag.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false });
    expect((await tagAudits(tag.id)).at(-1)!.changes).toEqual({ active: { before: true, after: false } });
    expect((await list('consultant', '?active=true')).some((x) => x.name === '二孩家庭')).toBe(false);
    expect((await list('consultant')).find((x) => x.name === '二孩家庭')).toMatchObject({ active: false });

    // Still on the customer, still found by the filter; an edit that keeps it is accepted.
    const shown = await t.call('GET', `/api/v1/customers/${keeper.json().id}`, { cookie: await t.as('consultant') });
    expect(shown.json().tags).toEqual(['二孩家庭', '学区']);
    const found = await t.call('GET', `/api/v1/customers?tag=${encodeURIComponent('二孩家庭')}`, { cookie: await t.as('consultant') });
    expect(found.json().items).toHaveLength(1);
    const kept = await t.call('PATCH', `/api/v1/customers/${keeper.json().id}`, { cookie: await t.as('consultant'), body: { tags: ['二孩家庭', '学区', '地铁'], version: 1 } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().tags).toEqual(['二孩家庭', '学区', '地铁']);

    // Not newly chosen: neither on a new customer nor added to another one.
    const fresh = await createCustomer('13700000055', ['二孩家庭']);
    expect(fresh.statusCode).toBe(400);
    expect((fresh.json() as Problem).errors).toEqual([{ field: 'tags', message: '标签「二孩家庭」已停用，不能再选用' }]);
    const added = await t.call('PATCH', `/api/v1/customers/${other.json().id}`, { cookie: await t.as('consultant'), body: { tags: ['学区', '二孩家庭'], version: 1 } });
    expect(added.statusCode).toBe(400);

    const on = await patchTag('crm', tag.id, { active: true, version: tag.version + 1 });
    expect(on.statusCode, on.body).toBe(200);
    expect((await createCustomer('13700000055', ['二孩家庭'])).statusCode).toBe(201);
  });

  it('rejects an imported row naming a tag outside the active catalogue, with the reason', async () => {
    const tag = await tagNamed('价格敏感');
    expect((await patchTag('crm', tag.id, { active: false, version: tag.version })).statusCode).toBe(200);
    const csv = ['姓名,手机号,来源,标签', '周一,13700000101,自然到访,学区，地铁', '吴二,13700000102,自然到访,学区，金星', '郑三,13700000103,自然到访,价格敏感', ''].join('\r\n');
    const res = await t.call('POST', '/api/v1/customer-imports', { cookie: await t.as('salesmgr'), body: { projectId: t.world.a1.id, fileName: '名单.csv', fileBase64: Buffer.from(csv).toString('base64') } });
    expect(res.statusCode, res.body).toBe(202);
    const id: string = res.json().id;
    expect(await runCustomerImport(t.database.db, id, t.clock)).toBe('done');
    const rows = await t.database.db.select().from(customerImportRows).where(eq(customerImportRows.importId, id)).orderBy(asc(customerImportRows.rowNo));
    expect(rows.map((r) => [r.rowNo, r.status, r.reason])).toEqual([
      [2, 'imported', ''],
      [3, 'rejected', '标签：标签「金星」不在标签库中'],
      [4, 'rejected', '标签：标签「价格敏感」不在标签库中'],
    ]);
    const [zhou] = await t.database.db.select().from(customers).where(eq(customers.mobile, '13700000101'));
    expect(zhou.tags).toEqual(['学区', '地铁']);
    expect(await t.database.db.select().from(customers).where(eq(customers.mobile, '13700000102'))).toEqual([]);
  });

  it('the migration adopts tags already on customers into the catalogue under 其他, leaving catalogue tags as they are', async () => {
    const { a1 } = t.world;
    await seedProspect(t.database.db, { name: '老客户', mobile: '13700000201', project: a1, owner: null, tags: ['老业主推荐', '学区', '一线海景'] });
    const migration = readFileSync('src/server/db/migrations/0025_customer_tag_catalogue.sql', 'utf8').split('--> statement-breakpoint');
    await t.database.db.execute(sql.raw(migration.at(-1)!));
    const items = await list('consultant');
    expect(items.filter((x) => ['老业主推荐', '学区', '一线海景'].includes(x.name)).map((x) => [x.name, x.category])).toEqual([
      ['学区', '关注点'],
      ['一线海景', '关注点'],
      ['老业主推荐', '其他'],
    ]);
    expect(items.at(-1)).toMatchObject({ name: '老业主推荐', category: '其他', active: true });
  });
});
