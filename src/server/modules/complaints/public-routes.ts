import { z } from 'zod';
import { idParams } from '../../../common/contracts/common.ts';
import { publicComplaintCreate, publicFiledSchema, publicProjectSchema, publicStatusSchema, publicUnitSchema, trackingParams } from '../../../common/contracts/public-complaints.ts';
import { MINUTE } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit/rate-limit.ts';
import { createPublicComplaint } from './create.ts';
import { publicProject, publicProjects, publicStatus, publicUnits } from './public.ts';
import { COMPLAINT_BODY_LIMIT } from './routes.ts';

const tags = ['public'];
const FILE: RateLimit = { name: 'public-complaint-file', max: 5, windowMs: 10 * MINUTE };
const LOOKUP: RateLimit = { name: 'public-complaint-lookup', max: 30, windowMs: MINUTE };
const BROWSE: RateLimit = { name: 'public-browse', max: 120, windowMs: MINUTE };

// The owners' side: no login. Each route is rate-limited per address; filing only creates a new
// complaint, and the tracking code (80 random bits) is the only key to reading one back.
export function registerPublicComplaintRoutes(app: App, { db, clock }: Deps) {
  app.get('/api/v1/public/projects', {
    config: { access: 'public' },
    schema: { tags, summary: '可投诉的项目与楼栋', response: { 200: z.object({ items: z.array(publicProjectSchema) }) } },
    handler: async (request) => {
      await hitRateLimit(db, BROWSE, request.ip, clock.now());
      return publicProjects(db);
    },
  });
  app.get('/api/v1/public/buildings/:id/units', {
    config: { access: 'public' },
    schema: { tags, summary: '楼栋的房号', params: idParams, response: { 200: z.object({ items: z.array(publicUnitSchema) }) } },
    handler: async (request) => {
      await hitRateLimit(db, BROWSE, request.ip, clock.now());
      return publicUnits(db, request.params.id);
    },
  });
  app.post('/api/v1/public/complaints', {
    config: { access: 'public' },
    bodyLimit: COMPLAINT_BODY_LIMIT,
    schema: { tags, summary: '业主自助投诉（返回查询码）', body: publicComplaintCreate, response: { 201: publicFiledSchema } },
    handler: async (request, reply) => {
      const now = clock.now();
      await hitRateLimit(db, FILE, request.ip, now);
      if (request.body.website) throw new AppError('VALIDATION_FAILED', '提交未通过校验', [{ field: 'website', message: '提交未通过校验' }]);
      const project = await publicProject(db, request.body.projectId);
      const saved = await createPublicComplaint({ db, now, actor: { principal: null, ip: request.ip, name: `业主自助（${request.body.contactName}）` } }, project, request.body);
      return reply.status(201).send({ no: saved.no, trackingCode: saved.trackingCode });
    },
  });
  app.get('/api/v1/public/complaints/:code', {
    config: { access: 'public' },
    schema: { tags, summary: '凭查询码查看投诉进度', params: trackingParams, response: { 200: publicStatusSchema } },
    handler: async (request) => {
      await hitRateLimit(db, LOOKUP, request.ip, clock.now());
      return publicStatus(db, request.params.code);
    },
  });
}
