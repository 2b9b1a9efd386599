// A tiny HTTP client for setting up a bench world through the public API.

export const DEMO_ADMIN = { username: 'admin', password: 'Keyuan2026' };

export type Api = { cookie: string; call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> };

export async function login(baseUrl: string, user = DEMO_ADMIN): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`login ${user.username} failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('keyuan_session='));
  if (!session) throw new Error('login answered without a keyuan_session cookie');
  const cookie = session.split(';')[0];
  return {
    cookie,
    async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

type Page<T> = { items: T[]; nextCursor: string | null };
type Company = { id: string; name: string; city: string };
type Project = { id: string };

export type WorldSize = { projects: number; buildings: number; units: number };

// Tops the demo world (3 projects) up to `targetProjects` projects, each new one with
// `buildingsPerProject` buildings of 20 floors × 4 units, all through the API as the admin.
export async function growProjects(api: Api, targetProjects: number, buildingsPerProject = 2): Promise<WorldSize> {
  const companies = (await api.call<Page<Company>>('GET', '/api/v1/companies?limit=200')).items;
  const existing = (await api.call<Page<Project>>('GET', '/api/v1/projects?limit=200')).items.length;
  const statuses = ['planning', 'selling', 'selling', 'sold_out', 'delivered'] as const;
  for (let i = existing; i < targetProjects; i++) {
    const company = companies[i % companies.length];
    const project = await api.call<Project>('POST', '/api/v1/projects', {
      companyId: company.id,
      name: `基准项目 ${String(i + 1).padStart(3, '0')} 号`,
      code: `BENCH-${String(i + 1).padStart(3, '0')}`,
      city: company.city,
      address: `${company.city}市基准路 ${i + 1} 号`,
      status: statuses[i % statuses.length],
    });
    for (let b = 1; b <= buildingsPerProject; b++) {
      const building = await api.call<{ id: string }>('POST', `/api/v1/projects/${project.id}/buildings`, { name: `${b} 号楼`, floors: 20 });
      await api.call('POST', `/api/v1/buildings/${building.id}/units/batch`, {
        floorFrom: 1, floorTo: 20, unitsPerFloor: 4, layout: '三室两厅两卫', area: 118, listPrice: 3_200_000,
      });
    }
  }
  const all = (await api.call<Page<{ buildingCount: number; unitCount: number }>>('GET', '/api/v1/projects?limit=200')).items;
  return {
    projects: all.length,
    buildings: all.reduce((s, p) => s + p.buildingCount, 0),
    units: all.reduce((s, p) => s + p.unitCount, 0),
  };
}
