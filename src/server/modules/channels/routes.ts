import type { FastifyRequest } from 'fastify';
import { and, asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, pageOf } from '../../../common/contracts/common.ts';
import {
  appealCreate, appealDecision, appealListQuery, appealSchema, brokerProjectSchema, channelSettingsBody, channelSettingsSchema, registrationCreate, registrationListQuery,
  registrationSchema, visitConfirmBody,
} from '../../../common/contracts/channels.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { projects } from '../org/tables.ts';
import { createAppeal, decideAppeal, listAppeals } from './appeals.ts';
import { confirmVisit, createRegistration, listRegistrations, type ChannelCtx } from './registrations.ts';
import { channelSettingsFor, getChannelSettings, saveChannelSettings } from './settings.ts';

const tags = ['channels'];
const broker = { permission: 'channels.register' } as const;

export function registerChannelRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): ChannelCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/broker/projects', {
    config: { access: broker },
    schema: { tags, summary: '经纪人可报备的项目及其规则', response: { 200: z.object({ items: z.array(brokerProjectSchema) }) } },
    handler: async (request) => {
      const p = principalOf(request);
      const rows = p.projectIds.length ? await db.select({ id: projects.id, name: projects.name, city: projects.city }).from(projects).where(and(inArray(projects.id, p.projectIds))).orderBy(asc(projects.name)) : [];
      return { items: await Promise.all(rows.map(async (x) => ({ projectId: x.id, projectName: x.name, city: x.city, ...(await channelSettingsFor(db, x.id)) }))) };
    },
  });
  app.post('/api/v1/registrations', {
    config: { access: broker },
    schema: { tags, summary: '报备客户（按手机号判客；无效时 409 REGISTRATION_REFUSED 并给出原因）', body: registrationCreate, response: { 201: registrationSchema } },
    handler: async (request, reply) => reply.status(201).send(await createRegistration(ctx(request), request.body)),
  });
  app.get('/api/v1/broker/registrations', {
    config: { access: broker },
    schema: { tags, summary: '我的报备（手机号脱敏）', querystring: registrationListQuery, response: { 200: pageOf(registrationSchema) } },
    handler: (request) => listRegistrations(db, principalOf(request), request.query, 'broker'),
  });
  app.post('/api/v1/registrations/:id/appeals', {
    config: { access: broker },
    schema: { tags, summary: '对失效或无效的报备提出申诉', params: idParams, body: appealCreate, response: { 201: appealSchema } },
    handler: async (request, reply) => reply.status(201).send(await createAppeal(ctx(request), request.params.id, request.body)),
  });
  app.get('/api/v1/broker/appeals', {
    config: { access: broker },
    schema: { tags, summary: '我的申诉及裁决结果', querystring: appealListQuery, response: { 200: pageOf(appealSchema) } },
    handler: (request) => listAppeals(db, principalOf(request), request.query, 'broker'),
  });
  app.get('/api/v1/registrations', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '项目的渠道报备', querystring: registrationListQuery, response: { 200: pageOf(registrationSchema) } },
    handler: (request) => listRegistrations(db, principalOf(request), request.query, 'office'),
  });
  app.post('/api/v1/registrations/:id/visit', {
    config: { access: { permission: 'channels.confirm' } },
    schema: { tags, summary: '到访确认（填写完整手机号，建立客户与项目意向）', params: idParams, body: visitConfirmBody, response: { 200: registrationSchema } },
    handler: (request) => confirmVisit(ctx(request), request.params.id, request.body),
  });
  app.get('/api/v1/registration-appeals', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '报备申诉', querystring: appealListQuery, response: { 200: pageOf(appealSchema) } },
    handler: (request) => listAppeals(db, principalOf(request), request.query),
  });
  // Deciding is a manager's (channels.decide: the sales manager); marketing reads appeals only.
  app.post('/api/v1/registration-appeals/:id/decide', {
    config: { access: { permission: 'channels.decide' } },
    schema: { tags, summary: '裁决申诉（支持则恢复保护期并重新计算；可改判作废其他经纪人的报备，已签约等无法支持时 409）', params: idParams, body: appealDecision, response: { 200: appealSchema } },
    handler: (request) => decideAppeal(ctx(request), request.params.id, request.body),
  });
  app.get('/api/v1/projects/:id/channel-settings', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '项目渠道规则（报备方式、保护期、结佣）', params: idParams, response: { 200: channelSettingsSchema } },
    handler: (request) => getChannelSettings(db, principalOf(request), request.params.id),
  });
  app.put('/api/v1/projects/:id/channel-settings', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '设置项目渠道规则', params: idParams, body: channelSettingsBody, response: { 200: channelSettingsSchema } },
    handler: (request) => saveChannelSettings(ctx(request), request.params.id, request.body),
  });
}
