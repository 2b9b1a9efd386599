import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../common/contracts/common.ts';
import type { roleInfoSchema, User, userCreate, userUpdate } from '../../../common/contracts/users.ts';
import type { Role } from '../../../common/roles.ts';
import { api } from '../client.ts';
import { ME_KEY, ROLES_KEY, TEAMS_KEY, USERS_KEY } from '../keys.ts';
import { invalidateAll, useOptionsQuery, usePagedQuery } from '../paged.ts';

export type UserCreateBody = z.infer<typeof userCreate>;
export type UserUpdateBody = z.infer<typeof userUpdate>;
export type RoleInfo = z.infer<typeof roleInfoSchema>;

export type UserFilters = { q?: string; role?: Role; companyId?: string };

export function useUsers(filters: UserFilters) {
  return usePagedQuery<User>(USERS_KEY, '/users', filters);
}

export function useUserOptions(companyId: string | null | undefined) {
  return useOptionsQuery<User>(USERS_KEY, '/users', { companyId: companyId ?? undefined }, { enabled: Boolean(companyId) });
}

export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => api.get<Page<RoleInfo>>('/roles', { signal }),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api.post<User>('/users', body),
    onSuccess: () => invalidateAll(client, USERS_KEY, TEAMS_KEY),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdateBody }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: () => invalidateAll(client, USERS_KEY, TEAMS_KEY, ME_KEY),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<{ ok: true }>(`/users/${id}/reset-password`, { newPassword }),
  });
}
