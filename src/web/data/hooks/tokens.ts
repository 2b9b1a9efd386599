import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, apiTokenCreate, apiTokenCreated } from '../../../common/contracts/users.ts';
import { api } from '../client.ts';
import { TOKENS_KEY } from '../keys.ts';
import { usePagedQuery } from '../paged.ts';

export type ApiTokenCreateBody = z.infer<typeof apiTokenCreate>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;

export function useApiTokens() {
  return usePagedQuery<ApiToken>(TOKENS_KEY, '/api-tokens');
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreateBody) => api.post<ApiTokenCreated>('/api-tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/api-tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
