import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, idSchema, pageOf } from '../../../common/contracts/common.ts';
import { caseListQuery, caseSchema, issueSchema, suggestionQuery, suggestionSchema } from '../../../common/contracts/complaints.ts';
import { alertListQuery, alertPage, groupComplaintBody, groupComplaintListQuery, groupComplaintSchema, groupComplaintUpdate } from '../../../common/contracts/group-complaints.ts';
import { settingsBody, settingsQuery, settingsSchema } from '../../../common/contracts/complaint-reports.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { requireProject } from '../org/projects.ts';
import { getCase, listCases } from './cases.ts';
import type { Ctx } from './create.ts';
import { createGroupComplaint, getGroupComplaint, listGroupComplaints, updateGroupComplaint } from './groups.ts';
import { listAlerts } from './alerts.ts';
import { listIssues, suggestSimilar } from './read.ts';
import { getComplaintSettings, saveComplaintSettings } from './settings.ts';

const read = { permission: 'complaints.read' } as const;
const manage = { permission: 'complaints.manage' } as const;
const tags = ['complaints'];

// Around the complaints themselves: suggestions and issues (问题归集), the case library, group
// complaints (群诉), early-warning alerts, SLA settings.
export function registerComplaintLibraryRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): Ctx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/complaint-suggestions', {
    config: { access: read },
    schema: { tags, summary: '相似的未关闭投诉（同楼栋同专业、内容相近），供问题归集', querystring: suggestionQuery, response: { 200: z.object({ items: z.array(suggestionSchema) }) } },
    handler: (request) => suggestSimilar(db, principalOf(request), request.query, clock.now()),
  });
  app.get('/api/v1/complaint-issues', {
    config: { access: read },
    schema: { tags, summary: '项目的问题归集', querystring: z.object({ projectId: idSchema }), response: { 200: z.object({ items: z.array(issueSchema) }) } },
    handler: (request) => listIssues(db, principalOf(request), request.query.projectId),
  });
  app.get('/api/v1/complaint-cases', {
    config: { access: read },
    schema: { tags, summary: '案例库（全集团共享）', querystring: caseListQuery, response: { 200: pageOf(caseSchema) } },
    handler: (request) => listCases(db, request.query),
  });
  app.get('/api/v1/complaint-cases/:id', {
    config: { access: read },
    schema: { tags, summary: '案例详情', params: idParams, response: { 200: caseSchema } },
    handler: (request) => getCase(db, request.params.id),
  });

  app.get('/api/v1/group-complaints', {
    config: { access: read },
    schema: { tags, summary: '群诉记录', querystring: groupComplaintListQuery, response: { 200: pageOf(groupComplaintSchema) } },
    handler: (request) => listGroupComplaints(db, principalOf(request), request.query, clock.now()),
  });
  app.post('/api/v1/group-complaints', {
    config: { access: manage },
    schema: { tags, summary: '新建群诉记录', body: groupComplaintBody, response: { 201: groupComplaintSchema } },
    handler: async (request, reply) => {
      const c = ctx(request);
      const project = await requireProject(db, c.principal, request.body.projectId);
      return reply.status(201).send(await createGroupComplaint(c, project, request.body));
    },
  });
  app.get('/api/v1/group-complaints/:id', {
    config: { access: read },
    schema: { tags, summary: '群诉详情', params: idParams, response: { 200: groupComplaintSchema } },
    handler: (request) => getGroupComplaint(db, principalOf(request), request.params.id, clock.now()),
  });
  app.patch('/api/v1/group-complaints/:id', {
    config: { access: manage },
    schema: { tags, summary: '修改群诉记录', params: idParams, body: groupComplaintUpdate, response: { 200: groupComplaintSchema } },
    handler: (request) => updateGroupComplaint(ctx(request), request.params.id, request.body),
  });

  app.get('/api/v1/complaint-alerts', {
    config: { access: read },
    schema: { tags, summary: '群诉预警（30 天内 3 位以上不同客户；范围内，可按公司/项目筛选，分页，含总数）', querystring: alertListQuery, response: { 200: alertPage } },
    handler: (request) => listAlerts(db, principalOf(request), request.query),
  });

  app.get('/api/v1/complaint-settings', {
    config: { access: manage },
    schema: { tags, summary: '投诉处理时限（按性质，小时）', querystring: settingsQuery, response: { 200: settingsSchema } },
    handler: (request) => getComplaintSettings(db, principalOf(request), request.query.companyId),
  });
  app.put('/api/v1/complaint-settings', {
    config: { access: manage },
    schema: { tags, summary: '设置投诉处理时限', body: settingsBody, response: { 200: settingsSchema } },
    handler: (request) => saveComplaintSettings(ctx(request), request.body),
  });
}
