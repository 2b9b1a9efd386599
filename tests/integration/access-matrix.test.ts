import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleHas, type Role } from '../../src/common/roles.ts';
import { createTestApp, type TestApp } from '../fixtures/test-app.ts';
import type { World } from '../fixtures/world.ts';

// Walks every registered API route with every role: a route that declares no access fails, a
// role without the permission gets 403, a role with it never does, and nobody gets in without
// a session. (PGlite only: access is decided before any query that differs between databases.)
const usernameFor = (world: World, role: Role) => Object.values(world.users).find((u) => u.role === role)!.username;

describe('access matrix', () => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp('pglite');
    for (const role of ROLES) cookies.set(role, await t.login(usernameFor(t.world, role)));
  });
  afterAll(() => t.close());

  const apiRoutes = () => t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  const urlOf = (url: string, method: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()) + (method === 'DELETE' ? '?version=1' : '');
  const bodyOf = (method: string) => (method === 'POST' || method === 'PATCH' || method === 'PUT' ? {} : undefined);

  it('every API route declares who may call it', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const undeclared = routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const res = await t.call(r.method as 'GET', urlOf(r.url, r.method), { body: bodyOf(r.method) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it.each(ROLES)('allows and denies exactly by permission for %s', async (role) => {
    for (const r of apiRoutes()) {
      // Logging out would end the shared session: use a fresh one for that route.
      const cookie = r.url === '/api/v1/auth/logout' ? await t.login(usernameFor(t.world, role)) : cookies.get(role)!;
      const res = await t.call(r.method as 'GET', urlOf(r.url, r.method), { cookie, body: bodyOf(r.method) });
      const label = `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
      const allowed = r.access === 'public' || r.access === 'authenticated' || (typeof r.access === 'object' && roleHas(role, r.access.permission));
      if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
      else {
        expect(res.statusCode, label).toBe(403);
        expect(res.json().code, label).toBe('FORBIDDEN');
      }
      expect(res.statusCode, label).toBeLessThan(500);
    }
  });
});
