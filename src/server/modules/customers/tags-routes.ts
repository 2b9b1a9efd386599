import type { FastifyRequest } from 'fastify';
import { idParams } from '../../../common/contracts/common.ts';
import { customerTagCreate, customerTagListQuery, customerTagSchema, customerTagUpdate } from '../../../common/contracts/customer-tags.ts';
import { z } from 'zod';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createCustomerTag, listCustomerTags, updateCustomerTag, type TagCtx } from './tags.ts';

const manage = { permission: 'customers.tags' } as const;
const tags = ['customers'];

export function registerCustomerTagRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): TagCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  // Any signed-in user: the catalogue holds no personal data, and every page that records,
  // filters or imports customers (and the catalogue page) picks from it.
  app.get('/api/v1/customer-tags', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '客户标签库（按分类分组；active=true 仅可选用的标签）', querystring: customerTagListQuery, response: { 200: z.object({ items: z.array(customerTagSchema) }) } },
    handler: (request) => listCustomerTags(db, request.query),
  });
  app.post('/api/v1/customer-tags', {
    config: { access: manage },
    schema: { tags, summary: '新增标签（名称在集团内唯一，重名时 409 TAG_NAME_TAKEN）', body: customerTagCreate, response: { 201: customerTagSchema } },
    handler: async (request, reply) => reply.status(201).send(await createCustomerTag(ctx(request), request.body)),
  });
  app.patch('/api/v1/customer-tags/:id', {
    config: { access: manage },
    schema: { tags, summary: '修改标签：改名（同时更新带有该标签的客户）、分类、排序、停用或启用', params: idParams, body: customerTagUpdate, response: { 200: customerTagSchema } },
    handler: (request) => updateCustomerTag(ctx(request), request.params.id, request.body),
  });
}
