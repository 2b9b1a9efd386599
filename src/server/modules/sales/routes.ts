import type { FastifyRequest } from 'fastify';
import { idParams, pageOf } from '../../../common/contracts/common.ts';
import { boardQuery, boardSchema, dealAdvance, dealCancel, dealCreate, dealListQuery, dealSchema, ownedUnitsSchema } from '../../../common/contracts/sales.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { salesBoard } from './board.ts';
import { advanceDeal, cancelDeal, createDeal, type SalesCtx } from './deals.ts';
import { getDeal, listDeals, ownedUnitsOf } from './read.ts';

const read = { permission: 'sales.read' } as const;
const write = { permission: 'sales.write' } as const;
const tags = ['sales'];

export function registerSalesRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): SalesCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/projects/:id/sales-board', {
    config: { access: read },
    schema: { tags, summary: '销控表：楼栋 × 楼层 × 房源，按状态着色，可按户型与价格筛选', params: idParams, querystring: boardQuery, response: { 200: boardSchema } },
    handler: (request) => salesBoard(db, principalOf(request), request.params.id, request.query),
  });
  app.get('/api/v1/deals', {
    config: { access: read },
    schema: { tags, summary: '成交记录（认筹、认购、签约、退房），可按项目、房源、客户、置业顾问筛选', querystring: dealListQuery, response: { 200: pageOf(dealSchema) } },
    handler: (request) => listDeals(db, principalOf(request), request.query),
  });
  app.get('/api/v1/deals/:id', {
    config: { access: read },
    schema: { tags, summary: '成交详情', params: idParams, response: { 200: dealSchema } },
    handler: (request) => getDeal(db, principalOf(request), request.params.id),
  });
  app.get('/api/v1/customers/:id/units', {
    config: { access: read },
    schema: { tags, summary: '客户名下房产（业主：签约成为业主，退房后不再列出）', params: idParams, response: { 200: ownedUnitsSchema } },
    handler: (request) => ownedUnitsOf(db, principalOf(request), request.params.id),
  });
  app.post('/api/v1/deals', {
    config: { access: write },
    schema: { tags, summary: '认筹/认购/签约一套房源（同一房源只能有一个有效成交，冲突时 409 UNIT_TAKEN）', body: dealCreate, response: { 201: dealSchema } },
    handler: async (request, reply) => reply.status(201).send(await createDeal(ctx(request), request.body)),
  });
  app.post('/api/v1/deals/:id/advance', {
    config: { access: write },
    schema: { tags, summary: '转认购 / 签约（签约后客户成为业主）', params: idParams, body: dealAdvance, response: { 200: dealSchema } },
    handler: (request) => advanceDeal(ctx(request), request.params.id, request.body),
  });
  app.post('/api/v1/deals/:id/cancel', {
    config: { access: write },
    schema: { tags, summary: '退订/退房（须填原因，房源恢复可售）', params: idParams, body: dealCancel, response: { 200: dealSchema } },
    handler: (request) => cancelDeal(ctx(request), request.params.id, request.body),
  });
}
