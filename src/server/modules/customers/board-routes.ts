import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, idSchema, listQuery, pageOf } from '../../../common/contracts/common.ts';
import { boardColumnSchema, interestSchema, MY_BOARD_COLUMNS, myBoardSchema, prospectSchema, reassignBody, salesSettingsSchema, salesSettingsUpdate } from '../../../common/contracts/customers.ts';
import { and, desc, eq, lt } from 'drizzle-orm';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { requireProject } from '../org/projects.ts';
import { consultantBoard, consultantBoardColumn, teamBoard } from './boards.ts';
import type { Ctx } from './create.ts';
import { claimProspect, reassignProspects } from './ownership.ts';
import { toProspect, type InterestRow } from './present.ts';
import { selectProspects } from './queries.ts';
import { poolScope } from './scope.ts';
import { salesSettingsFor, updateSalesSettings } from './settings.ts';
import { projectInterests } from './tables.ts';

const tags = ['customers'];
const assign = { permission: 'customers.assign' } as const;
const boardRow = z.object({ owner: z.object({ id: z.string(), name: z.string() }), total: z.number().int(), today: z.number().int(), overdue: z.number().int(), newlyAssigned: z.number().int() });

export function registerBoardRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): Ctx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/prospect-boards/mine', {
    config: { access: { permission: 'customers.write' } },
    schema: {
      tags,
      summary: '我的跟进：今日、逾期、新分配（每列首页与总数）',
      description: '新分配：近 3 天内分配给本人（新建、调整归属、领取），且分配后本人尚未跟进。每列按下次跟进时间排序，`total` 为该列总数，`nextCursor` 用于 /prospect-boards/mine/{column} 翻页。',
      querystring: listQuery.pick({ limit: true }),
      response: { 200: myBoardSchema },
    },
    handler: (request) => consultantBoard(db, principalOf(request), clock.now(), request.query.limit),
  });
  app.get('/api/v1/prospect-boards/mine/:column', {
    config: { access: { permission: 'customers.write' } },
    schema: { tags, summary: '我的跟进：某一列的下一页', params: z.object({ column: z.enum(MY_BOARD_COLUMNS) }), querystring: listQuery, response: { 200: boardColumnSchema } },
    handler: (request) => consultantBoardColumn(db, principalOf(request), clock.now(), request.params.column, request.query),
  });
  app.get('/api/v1/prospect-boards/team', {
    config: { access: assign },
    schema: { tags, summary: '团队跟进：每位置业顾问的逾期数', querystring: z.object({ projectId: idSchema.optional() }), response: { 200: z.object({ rows: z.array(boardRow) }) } },
    handler: (request) => teamBoard(db, principalOf(request), clock.now(), request.query.projectId),
  });
  app.get('/api/v1/customer-pool', {
    config: { access: { permission: 'customers.pool' } },
    schema: { tags, summary: '公客池', querystring: listQuery.extend({ projectId: idSchema.optional() }), response: { 200: pageOf(prospectSchema) } },
    handler: async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const after = decodeKeyset(q.cursor, ['uuid'] as const);
      const rows = await selectProspects(db)
        .where(and(poolScope(p), eq(projectInterests.inPool, true), q.projectId ? eq(projectInterests.projectId, q.projectId) : undefined, after ? lt(projectInterests.id, after[0]) : undefined))
        .orderBy(desc(projectInterests.id))
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map((r) => toProspect(p, r as InterestRow, r.customer)), nextCursor: page.nextCursor };
    },
  });
  app.post('/api/v1/interests/:id/claim', {
    config: { access: { permission: 'customers.pool' } },
    schema: { tags, summary: '从公客池领取', params: idParams, response: { 200: interestSchema } },
    handler: (request) => claimProspect(ctx(request), request.params.id),
  });
  app.post('/api/v1/interests/reassign', {
    config: { access: assign },
    schema: { tags, summary: '调整归属（选中的客户，或离职顾问的全部客户）', body: reassignBody, response: { 200: z.object({ moved: z.number().int() }) } },
    handler: (request) => reassignProspects(ctx(request), request.body),
  });
  app.get('/api/v1/projects/:id/sales-settings', {
    config: { access: { permission: 'customers.read' } },
    schema: { tags, summary: '项目跟进规则', params: idParams, response: { 200: salesSettingsSchema } },
    handler: async (request) => {
      const project = await requireProject(db, principalOf(request), request.params.id);
      const s = await salesSettingsFor(db, project.id);
      return { projectId: project.id, followUpDaysA: s.followUpDaysA, followUpDaysB: s.followUpDaysB, followUpDaysC: s.followUpDaysC, reclaimDays: s.reclaimDays, poolClaimLimit: s.poolClaimLimit };
    },
  });
  app.put('/api/v1/projects/:id/sales-settings', {
    config: { access: assign },
    schema: { tags, summary: '修改项目跟进规则', params: idParams, body: salesSettingsUpdate, response: { 200: salesSettingsSchema } },
    handler: async (request) => {
      const c = ctx(request);
      const project = await requireProject(db, c.principal, request.params.id);
      return updateSalesSettings(c, project, request.body);
    },
  });
}
