import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config.ts';
import type { Database } from './db/client.ts';
import { registerComplaintReportRoutes } from './modules/complaints/report-routes.ts';
import { registerBoardRoutes } from './modules/customers/board-routes.ts';
import { registerCustomerRoutes } from './modules/customers/routes.ts';
import { registerCustomerTagRoutes } from './modules/customers/tags-routes.ts';
import { registerCustomerImportExportRoutes } from './modules/customers/import/routes.ts';
import { registerComplaintLibraryRoutes } from './modules/complaints/library-routes.ts';
import { registerPublicComplaintRoutes } from './modules/complaints/public-routes.ts';
import { registerComplaintRoutes } from './modules/complaints/routes.ts';
import { registerOrgRoutes } from './modules/org/routes.ts';
import { registerSalesRoutes } from './modules/sales/routes.ts';
import { registerChannelRoutes } from './modules/channels/routes.ts';
import { registerCampaignRoutes } from './modules/channels/campaign-routes.ts';
import { registerAgencyRoutes } from './modules/channels/agency-routes.ts';
import { registerAnalyticsRoutes } from './modules/analytics/routes.ts';
import { registerUserRoutes } from './modules/users/routes.ts';
import { registerGuard } from './platform/access/guard.ts';
import type { Access } from './platform/access/principal.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { createAppCaches, followInvalidations } from './platform/cache/app-caches.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerTokenRoutes } from './platform/auth/token-routes.ts';
import type { Clock } from './platform/clock.ts';
import { registerErrorHandling } from './platform/errors/handler.ts';
import type { App, Deps } from './platform/http/types.ts';
import { registerNotificationRoutes } from './platform/notify/routes.ts';

// Validation messages in Chinese for every zod schema (field errors reach users as-is).
z.config(z.locales.zhCN());

export type BuildAppOptions = { database: Database; clock: Clock; config: AppConfig; logger?: FastifyServerOptions['logger'] };
export type RouteInfo = { method: string; url: string; access: Access | undefined };

export async function buildApp(opts: BuildAppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.config.bodyLimit,
    trustProxy: opts.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every API route must declare who may call it; registering one without fails at start-up.
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api/v1') && access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: '客源 Keyuan CRM API', version: '1.0.0', description: '房地产客户关系管理系统 API。会话 Cookie 或 Bearer API 令牌认证。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'keyuan_session' } } },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Hot reads are cached in-process and invalidated by database notifications from every
  // instance. Turned off, the caches never go live and every read goes to the database.
  const caches = createAppCaches();
  if (opts.config.readCache) {
    const unfollow = await followInvalidations(opts.database, caches);
    app.addHook('onClose', () => unfollow());
  }

  registerErrorHandling(app);
  registerGuard(app, { database: opts.database, clock: opts.clock, caches, sessionTtlMs: opts.config.sessionTtlMs, cookie: { secure: opts.config.cookieSecure } });

  const deps: Deps = { database: opts.database, db: opts.database.db, clock: opts.clock, config: opts.config, caches };
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '健康检查（含数据库）', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
    handler: async () => {
      await opts.database.executeSql('SELECT 1');
      return { status: 'ok' as const, database: opts.database.kind };
    },
  });
  // A route that touches nothing (no database, no session): the benchmarks' baseline.
  app.get('/api/ping', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '存活探测（不访问数据库）', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: () => ({ status: 'ok' as const }),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  registerAuthRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerCustomerTagRoutes(app, deps);
  registerBoardRoutes(app, deps);
  registerCustomerImportExportRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  registerComplaintLibraryRoutes(app, deps);
  registerPublicComplaintRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerSalesRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerAgencyRoutes(app, deps);
  registerAnalyticsRoutes(app, deps);
  registerComplaintReportRoutes(app, deps);

  // The built web app (npm run build:web) with client-side routing: unknown non-API paths get
  // index.html; unknown API paths stay 404 problems.
  const webDir = resolve(opts.config.webDir);
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }

  return Object.assign(app, { routeList: routes, caches });
}
export type KeyuanApp = Awaited<ReturnType<typeof buildApp>>;
