import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  agencyBrokerAdd, agencyBrokerParams, agencyCreate, agencyDetailSchema, agencyListQuery, agencyPageSchema, agencyPeriodQuery, agencyUpdate, agencyVersionBody, brokerAgencySchema,
  brokerCandidateSchema,
} from '../../../common/contracts/agencies.ts';
import { idParams } from '../../../common/contracts/common.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createAgency, getAgency, listAgencies, setAgencyStatus, updateAgency } from './agencies.ts';
import { addAgencyBroker, agencyOfBroker, brokerCandidates, removeAgencyBroker } from './agency-brokers.ts';
import type { ChannelCtx } from './registrations.ts';

const tags = ['channels'];
const read = { permission: 'channels.read' } as const;
const manage = { permission: 'channels.manage' } as const;

// 渠道机构 and their brokers (经纪人归属).
export function registerAgencyRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): ChannelCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/channel-agencies', {
    config: { access: read },
    schema: { tags, summary: '渠道机构（按名称搜索、状态筛选；附期间内经纪人、报备、到访、成交、可结佣数，默认本月）', querystring: agencyListQuery, response: { 200: agencyPageSchema } },
    handler: (request) => listAgencies(db, principalOf(request), request.query, clock.now()),
  });
  app.post('/api/v1/channel-agencies', {
    config: { access: manage },
    schema: { tags, summary: '新建渠道机构', body: agencyCreate, response: { 201: agencyDetailSchema } },
    handler: async (request, reply) => reply.status(201).send(await createAgency(ctx(request), request.body)),
  });
  app.get('/api/v1/channel-agencies/:id', {
    config: { access: read },
    schema: { tags, summary: '渠道机构详情及其经纪人', params: idParams, querystring: agencyPeriodQuery, response: { 200: agencyDetailSchema } },
    handler: (request) => getAgency(db, principalOf(request), request.params.id, request.query, clock.now()),
  });
  app.patch('/api/v1/channel-agencies/:id', {
    config: { access: manage },
    schema: { tags, summary: '修改渠道机构（携带 version，过期时 409）', params: idParams, body: agencyUpdate, response: { 200: agencyDetailSchema } },
    handler: (request) => updateAgency(ctx(request), request.params.id, request.body),
  });
  app.post('/api/v1/channel-agencies/:id/suspend', {
    config: { access: manage },
    schema: { tags, summary: '暂停合作（其经纪人不能再报备，已有报备的保护期不变）', params: idParams, body: agencyVersionBody, response: { 200: agencyDetailSchema } },
    handler: (request) => setAgencyStatus(ctx(request), request.params.id, 'suspended', request.body.version),
  });
  app.post('/api/v1/channel-agencies/:id/resume', {
    config: { access: manage },
    schema: { tags, summary: '恢复合作', params: idParams, body: agencyVersionBody, response: { 200: agencyDetailSchema } },
    handler: (request) => setAgencyStatus(ctx(request), request.params.id, 'active', request.body.version),
  });
  app.get('/api/v1/channel-agencies/:id/broker-candidates', {
    config: { access: manage },
    schema: { tags, summary: '可加入机构的本公司渠道经纪人（及其当前所属机构）', params: idParams, response: { 200: z.object({ items: z.array(brokerCandidateSchema) }) } },
    handler: (request) => brokerCandidates(db, principalOf(request), request.params.id),
  });
  app.post('/api/v1/channel-agencies/:id/brokers', {
    config: { access: manage },
    schema: { tags, summary: '将经纪人加入机构（每位经纪人至多属于一个机构）', params: idParams, body: agencyBrokerAdd, response: { 201: agencyDetailSchema } },
    handler: async (request, reply) => reply.status(201).send(await addAgencyBroker(ctx(request), request.params.id, request.body.brokerId)),
  });
  app.delete('/api/v1/channel-agencies/:id/brokers/:brokerId', {
    config: { access: manage },
    schema: { tags, summary: '将经纪人移出机构（其已有报备仍归该机构）', params: agencyBrokerParams, response: { 200: agencyDetailSchema } },
    handler: (request) => removeAgencyBroker(ctx(request), request.params.id, request.params.brokerId),
  });
  app.get('/api/v1/broker/agency', {
    config: { access: { permission: 'channels.register' } },
    schema: { tags, summary: '经纪人所属机构（报备时使用其名称）', response: { 200: brokerAgencySchema } },
    handler: async (request) => {
      const agency = await agencyOfBroker(db, principalOf(request).userId);
      return { agency: agency && { id: agency.id, name: agency.name, status: agency.status } };
    },
  });
}
