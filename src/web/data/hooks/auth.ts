import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, Me } from '../../../common/contracts/auth.ts';
import { api, ApiError } from '../client.ts';
import { ME_KEY } from '../keys.ts';

type Ok = { ok: true };

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me', { signal, authRedirect: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when there is no session. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Me>('/auth/login', body, { authRedirect: false }),
    onSuccess: (me) => {
      // Nothing cached for a previous user may leak into this session.
      client.removeQueries();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function logoutRequest(): Promise<Ok> {
  return api.post<Ok>('/auth/logout', {}, { authRedirect: false });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<Ok>('/auth/password', body),
  });
}
