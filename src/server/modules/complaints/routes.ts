import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../common/contracts/common.ts';
import { assignBody, callbackBody, caseBody, caseSchema, closeBody, complaintCount, complaintCountQuery, complaintCreate, complaintDetailSchema, complaintListItem, complaintListQuery, complaintUpdate, contingencyItemSchema, customerLinkBody, contingencyUpdate, issueLinkBody, noteBody, reopenBody, replyBody, revealComplaintBody, transitionBody } from '../../../common/contracts/complaints.ts';
import { CONTINGENCY_ITEMS } from '../../../common/complaints.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { requireProject } from '../org/projects.ts';
import { readAttachment } from './attachments.ts';
import { saveCase } from './cases.ts';
import { createComplaint, type Ctx } from './create.ts';
import { countComplaints, findVisibleComplaint, getComplaintDetail, listComplaints } from './read.ts';
import { linkIssue, linkSuggestedCustomer, updateComplaint, updateContingencyItem } from './update.ts';
import { addComplaintNote, assignComplaint, closeComplaint, moveComplaint, recordCallback, reopenComplaint, replyToComplainant } from './workflow.ts';

const read = { permission: 'complaints.read' } as const;
const write = { permission: 'complaints.write' } as const;
const tags = ['complaints'];
// Photos arrive base64-encoded in the body: five of 2 MB each, plus the text.
export const COMPLAINT_BODY_LIMIT = 15 * 1024 * 1024;

