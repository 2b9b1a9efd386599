import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../common/contracts/common.ts';
import { attributionBody, attributionSchema, campaignCreate, campaignListQuery, campaignSchema, referralListQuery, referralStatSchema } from '../../../common/contracts/campaigns.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createCampaign, listCampaigns, referralStats, setAttribution } from './campaigns.ts';
import type { ChannelCtx } from './registrations.ts';

const tags = ['channels'];

export function registerCampaignRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest): ChannelCtx => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });
  app.get('/api/v1/campaigns', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '推广活动及其效果（来访、成交、每来访/每成交成本、回报）', querystring: campaignListQuery, response: { 200: z.object({ items: z.array(campaignSchema) }) } },
    handler: async (request) => ({ items: await listCampaigns(db, principalOf(request), request.query) }),
  });
  app.post('/api/v1/campaigns', {
    config: { access: { permission: 'channels.manage' } },
    schema: { tags, summary: '新建推广活动', body: campaignCreate, response: { 201: campaignSchema } },
    handler: async (request, reply) => reply.status(201).send(await createCampaign(ctx(request), request.body)),
  });
  app.put('/api/v1/interests/:id/attribution', {
    config: { access: { permission: 'customers.write' } },
    schema: { tags, summary: '登记客户来源：推广活动、推荐业主（老带新）', params: idParams, body: attributionBody, response: { 200: attributionSchema } },
    handler: (request) => setAttribution(ctx(request), request.params.id, request.body),
  });
  app.get('/api/v1/referrals', {
    config: { access: { permission: 'channels.read' } },
    schema: { tags, summary: '老带新统计：每位推荐业主的推荐数、成交数与奖励', querystring: referralListQuery, response: { 200: z.object({ items: z.array(referralStatSchema) }) } },
    handler: (request) => referralStats(db, principalOf(request), request.query),
  });
}
