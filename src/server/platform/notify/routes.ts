import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, okSchema, pageOf } from '../../../common/contracts/common.ts';
import { notificationListQuery, notificationSchema } from '../../../common/contracts/notifications.ts';
import { decodeKeyset, pageFrom } from '../http/cursor.ts';
import { AppError } from '../errors/app-error.ts';
import { iso, principalOf, type App, type Deps } from '../http/types.ts';
import { notifications } from './tables.ts';

const tags = ['notifications'];
const me = 'authenticated' as const;

// The caller's own notifications only: every query is keyed by the signed-in user.
export function registerNotificationRoutes(app: App, { db, clock }: Deps) {
  app.get('/api/v1/notifications', {
    config: { access: me },
    schema: { tags, summary: '我的消息（分派、升级、时限预警、群诉预警）', querystring: notificationListQuery, response: { 200: pageOf(notificationSchema) } },
    handler: async (request) => {
      const { userId } = principalOf(request);
      const q = request.query;
      const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
      if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
      const n = notifications;
      const rows = await db
        .select()
        .from(n)
        .where(
          and(
            eq(n.userId, userId),
            q.unread === 'true' ? isNull(n.readAt) : undefined,
            after ? or(lt(n.createdAt, new Date(after[0])), and(eq(n.createdAt, new Date(after[0])), lt(n.id, after[1]))) : undefined,
          ),
        )
        .orderBy(desc(n.createdAt), desc(n.id))
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, readAt: iso(r.readAt), createdAt: r.createdAt.toISOString() })),
      };
    },
  });
  app.get('/api/v1/notifications/unread-count', {
    config: { access: me },
    schema: { tags, summary: '未读消息数', response: { 200: z.object({ count: z.number().int() }) } },
    handler: async (request) => {
      const [row] = await db.select({ c: count() }).from(notifications).where(and(eq(notifications.userId, principalOf(request).userId), isNull(notifications.readAt)));
      return { count: Number(row.c) };
    },
  });
  app.post('/api/v1/notifications/:id/read', {
    config: { access: me },
    schema: { tags, summary: '标记为已读', params: idParams, response: { 200: okSchema } },
    handler: async (request) => {
      const done = await db
        .update(notifications)
        .set({ readAt: sql`COALESCE(${notifications.readAt}, ${clock.now().toISOString()}::timestamptz)` })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, principalOf(request).userId)))
        .returning({ id: notifications.id });
      if (!done.length) throw new AppError('NOT_FOUND', '消息不存在');
      return { ok: true as const };
    },
  });
  app.post('/api/v1/notifications/read-all', {
    config: { access: me },
    schema: { tags, summary: '全部标记为已读', response: { 200: okSchema } },
    handler: async (request) => {
      await db.update(notifications).set({ readAt: clock.now() }).where(and(eq(notifications.userId, principalOf(request).userId), isNull(notifications.readAt)));
      return { ok: true as const };
    },
  });
}
