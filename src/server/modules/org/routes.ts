import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, listQuery, pageOf } from '../../../common/contracts/common.ts';
import {
  buildingCreate, buildingSchema, buildingUpdate, companyCreate, companySchema, companyUpdate, groupSchema, groupUpdate, projectCreate,
  projectListQuery, projectSchema, projectUpdate, unitBatchCreate, unitCreate, unitListQuery, unitSchema, unitUpdate,
} from '../../../common/contracts/org.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { replyCached } from '../../platform/cache/cached-reply.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createBuilding, deleteBuilding, listBuildings, updateBuilding } from './buildings.ts';
import { createCompany, deleteCompany, getGroup, listCompanies, updateCompany, updateGroup } from './companies.ts';
import type { OrgCtx } from './context.ts';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './projects.ts';
import { createUnit, createUnitBatch, deleteUnit, listUnits, updateUnit } from './units.ts';

const read = { permission: 'org.read' } as const;
const manage = { permission: 'org.manage' } as const;
const versionQuery = z.object({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1, '缺少版本号') });
const noContent = { 204: z.null().describe('已删除') };
const companyPage = pageOf(companySchema);
const projectPage = pageOf(projectSchema);

// Organisation reads are on nearly every page (project pickers, filters), change rarely and
// depend only on the caller's data scope (made of scope, company and projects) and the query
// string: they are served from the org cache under those.
const scopedKey = (request: FastifyRequest, p: Principal) => `${p.scope}|${p.companyId ?? ''}|${p.projectIds.join(',')}|${request.url}`;

export function registerOrgRoutes(app: App, { db, clock, caches }: Deps) {
  const ctx = (request: FastifyRequest): OrgCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/group', {
    config: { access: 'authenticated' },
    schema: { tags: ['org'], summary: '集团', response: { 200: groupSchema } },
    handler: (_request, reply) => replyCached(reply, caches.org, 'group', clock.now(), groupSchema, () => getGroup(db)),
  });
  app.patch('/api/v1/group', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '修改集团名称', body: groupUpdate, response: { 200: groupSchema } },
    handler: (request) => updateGroup(ctx(request), request.body),
  });

  // Companies
  app.get('/api/v1/companies', {
    config: { access: read },
    schema: { tags: ['org'], summary: '公司列表', querystring: listQuery, response: { 200: companyPage } },
    handler: (request, reply) => {
      const p = principalOf(request);
      return replyCached(reply, caches.org, scopedKey(request, p), clock.now(), companyPage, () => listCompanies(db, p, request.query));
    },
  });
  app.post('/api/v1/companies', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '新建公司', body: companyCreate, response: { 201: companySchema } },
    handler: async (request, reply) => reply.status(201).send(await createCompany(ctx(request), request.body)),
  });
  app.patch('/api/v1/companies/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '修改公司', params: idParams, body: companyUpdate, response: { 200: companySchema } },
    handler: (request) => updateCompany(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/companies/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '删除公司（须无项目、用户和团队）', params: idParams, querystring: versionQuery, response: noContent },
    handler: async (request, reply) => {
      await deleteCompany(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });

  // Projects
  app.get('/api/v1/projects', {
    config: { access: read },
    schema: { tags: ['org'], summary: '项目列表', querystring: projectListQuery, response: { 200: projectPage } },
    handler: (request, reply) => {
      const p = principalOf(request);
      return replyCached(reply, caches.org, scopedKey(request, p), clock.now(), projectPage, () => listProjects(db, p, request.query));
    },
  });
  app.get('/api/v1/projects/:id', {
    config: { access: read },
    schema: { tags: ['org'], summary: '项目详情', params: idParams, response: { 200: projectSchema } },
    handler: (request) => getProject(db, principalOf(request), request.params.id),
  });
  app.post('/api/v1/projects', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '新建项目', body: projectCreate, response: { 201: projectSchema } },
    handler: async (request, reply) => reply.status(201).send(await createProject(ctx(request), request.body)),
  });
  app.patch('/api/v1/projects/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '修改项目', params: idParams, body: projectUpdate, response: { 200: projectSchema } },
    handler: (request) => updateProject(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/projects/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '删除项目（须无楼栋）', params: idParams, querystring: versionQuery, response: noContent },
    handler: async (request, reply) => {
      await deleteProject(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });

  // Buildings
  app.get('/api/v1/projects/:id/buildings', {
    config: { access: read },
    schema: { tags: ['org'], summary: '项目的楼栋', params: idParams, response: { 200: pageOf(buildingSchema) } },
    handler: (request) => listBuildings(db, principalOf(request), request.params.id),
  });
  app.post('/api/v1/projects/:id/buildings', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '新建楼栋', params: idParams, body: buildingCreate, response: { 201: buildingSchema } },
    handler: async (request, reply) => reply.status(201).send(await createBuilding(ctx(request), request.params.id, request.body)),
  });
  app.patch('/api/v1/buildings/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '修改楼栋', params: idParams, body: buildingUpdate, response: { 200: buildingSchema } },
    handler: (request) => updateBuilding(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/buildings/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '删除楼栋及其房源（须无已售房源）', params: idParams, querystring: versionQuery, response: noContent },
    handler: async (request, reply) => {
      await deleteBuilding(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });

  // Units
  app.get('/api/v1/buildings/:id/units', {
    config: { access: read },
    schema: { tags: ['org'], summary: '楼栋的房源', params: idParams, querystring: unitListQuery, response: { 200: pageOf(unitSchema) } },
    handler: (request) => listUnits(db, principalOf(request), request.params.id, request.query),
  });
  app.post('/api/v1/buildings/:id/units', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '新增房源', params: idParams, body: unitCreate, response: { 201: unitSchema } },
    handler: async (request, reply) => reply.status(201).send(await createUnit(ctx(request), request.params.id, request.body)),
  });
  app.post('/api/v1/buildings/:id/units/batch', {
    config: { access: manage },
    schema: {
      tags: ['org'], summary: '批量生成房源（已存在的房号跳过）', params: idParams, body: unitBatchCreate,
      response: { 200: z.object({ created: z.number().int(), skipped: z.number().int() }) },
    },
    handler: (request) => createUnitBatch(ctx(request), request.params.id, request.body),
  });
  app.patch('/api/v1/units/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '修改房源', params: idParams, body: unitUpdate, response: { 200: unitSchema } },
    handler: (request) => updateUnit(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/units/:id', {
    config: { access: manage },
    schema: { tags: ['org'], summary: '删除房源（仅可售状态）', params: idParams, querystring: versionQuery, response: noContent },
    handler: async (request, reply) => {
      await deleteUnit(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