export function registerComplaintRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): Ctx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });
  const detail = (request: FastifyRequest, id: string) => getComplaintDetail(db, principalOf(request), id, clock.now());
  const step = (summary: string, path: string, body: z.ZodType, run: (c: Ctx, id: string, b: never) => Promise<unknown>) =>
    app.post(`/api/v1/complaints/:id/${path}`, {
      config: { access: write },
      schema: { tags, summary, params: idParams, body, response: { 200: complaintDetailSchema } },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        await run(ctx(request), id, request.body as never);
        return detail(request, id);
      },
    });

  app.get('/api/v1/complaints', {
    config: { access: read },
    schema: { tags, summary: '投诉列表（范围内，最新在前）', querystring: complaintListQuery, response: { 200: pageOf(complaintListItem) } },
    handler: (request) => listComplaints(db, principalOf(request), request.query, clock.now()),
  });
  app.get('/api/v1/complaints/count', {
    config: { access: read },
    schema: { tags, summary: '投诉数量（与列表相同的筛选和范围）', querystring: complaintCountQuery, response: { 200: complaintCount } },
    handler: async (request) => ({ total: await countComplaints(db, principalOf(request), request.query, clock.now()) }),
  });
  app.post('/api/v1/complaints', {
    config: { access: write },
    bodyLimit: COMPLAINT_BODY_LIMIT,
    schema: { tags, summary: '登记投诉（登记人为首问责任人；按手机号关联或新建客户档案）', body: complaintCreate, response: { 201: complaintDetailSchema } },
    handler: async (request, reply) => {
      const c = ctx(request);
      const project = await requireProject(db, c.principal, request.body.projectId);
      const saved = await createComplaint(c, project, request.body);
      return reply.status(201).send(await detail(request, saved.id));
    },
  });
  app.get('/api/v1/complaints/:id', {
    config: { access: read },
    schema: { tags, summary: '投诉详情（进度、回访、附件、应急预案、案例）', params: idParams, response: { 200: complaintDetailSchema } },
    handler: (request) => detail(request, request.params.id),
  });
  app.patch('/api/v1/complaints/:id', {
    config: { access: write },
    schema: { tags, summary: '修改投诉信息（自动重新评估性质）', params: idParams, body: complaintUpdate, response: { 200: complaintDetailSchema } },
    handler: async (request) => {
      await updateComplaint(ctx(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });
  step('分派/移交负责人', 'assign', assignBody, (c, id, b: z.infer<typeof assignBody>) => assignComplaint(c, id, b));
  step('推进处理步骤（调查 → 方案 → 处理 → 待回访）', 'transitions', transitionBody, (c, id, b: z.infer<typeof transitionBody>) => moveComplaint(c, id, b));
  step('答复投诉人（公开答复在查询页可见；首次答复即响应）', 'replies', replyBody, (c, id, b: z.infer<typeof replyBody>) => replyToComplainant(c, id, b));
  step('内部备注', 'notes', noteBody, (c, id, b: z.infer<typeof noteBody>) => addComplaintNote(c, id, b));
  step('登记回访（满意度、是否解决；未解决则退回处理）', 'callbacks', callbackBody, (c, id, b: z.infer<typeof callbackBody>) => recordCallback(c, id, b));
  step('关闭投诉（须已回访；重大投诉须有案例）', 'close', closeBody, (c, id, b: z.infer<typeof closeBody>) => closeComplaint(c, id, b));
  step('重新打开（二次投诉）', 'reopen', reopenBody, (c, id, b: z.infer<typeof reopenBody>) => reopenComplaint(c, id, b));
  step('问题归集：归入已有问题、新建问题或移出', 'issue', issueLinkBody, (c, id, b: z.infer<typeof issueLinkBody>) => linkIssue(c, id, b));
  step('关联客户档案（确认网上投诉人即同手机号的客户）', 'customer', customerLinkBody, (c, id, b: z.infer<typeof customerLinkBody>) => linkSuggestedCustomer(c, id, b));

  app.put('/api/v1/complaints/:id/case', {
    config: { access: write },
    schema: { tags, summary: '编写/修改案例（进入案例库）', params: idParams, body: caseBody, response: { 200: caseSchema } },
    handler: (request) => saveCase(ctx(request), request.params.id, request.body),
  });
  app.patch('/api/v1/complaints/:id/contingency/:item', {
    config: { access: write },
    schema: { tags, summary: '更新重大投诉应急预案事项（按事项代码）', params: z.object({ id: idParams.shape.id, item: z.enum(CONTINGENCY_ITEMS, { error: '预案事项无效' }) }), body: contingencyUpdate, response: { 200: contingencyItemSchema } },
    handler: async (request) => {
      await updateContingencyItem(ctx(request), request.params.id, request.params.item, request.body);
      const d = await detail(request, request.params.id);
      const item = d.contingency.find((i) => i.item === request.params.item);
      if (!item) throw new AppError('NOT_FOUND', '预案事项不存在');
      return item;
    },
  });
  app.post('/api/v1/complaints/:id/reveal', {
    config: { access: { permission: 'customers.reveal' } },
    schema: { tags, summary: '查看投诉人完整手机号（需填写原因，记入审计）', params: idParams, body: revealComplaintBody, response: { 200: z.object({ value: z.string() }) } },
    handler: async (request) => {
      const c = ctx(request);
      const row = await findVisibleComplaint(db, c.principal, request.params.id);
      await recordAudit(db, c.actor, c.now, {
        action: 'reveal', entityType: 'complaint', entityId: row.id, entityLabel: `${row.no} 投诉人手机号：${request.body.reason}`, companyId: row.companyId,
        changes: { field: { before: null, after: 'contactMobile' }, reason: { before: null, after: request.body.reason } },
      });
      return { value: row.contactMobile };
    },
  });
  app.get('/api/v1/complaints/:id/attachments/:attachmentId', {
    config: { access: read },
    schema: { tags, summary: '投诉附件（图片）', params: z.object({ id: idParams.shape.id, attachmentId: idParams.shape.id }) },
    handler: async (request, reply) => {
      await findVisibleComplaint(db, principalOf(request), request.params.id);
      const file = await readAttachment(db, request.params.id, request.params.attachmentId);
      return reply.type(file.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
    },
  });
}
