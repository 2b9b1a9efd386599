import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, listQuery, okSchema, pageOf } from '../../../common/contracts/common.ts';
import {
  customerCreate, customerSchema, customerUpdate, eraseBody, interactionCreate, interactionSchema, interestCreate, interestSchema, interestUpdate,
  prospectListQuery, prospectSchema, revealBody, savedFilterCreate, savedFilterSchema, timelineEntrySchema,
} from '../../../common/contracts/customers.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { addInterest, createCustomer, type Ctx } from './create.ts';
import { addInteraction, updateCustomer, updateInterest } from './interests.ts';
import { toInterest } from './present.ts';
import { eraseCustomer, exportPersonalData, revealIdentifier } from './privacy.ts';
import { customerTimeline, getCustomer, listProspects } from './read.ts';
import { createSavedFilter, deleteSavedFilter, listSavedFilters } from './saved-filters.ts';

const read = { permission: 'customers.read' } as const;
const write = { permission: 'customers.write' } as const;
const tags = ['customers'];

export function registerCustomerRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): Ctx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/customers', {
    config: { access: read },
    schema: { tags, summary: '客户（项目意向）列表：范围内、可搜索、按下次跟进排序', querystring: prospectListQuery, response: { 200: pageOf(prospectSchema) } },
    handler: (request) => listProspects(db, principalOf(request), request.query),
  });
  app.post('/api/v1/customers', {
    config: { access: write },
    schema: {
      tags,
      summary: '新增客户（按手机号判重；已存在时 409 CUSTOMER_EXISTS 并给出归属）',
      description:
        '409 CUSTOMER_EXISTS 的 `existing` 按调用者的数据范围给出：范围内项目列出项目、置业顾问与阶段（`visible` 表示可打开该客户档案）；范围外项目只说明已在其他项目登记（`masked`，不含项目和人名），若无范围内项目，客户姓名也脱敏。手机号仅对该客户的置业顾问完整显示。',
      body: customerCreate,
      response: { 201: customerSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await createCustomer(ctx(request), request.body)),
  });
  app.get('/api/v1/customers/:id', {
    config: { access: read },
    schema: { tags, summary: '客户档案', params: idParams, response: { 200: customerSchema } },
    handler: (request) => getCustomer(db, principalOf(request), request.params.id),
  });
  app.patch('/api/v1/customers/:id', {
    config: { access: write },
    schema: { tags, summary: '修改客户档案', params: idParams, body: customerUpdate, response: { 200: customerSchema } },
    handler: (request) => updateCustomer(ctx(request), request.params.id, request.body),
  });
  app.get('/api/v1/customers/:id/timeline', {
    config: { access: read },
    schema: { tags, summary: '客户时间线（跟进、阶段、归属变化），新的在前，按游标翻页', params: idParams, querystring: listQuery, response: { 200: pageOf(timelineEntrySchema) } },
    handler: (request) => customerTimeline(db, principalOf(request), request.params.id, request.query),
  });
  app.post('/api/v1/customers/:id/interests', {
    config: { access: write },
    schema: { tags, summary: '登记到另一项目', params: idParams, body: interestCreate, response: { 201: interestSchema } },
    handler: async (request, reply) => reply.status(201).send(toInterest(await addInterest(ctx(request), request.params.id, request.body))),
  });
  app.patch('/api/v1/interests/:id', {
    config: { access: write },
    schema: { tags, summary: '修改阶段/等级', params: idParams, body: interestUpdate, response: { 200: interestSchema } },
    handler: (request) => updateInterest(ctx(request), request.params.id, request.body),
  });
  app.post('/api/v1/interests/:id/interactions', {
    config: { access: write },
    schema: { tags, summary: '写跟进（下次跟进默认按等级计算）', params: idParams, body: interactionCreate, response: { 201: interactionSchema } },
    handler: async (request, reply) => reply.status(201).send(await addInteraction(ctx(request), request.params.id, request.body)),
  });
  app.post('/api/v1/customers/:id/reveal', {
    config: { access: { permission: 'customers.reveal' } },
    schema: { tags, summary: '查看完整手机号/证件号（需填写原因，记入审计）', params: idParams, body: revealBody, response: { 200: z.object({ value: z.string() }) } },
    handler: (request) => revealIdentifier(ctx(request), request.params.id, request.body.field, request.body.reason),
  });
  app.get('/api/v1/customers/:id/personal-data', {
    config: { access: { permission: 'customers.rights' } },
    schema: { tags, summary: '导出该客户的全部个人信息（JSON）', params: idParams },
    handler: async (request, reply) => {
      const data = await exportPersonalData(ctx(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="customer-${request.params.id}.json"`).send(data);
    },
  });
  app.post('/api/v1/customers/:id/erase', {
    config: { access: { permission: 'customers.rights' } },
    schema: { tags, summary: '按客户要求删除个人信息（匿名化，保留统计）', params: idParams, body: eraseBody, response: { 200: okSchema } },
    handler: async (request) => {
      await eraseCustomer(ctx(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/saved-filters', {
    config: { access: read },
    schema: { tags, summary: '我保存的筛选', response: { 200: z.object({ items: z.array(savedFilterSchema) }) } },
    handler: (request) => listSavedFilters(db, principalOf(request)),
  });
  app.post('/api/v1/saved-filters', {
    config: { access: read },
    schema: { tags, summary: '保存筛选', body: savedFilterCreate, response: { 201: savedFilterSchema } },
    handler: async (request, reply) => reply.status(201).send(await createSavedFilter(ctx(request), request.body)),
  });
  app.delete('/api/v1/saved-filters/:id', {
    config: { access: read },
    schema: { tags, summary: '删除保存的筛选', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteSavedFilter(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
