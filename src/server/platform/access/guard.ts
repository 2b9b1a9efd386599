import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../../db/client.ts';
import type { AppCaches } from '../cache/app-caches.ts';
import { AppError } from '../errors/app-error.ts';
import { noteTokenUse, principalForSession, principalForToken } from '../auth/principal-store.ts';
import { SESSION_COOKIE, touchSession } from '../auth/sessions.ts';
import { API_TOKEN_PREFIX, hashSecret } from '../auth/tokens.ts';
import { can, type Access, type Principal } from './principal.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type GuardOptions = { database: Database; clock: Clock; caches: AppCaches; sessionTtlMs: number; cookie: { secure: boolean } };

export function routeAccess(request: FastifyRequest): Access | undefined {
  return request.routeOptions.config?.access;
}

// Cookie sessions are CSRF-safe by SameSite=Lax plus this check: a state-changing request that
// carries an Origin must come from our own host. (Bodies must also be JSON, which a cross-site
// form cannot send.)
function checkOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_REJECTED', '请求来源无效');
  }
  if (host !== request.headers.host) throw new AppError('CSRF_REJECTED', '跨站请求已被拒绝');
}

// Principals come from the read caches while their session or token, user and the user's
// projects are unchanged (platform/cache), else from the database.
async function tokenPrincipal(token: string, opts: GuardOptions, now: Date): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = hashSecret(token);
  const { tokens } = opts.caches;
  const found = tokens.get(tokenHash, now) ?? (await tokens.load(tokenHash, now, () => principalForToken(opts.database, tokenHash)));
  if (!found) return null;
  await noteTokenUse(opts.database, found, now);
  const { lastUsedAt: _l, ...principal } = found;
  return principal;
}

async function sessionPrincipal(request: FastifyRequest, secret: string, opts: GuardOptions, now: Date): Promise<Principal | null> {
  const sessionId = hashSecret(secret);
  const { principals } = opts.caches;
  const found = principals.get(sessionId, now) ?? (await principals.load(sessionId, now, () => principalForSession(opts.database, sessionId, now)));
  if (!found) return null;
  if (UNSAFE.has(request.method)) checkOrigin(request);
  const { expiresAt, ...principal } = found;
  const extended = await touchSession(opts.database.db, sessionId, expiresAt, now, opts.sessionTtlMs);
  if (extended) request.sessionCookieRefresh = { secret, expiresAt: extended };
  return principal;
}

function authenticate(request: FastifyRequest, opts: GuardOptions): Promise<Principal | null> | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return tokenPrincipal(auth.slice(7).trim(), opts, opts.clock.now());
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? sessionPrincipal(request, secret, opts, opts.clock.now()) : null;
}

// Runs before body parsing: an unauthenticated or unauthorised request is refused before any
// of its input is read.
export function registerGuard(app: FastifyInstance, opts: GuardOptions) {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCookieRefresh', null);
  app.addHook('onRequest', async (request) => {
    const access = routeAccess(request);
    if (access === undefined || access === 'public') return; // unknown route (404) or public
    request.principal = await authenticate(request, opts);
    if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (typeof access === 'object' && !can(request.principal, access.permission)) {
      throw new AppError('FORBIDDEN', '您的角色无权执行此操作');
    }
  });
  app.addHook('onSend', async (request, reply) => {
    const refresh = request.sessionCookieRefresh;
    if (refresh) {
      reply.setCookie(SESSION_COOKIE, refresh.secret, sessionCookieOptions(opts.cookie.secure, refresh.expiresAt));
    }
  });
}

export function sessionCookieOptions(secure: boolean, expires: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires };
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyRequest {
    sessionCookieRefresh: { secret: string; expiresAt: Date } | null;
  }
}
