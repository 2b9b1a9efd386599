import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Db } from '../../db/client.ts';
import type { AppConfig } from '../../config.ts';
import type { AppCaches } from '../cache/app-caches.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Principal } from '../access/principal.ts';
import { AppError } from '../errors/app-error.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

// What every module's routes and services receive: no hidden container, explicit arguments.
export type Deps = { database: Database; db: Db; clock: Clock; config: AppConfig; caches: AppCaches };

export function actorOf(request: FastifyRequest): Actor {
  return { principal: request.principal, ip: request.ip };
}

// For routes declared with a permission or 'authenticated', the guard has set the principal.
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.principal;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
