import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../src/server/modules/org/tables.ts';
import { seedProspect } from '../../src/server/seed/customers.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

describe.each(dbKinds())('deleting a project that has customers on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('is refused with PROJECT_NOT_EMPTY and deletes nothing', async () => {
    const { a2, users } = t.world;
    await seedProspect(t.database.db, { name: '陈静', mobile: '13566667777', project: a2, owner: { id: users.consultant.id, name: users.consultant.displayName, teamId: null } });
    const admin = await t.login('admin');
    const res = await t.call('DELETE', `/api/v1/projects/${a2.id}?version=1`, { cookie: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROJECT_NOT_EMPTY', detail: '该项目下已有客户，不能删除' });
    expect(await t.database.db.select().from(projects).where(eq(projects.id, a2.id))).toHaveLength(1);
  });
});
