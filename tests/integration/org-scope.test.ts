import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import { dbKinds } from '../fixtures/test-db.ts';

type Item = { id: string; name: string; number?: string; floor?: number };
type Page = { items: Item[]; nextCursor: string | null };

// Organisation reads: lists, filters, keyset pagination and data scopes. Read-only, so every
// test sees the seeded world as it is.
describe.each(dbKinds())('org lists and data scope on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const get = async (username: string, url: string) => t.call('GET', url, { cookie: await t.as(username) });
  const page = async (username: string, url: string): Promise<Page> => {
    const res = await get(username, url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  // Follow nextCursor to the end, returning every item in order.
  const walk = async (username: string, url: string): Promise<Item[]> => {
    const all: Item[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const p: Page = await page(username, cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
      all.push(...p.items);
      cursor = p.nextCursor;
      if (!cursor) return all;
    }
    throw new Error('pagination did not end');
  };
  const ids = (items: Item[]) => items.map((i) => i.id).sort();

  it('lists a building\'s units top floor first and walks them 3 at a time without gaps or duplicates', async () => {
    const { buildingA1 } = t.world; // 10 floors × 2 units
    const full = await page('admin', `/api/v1/buildings/${buildingA1.id}/units?limit=200`);
    expect(full.nextCursor).toBeNull();
    expect(full.items).toHaveLength(20);
    expect(full.items.slice(0, 4).map((u) => u.number)).toEqual(['1001', '1002', '901', '902']);
    expect(full.items.slice(-2).map((u) => u.number)).toEqual(['101', '102']);
    const floors = full.items.map((u) => u.floor ?? 0);
    expect(floors).toEqual([...floors].sort((a, b) => b - a));

    const first = await page('admin', `/api/v1/buildings/${buildingA1.id}/units?limit=3`);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const walked = await walk('admin', `/api/v1/buildings/${buildingA1.id}/units?limit=3`);
    expect(walked.map((u) => u.id)).toEqual(full.items.map((u) => u.id));
    expect(new Set(walked.map((u) => u.id)).size).toBe(20);
  });

  it('filters units by status', async () => {
    const { buildingA1 } = t.world;
    expect((await page('admin', `/api/v1/buildings/${buildingA1.id}/units?status=available&limit=200`)).items).toHaveLength(20);
    expect((await page('admin', `/api/v1/buildings/${buildingA1.id}/units?status=contracted`)).items).toHaveLength(0);
  });

  it('searches projects by name or code and filters by company', async () => {
    const { a1, a2, b1, companyA, companyB } = t.world;
    expect(ids((await page('admin', `/api/v1/projects?q=${encodeURIComponent('西溪')}`)).items)).toEqual([a1.id]);
    expect(ids((await page('admin', '/api/v1/projects?q=ta-')).items)).toEqual(ids([a1, a2]));
    expect((await page('admin', '/api/v1/projects?q=nothing-like-this')).items).toEqual([]);
    // Wildcards typed into the search box are matched literally.
    expect((await page('admin', `/api/v1/projects?q=${encodeURIComponent('%')}`)).items).toEqual([]);
    expect((await page('admin', '/api/v1/projects?q=_')).items).toEqual([]);
    expect(ids((await page('admin', `/api/v1/projects?companyId=${companyA.id}`)).items)).toEqual(ids([a1, a2]));
    expect(ids((await page('admin', `/api/v1/projects?companyId=${companyB.id}`)).items)).toEqual([b1.id]);
    // Filters narrow within the scope; they never widen it.
    expect((await page('consultant', `/api/v1/projects?companyId=${companyB.id}`)).items).toEqual([]);
  });

  it('pages projects with a keyset cursor in both sorts', async () => {
    const { a1, a2, b1 } = t.world;
    const byName = await page('admin', '/api/v1/projects?sort=name&limit=200');
    expect(ids(byName.items)).toEqual(ids([a1, a2, b1]));
    const names = byName.items.map((p) => p.name);
    expect(await walk('admin', '/api/v1/projects?sort=name&limit=1')).toEqual(byName.items);
    expect((await walk('admin', '/api/v1/projects?limit=2')).map((p) => p.name)).toEqual(names); // name is the default sort

    // Newest first: the seed created A1, A2 then B1.
    const newest = await walk('admin', '/api/v1/projects?sort=-createdAt&limit=1');
    expect(newest.map((p) => p.id)).toEqual([b1.id, a2.id, a1.id]);
    const two = await page('admin', '/api/v1/projects?sort=-createdAt&limit=2');
    expect(two.items.map((p) => p.id)).toEqual([b1.id, a2.id]);
    expect(two.nextCursor).toEqual(expect.any(String));
  });

  it('shows each role only the projects its data scope reaches', async () => {
    const { a1, a2, b1 } = t.world;
    const expected: Record<string, string[]> = {
      admin: [a1.id, a2.id, b1.id],
      groupcr: [a1.id, a2.id, b1.id],
      exec: [a1.id, a2.id, b1.id],
      crm: [a1.id, a2.id],
      marketing: [a1.id, a2.id],
      salesmgr: [a1.id],
      consultant: [a1.id],
      engineer: [a1.id],
      property: [b1.id],
    };
    for (const [username, want] of Object.entries(expected)) {
      expect(ids((await page(username, '/api/v1/projects')).items), username).toEqual([...want].sort());
    }
    const broker = await get('broker', '/api/v1/projects');
    expect(broker.statusCode).toBe(403);
    expect(broker.json().code).toBe('FORBIDDEN');
  });

  it('answers 404, not 403, for a project, its buildings and units outside the scope', async () => {
    const { a1, b1, buildingB1 } = t.world;
    for (const url of [`/api/v1/projects/${b1.id}`, `/api/v1/projects/${b1.id}/buildings`, `/api/v1/buildings/${buildingB1.id}/units`]) {
      const res = await get('consultant', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await get('consultant', `/api/v1/projects/${a1.id}`)).json()).toMatchObject({ id: a1.id, name: '西溪项目', buildingCount: 1, unitCount: 20 });
    expect((await page('consultant', `/api/v1/projects/${a1.id}/buildings`)).items).toEqual([expect.objectContaining({ name: '1 号楼', floors: 10, unitCount: 20 })]);
    expect((await page('property', `/api/v1/buildings/${buildingB1.id}/units`)).items).toHaveLength(10);
    expect((await get('property', `/api/v1/projects/${a1.id}`)).statusCode).toBe(404);
  });

  it('lists companies by scope, with their project counts', async () => {
    const { companyA, companyB } = t.world;
    const all = await page('admin', '/api/v1/companies');
    expect(ids(all.items)).toEqual(ids([companyA, companyB] as Item[]));
    expect(all.items.find((c) => c.id === companyA.id)).toMatchObject({ name: '杭州公司', code: 'TA', projectCount: 2 });
    expect(all.items.find((c) => c.id === companyB.id)).toMatchObject({ projectCount: 1 });
    expect(await walk('admin', '/api/v1/companies?limit=1')).toEqual(all.items);
    for (const username of ['groupcr', 'exec']) expect(ids((await page(username, '/api/v1/companies')).items)).toEqual(ids(all.items));
    for (const username of ['crm', 'marketing', 'salesmgr', 'consultant', 'engineer']) {
      expect((await page(username, '/api/v1/companies')).items.map((c) => c.id), username).toEqual([companyA.id]);
    }
    expect((await page('property', '/api/v1/companies')).items.map((c) => c.id)).toEqual([companyB.id]);
    expect((await get('broker', '/api/v1/companies')).statusCode).toBe(403);
  });

  it('refuses organisation changes to roles without org.manage', async () => {
    const { a1 } = t.world;
    for (const username of ['groupcr', 'crm', 'consultant']) {
      const res = await t.call('PATCH', `/api/v1/projects/${a1.id}`, { cookie: await t.as(username), body: { name: '改名', version: 1 } });
      expect(res.statusCode, username).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });
});
