import { changePasswordBody, loginBody, meSchema } from '../../../common/contracts/auth.ts';
import { okSchema } from '../../../common/contracts/common.ts';
import { getMe } from '../../modules/users/me.ts';
import { principalForSession } from './principal-store.ts';
import { sessionCookieOptions } from '../access/guard.ts';
import { recordAudit } from '../audit/record.ts';
import { actorOf, principalOf, type App, type Deps } from '../http/types.ts';
import { changePassword, login } from './login.ts';
import { SESSION_COOKIE, deleteSession } from './sessions.ts';
import { hashSecret } from './tokens.ts';

export function registerAuthRoutes(app: App, deps: Deps) {
  const { db, database, clock, config } = deps;

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '登录（开始会话）', body: loginBody, response: { 200: meSchema } },
    handler: async (request, reply) => {
      const now = clock.now();
      const session = await login({ db, now, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, sessionTtlMs: config.sessionTtlMs }, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, session.secret, sessionCookieOptions(config.cookieSecure, session.expiresAt));
      const principal = await principalForSession(database, hashSecret(session.secret), now);
      return getMe(db, principal!);
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } },
    handler: async (request, reply) => {
      const p = principalOf(request);
      await db.transaction(async (tx) => {
        if (p.sessionId) await deleteSession(tx, p.sessionId);
        await recordAudit(tx, actorOf(request), clock.now(), { action: 'logout', entityType: 'session', entityId: p.userId, entityLabel: `${p.displayName}（${p.username}）`, companyId: p.companyId });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '当前用户、组织与数据范围', response: { 200: meSchema } },
    handler: (request) => getMe(db, principalOf(request)),
  });

  app.post('/api/v1/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '修改本人密码', body: changePasswordBody, response: { 200: okSchema } },
    handler: async (request) => {
      await changePassword({ db, now: clock.now(), ip: request.ip }, principalOf(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  });
}
