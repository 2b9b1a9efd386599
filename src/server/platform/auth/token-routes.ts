import { idParams, listQuery, pageOf } from '../../../common/contracts/common.ts';
import { apiTokenCreate, apiTokenCreated, apiTokenSchema } from '../../../common/contracts/users.ts';
import { actorOf, principalOf, type App, type Deps } from '../http/types.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';

const access = { permission: 'tokens.manage' } as const;

export function registerTokenRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: Parameters<typeof principalOf>[0]) => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/api-tokens', {
    config: { access },
    schema: { tags: ['api-tokens'], summary: 'API 令牌列表', querystring: listQuery, response: { 200: pageOf(apiTokenSchema) } },
    handler: (request) => listApiTokens(db, request.query),
  });
  app.post('/api/v1/api-tokens', {
    config: { access },
    schema: { tags: ['api-tokens'], summary: '创建 API 令牌（密钥只返回一次）', body: apiTokenCreate, response: { 201: apiTokenCreated } },
    handler: async (request, reply) => reply.status(201).send(await createApiToken(ctx(request), request.body)),
  });
  app.delete('/api/v1/api-tokens/:id', {
    config: { access },
    schema: { tags: ['api-tokens'], summary: '吊销 API 令牌', params: idParams, response: { 200: apiTokenSchema } },
    handler: (request) => revokeApiToken(ctx(request), request.params.id),
  });
}
