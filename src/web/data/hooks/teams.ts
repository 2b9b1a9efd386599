import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Team, teamCreate, teamUpdate } from '../../../common/contracts/users.ts';
import { api } from '../client.ts';
import { ME_KEY, TEAMS_KEY, USERS_KEY } from '../keys.ts';
import { invalidateAll, useOptionsQuery, usePagedQuery } from '../paged.ts';

export type TeamCreateBody = z.infer<typeof teamCreate>;
export type TeamUpdateBody = z.infer<typeof teamUpdate>;

export function useTeams(companyId: string | undefined) {
  return usePagedQuery<Team>(TEAMS_KEY, '/teams', { companyId });
}

export function useTeamOptions(companyId: string | null | undefined) {
  return useOptionsQuery<Team>(TEAMS_KEY, '/teams', { companyId: companyId ?? undefined }, { enabled: Boolean(companyId) });
}

export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TeamCreateBody | TeamUpdateBody }) =>
      id ? api.patch<Team>(`/teams/${id}`, body) : api.post<Team>('/teams', body),
    onSuccess: () => invalidateAll(client, TEAMS_KEY, USERS_KEY, ME_KEY),
  });
}

export function useDeleteTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.delete(`/teams/${id}`, { query: { version } }),
    onSuccess: () => invalidateAll(client, TEAMS_KEY, USERS_KEY, ME_KEY),
  });
}
