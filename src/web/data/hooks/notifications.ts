import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/contracts/common.ts';
import type { Notification } from '../../../common/contracts/notifications.ts';
import { api } from '../client.ts';
import { usePagedQuery } from '../paged.ts';

// One root for the list, the latest few and the unread count: one invalidation refreshes all.
export const NOTIFICATIONS_KEY = ['notifications'] as const;
const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread-count'] as const;
const LATEST_KEY = [...NOTIFICATIONS_KEY, 'latest'] as const;

export const UNREAD_POLL_MS = 30_000;

type Ok = { ok: true };

/** Only paths inside the app are followed: a notification never sends anyone to another site. */
export function isAppLink(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

export function useNotifications(unreadOnly: boolean) {
  return usePagedQuery<Notification>(NOTIFICATIONS_KEY, '/notifications', { unread: unreadOnly ? 'true' : undefined });
}

/** The newest few, for the bell's dropdown; fetched when it opens. */
export function useLatestNotifications(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: [...LATEST_KEY, limit],
    queryFn: ({ signal }) => api.get<Page<Notification>>('/notifications', { query: { limit }, signal }),
    select: (page) => page.items,
    enabled,
    staleTime: 0,
  });
}

/** How many are unread, polled every 30 s while the page is visible. */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', { signal }),
    select: (data) => data.count,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Ok>(`/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Ok>('/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
