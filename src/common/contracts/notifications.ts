import { z } from 'zod';
import { isoDateTime, listQuery } from './common.ts';

// Notifications.
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  readAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export const notificationListQuery = listQuery.extend({ unread: z.enum(['true', 'false']).optional() });

export type Notification = z.infer<typeof notificationSchema>;
