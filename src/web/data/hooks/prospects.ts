import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoardColumn,
  Interest,
  MyBoardColumn,
  Prospect,
  reassignBody,
  salesSettingsSchema,
  salesSettingsUpdate,
  savedFilterCreate,
  savedFilterSchema,
} from '../../../common/contracts/customers.ts';
import type { Project } from '../../../common/contracts/org.ts';
import type { User } from '../../../common/contracts/users.ts';
import { api, download } from '../client.ts';
import { BOARDS_KEY, POOL_KEY, PROJECTS_KEY, PROSPECTS_KEY, SALES_SETTINGS_KEY, SAVED_FILTERS_KEY, USERS_KEY } from '../keys.ts';
import { useOptionsQuery, usePagedQuery } from '../paged.ts';
import { invalidateProspects } from './customers.ts';

export type ReassignBody = z.input<typeof reassignBody>;
export type SalesSettings = z.infer<typeof salesSettingsSchema>;
export type SalesSettingsBody = z.infer<typeof salesSettingsUpdate>;
export type SavedFilter = z.infer<typeof savedFilterSchema>;
export type SavedFilterBody = z.infer<typeof savedFilterCreate>;

// The prospect list's filters, named as the API's query parameters (and the page's address, and a
// saved filter's `query`): one vocabulary everywhere.
export const PROSPECT_FILTER_KEYS = [
  'q',
  'projectId',
  'ownerId',
  'stage',
  'grade',
  'tag',
  'sourceChannel',
  'buyerType',
  'familySegment',
  'lastContactFrom',
  'lastContactTo',
  'sort',
] as const;
export type ProspectFilterKey = (typeof PROSPECT_FILTER_KEYS)[number];
export type ProspectFilters = Partial<Record<ProspectFilterKey, string>>;

export type { BoardColumn, MyBoardColumn } from '../../../common/contracts/customers.ts';
export type TeamBoardRow = {
  owner: { id: string; name: string };
  total: number;
  today: number;
  overdue: number;
  newlyAssigned: number;
};

// ── Lists ────────────────────────────────────────────────────────────────────

export function useProspects(filters: ProspectFilters) {
  return usePagedQuery<Prospect>(PROSPECTS_KEY, '/customers', filters);
}

export function exportProspects(filters: ProspectFilters): Promise<void> {
  return download('/customers/export', filters, '客户列表.xlsx');
}

/** Every project in the caller's scope (one large page), for project selects. */
export function useScopeProjects() {
  return useOptionsQuery<Project>(PROJECTS_KEY, '/projects', { sort: 'name' });
}

/** Sales consultants the caller may see (managers hold users.read), for owner selects. */
export function useConsultantOptions(enabled = true) {
  return useOptionsQuery<User>(USERS_KEY, '/users', { role: 'sales_consultant' }, { enabled });
}

// ── Saved filters ────────────────────────────────────────────────────────────

export function useSavedFilters() {
  return useQuery({
    queryKey: SAVED_FILTERS_KEY,
    queryFn: ({ signal }) => api.get<{ items: SavedFilter[] }>('/saved-filters', { signal }),
    select: (data) => data.items,
  });
}

export function useCreateSavedFilter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedFilterBody) => api.post<SavedFilter>('/saved-filters', body),
    onSuccess: () => client.invalidateQueries({ queryKey: SAVED_FILTERS_KEY }),
  });
}

export function useDeleteSavedFilter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/saved-filters/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: SAVED_FILTERS_KEY }),
  });
}

// ── Boards ───────────────────────────────────────────────────────────────────

export const BOARD_PAGE_SIZE = 20;

/** One column of 「我的跟进」, a page at a time (加载更多), each page with the column's total. */
export function useMyBoardColumn(column: MyBoardColumn) {
  return useInfiniteQuery({
    queryKey: [...BOARDS_KEY, 'mine', column],
    queryFn: ({ pageParam, signal }) =>
      api.get<BoardColumn>(`/prospect-boards/mine/${column}`, { query: { limit: BOARD_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTeamBoard(projectId: string | undefined) {
  return useQuery({
    queryKey: [...BOARDS_KEY, 'team', projectId ?? null],
    queryFn: ({ signal }) =>
      api.get<{ rows: TeamBoardRow[] }>('/prospect-boards/team', { query: { projectId }, signal }),
    select: (data) => data.rows,
  });
}

// ── Pool and ownership ───────────────────────────────────────────────────────

export function usePool(projectId: string | undefined) {
  return usePagedQuery<Prospect>(POOL_KEY, '/customer-pool', { projectId });
}

export function useClaimProspect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (interestId: string) => api.post<Interest>(`/interests/${interestId}/claim`),
    onSuccess: () => invalidateProspects(client),
  });
}

export function useReassign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignBody) => api.post<{ moved: number }>('/interests/reassign', body),
    onSuccess: () => invalidateProspects(client),
  });
}

// ── Follow-up rules ──────────────────────────────────────────────────────────

export function useSalesSettings(projectId: string | undefined) {
  return useQuery({
    queryKey: [...SALES_SETTINGS_KEY, projectId],
    queryFn: ({ signal }) => api.get<SalesSettings>(`/projects/${projectId}/sales-settings`, { signal }),
    enabled: Boolean(projectId),
  });
}

export function useSaveSalesSettings(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesSettingsBody) => api.put<SalesSettings>(`/projects/${projectId}/sales-settings`, body),
    onSuccess: (settings) => {
      client.setQueryData([...SALES_SETTINGS_KEY, projectId], settings);
      // Due dates and the boards follow the new rules.
      return invalidateProspects(client);
    },
  });
}
