import type { FastifyRequest } from 'fastify';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, idSchema, pageOf } from '../../../common/contracts/common.ts';
import { caseListQuery, caseSchema, issueSchema, suggestionQuery, suggestionSchema } from '../../../common/contracts/complaints.ts';
import { alertSchema, groupComplaintBody, groupComplaintListQuery, groupComplaintSchema, groupComplaintUpdate } from '../../../common/contracts/group-complaints.ts';
import { settingsBody, settingsQuery, settingsSchema } from '../../../common/contracts/complaint-reports.ts';
import type { AlertKind, Specialty } from '../../../common/complaints.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { actorOf, iso, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { requireProject } from '../org/projects.ts';
import { buildings, projects } from '../org/tables.ts';
import { getCase, listCases } from './cases.ts';
import type { Ctx } from './create.ts';
import { createGroupComplaint, getGroupComplaint, listGroupComplaints, updateGroupComplaint } from './groups.ts';
import { listIssues, suggestSimilar } from './read.ts';
import { getComplaintSettings, saveComplaintSettings } from './settings.ts';
import { complaintAlerts, complaintIssues } from './tables.ts';

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
    schema: { tags, summary: '群诉预警（30 天内 3 位以上不同客户）', querystring: z.object({ open: z.enum(['true', 'false']).default('true') }), response: { 200: z.object({ items: z.array(alertSchema) }) } },
    handler: async (request) => {
      const a = complaintAlerts;
      const where: (SQL | undefined)[] = [projectScopeCondition(principalOf(request), a), eq(a.open, request.query.open === 'true')];
      const rows = await db
        .select({ a, projectName: projects.name, buildingName: buildings.name, issueTitle: complaintIssues.title })
        .from(a)
        .innerJoin(projects, eq(projects.id, a.projectId))
        .leftJoin(buildings, eq(buildings.id, a.buildingId))
        .leftJoin(complaintIssues, eq(complaintIssues.id, a.issueId))
        .where(and(...where))
        .orderBy(desc(a.raisedAt))
        .limit(200);
      return {
        items: rows.map(({ a: r, projectName, buildingName, issueTitle }) => ({
          id: r.id, kind: r.kind as AlertKind, companyId: r.companyId, projectId: r.projectId, projectName, buildingName, specialty: (r.specialty as Specialty | null) ?? null,
          issueTitle, customerCount: r.customerCount, complaintIds: r.complaintIds, open: r.open, raisedAt: r.raisedAt.toISOString(), clearedAt: iso(r.clearedAt),
        })),
      };
    },
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
