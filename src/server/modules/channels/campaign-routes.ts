import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../common/contracts/common.ts';
import { attributionBody, attributionSchema, campaignCreate, campaignDeleteQuery, campaignListQuery, campaignPage, campaignSchema, campaignUpdate, referralListQuery, referralPage } from '../../../common/contracts/campaigns.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createCampaign, deleteCampaign, listCampaigns, referralStats, setAttribution, updateCampaign } from './campaigns.ts';
import type { ChannelCtx } from './registrations.ts';

const tags = ['channels'];

// Campaigns and referrals are read in the caller's project scope (group → all, company → its
// company, others → their assigned projects); outside it a campaign answers 404.
export function registerCampaignRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): ChannelCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });
  app.get('/api/v1/campaigns', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '推广活动及其效果（来访、有效成交、每来访/每成交成本、回报），按活动开始日期倒序分页', querystring: campaignListQuery, response: { 200: campaignPage } },
    handler: (request) => listCampaigns(db, principalOf(request), request.query),
  });
  app.post('/api/v1/campaigns', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '新建推广活动', body: campaignCreate, response: { 201: campaignSchema } },
    handler: async (request, reply) => reply.status(201).send(await createCampaign(ctx(request), request.body)),
  });
  app.patch('/api/v1/campaigns/:id', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '修改推广活动（名称、渠道、期间、费用；须带版本号）', params: idParams, body: campaignUpdate, response: { 200: campaignSchema } },
    handler: (request) => updateCampaign(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/campaigns/:id', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '删除推广活动（须无归属客户，否则 409 CAMPAIGN_IN_USE）', params: idParams, querystring: campaignDeleteQuery, response: { 204: z.null().describe('已删除') } },
    handler: async (request, reply) => {
      await deleteCampaign(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
  app.put('/api/v1/interests/:id/attribution', {
    config: { access: { permission: 'customers.write' } },
    schema: { tags, summary: '登记客户来源：推广活动（首次来访须在活动期间内）、推荐业主（老带新）', params: idParams, body: attributionBody, response: { 200: attributionSchema } },
    handler: (request) => setAttribution(ctx(request), request.params.id, request.body),
  });
  app.get('/api/v1/referrals', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '老带新统计：每位推荐业主的推荐数、有效成交数与奖励，分页', querystring: referralListQuery, response: { 200: referralPage } },
    handler: (request) => referralStats(db, principalOf(request), request.query),
  });
}
