import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../common/contracts/common.ts';
import type {
  Building,
  buildingCreate,
  buildingUpdate,
  Company,
  companyCreate,
  companyUpdate,
  Group,
  groupUpdate,
  Project,
  projectCreate,
  projectUpdate,
  Unit,
  unitBatchCreate,
  unitCreate,
  UnitStatus,
  unitUpdate,
} from '../../../common/contracts/org.ts';
import { api } from '../client.ts';
import {
  BUILDINGS_KEY,
  COMPANIES_KEY,
  GROUP_KEY,
  ME_KEY,
  PROJECT_KEY,
  PROJECTS_KEY,
  TEAMS_KEY,
  UNITS_KEY,
  USERS_KEY,
} from '../keys.ts';
import { invalidateAll, useOptionsQuery, usePagedQuery } from '../paged.ts';

export type GroupUpdateBody = z.infer<typeof groupUpdate>;
export type CompanyCreateBody = z.infer<typeof companyCreate>;
export type CompanyUpdateBody = z.infer<typeof companyUpdate>;
export type ProjectCreateBody = z.infer<typeof projectCreate>;
export type ProjectUpdateBody = z.infer<typeof projectUpdate>;
export type BuildingCreateBody = z.infer<typeof buildingCreate>;
export type BuildingUpdateBody = z.infer<typeof buildingUpdate>;
export type UnitCreateBody = z.infer<typeof unitCreate>;
export type UnitUpdateBody = z.infer<typeof unitUpdate>;
export type UnitBatchBody = z.infer<typeof unitBatchCreate>;
export type UnitBatchResult = { created: number; skipped: number };

type Versioned = { id: string; version: number };

// ── Group ────────────────────────────────────────────────────────────────────

export function useGroup() {
  return useQuery({ queryKey: GROUP_KEY, queryFn: ({ signal }) => api.get<Group>('/group', { signal }) });
}

export function useRenameGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupUpdateBody) => api.patch<Group>('/group', body),
    onSuccess: () => invalidateAll(client, GROUP_KEY),
  });
}

// ── Companies ────────────────────────────────────────────────────────────────

export function useCompanies() {
  return usePagedQuery<Company>(COMPANIES_KEY, '/companies');
}

export function useCompanyOptions(enabled = true) {
  return useOptionsQuery<Company>(COMPANIES_KEY, '/companies', {}, { enabled });
}

export function useSaveCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CompanyCreateBody | CompanyUpdateBody }) =>
      id ? api.patch<Company>(`/companies/${id}`, body) : api.post<Company>('/companies', body),
    onSuccess: () => invalidateAll(client, COMPANIES_KEY, PROJECTS_KEY, PROJECT_KEY, TEAMS_KEY, USERS_KEY, ME_KEY),
  });
}

export function useDeleteCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: Versioned) => api.delete(`/companies/${id}`, { query: { version } }),
    onSuccess: () => invalidateAll(client, COMPANIES_KEY, PROJECTS_KEY, TEAMS_KEY, USERS_KEY, ME_KEY),
  });
}

// ── Projects ─────────────────────────────────────────────────────────────────

export type ProjectFilters = { companyId?: string; q?: string };

export function useProjects(filters: ProjectFilters, pageSize?: number) {
  return usePagedQuery<Project>(PROJECTS_KEY, '/projects', { ...filters, sort: 'name' }, { pageSize });
}

export function useProjectOptions(companyId: string | null | undefined) {
  return useOptionsQuery<Project>(PROJECTS_KEY, '/projects', { companyId: companyId ?? undefined, sort: 'name' }, {
    enabled: Boolean(companyId),
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: [...PROJECT_KEY, id],
    queryFn: ({ signal }) => api.get<Project>(`/projects/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ProjectCreateBody | ProjectUpdateBody }) =>
      id ? api.patch<Project>(`/projects/${id}`, body) : api.post<Project>('/projects', body),
    onSuccess: () =>
      invalidateAll(client, PROJECTS_KEY, PROJECT_KEY, COMPANIES_KEY, TEAMS_KEY, USERS_KEY, ME_KEY),
  });
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: Versioned) => api.delete(`/projects/${id}`, { query: { version } }),
    onSuccess: (_data, { id }) => {
      client.removeQueries({ queryKey: [...PROJECT_KEY, id] });
      return invalidateAll(client, PROJECTS_KEY, COMPANIES_KEY, TEAMS_KEY, USERS_KEY, ME_KEY);
    },
  });
}

// ── Buildings ────────────────────────────────────────────────────────────────

export function useBuildings(projectId: string | undefined) {
  return useQuery({
    queryKey: [...BUILDINGS_KEY, projectId],
    queryFn: ({ signal }) => api.get<Page<Building>>(`/projects/${projectId}/buildings`, { signal }),
    select: (page) => page.items,
    enabled: Boolean(projectId),
  });
}

function invalidateProjectTree(client: QueryClient) {
  return invalidateAll(client, BUILDINGS_KEY, UNITS_KEY, PROJECT_KEY, PROJECTS_KEY);
}

export function useSaveBuilding(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: BuildingCreateBody | BuildingUpdateBody }) =>
      id
        ? api.patch<Building>(`/buildings/${id}`, body)
        : api.post<Building>(`/projects/${projectId}/buildings`, body),
    onSuccess: () => invalidateProjectTree(client),
  });
}

export function useDeleteBuilding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: Versioned) => api.delete(`/buildings/${id}`, { query: { version } }),
    onSuccess: () => invalidateProjectTree(client),
  });
}

// ── Units ────────────────────────────────────────────────────────────────────

export function useUnits(buildingId: string, status: UnitStatus | undefined) {
  return usePagedQuery<Unit>([...UNITS_KEY, buildingId], `/buildings/${buildingId}/units`, { status }, { pageSize: 50 });
}

export function useSaveUnit(buildingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: UnitCreateBody | UnitUpdateBody }) =>
      id ? api.patch<Unit>(`/units/${id}`, body) : api.post<Unit>(`/buildings/${buildingId}/units`, body),
    onSuccess: () => invalidateProjectTree(client),
  });
}

export function useBatchCreateUnits(buildingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitBatchBody) => api.post<UnitBatchResult>(`/buildings/${buildingId}/units/batch`, body),
    onSuccess: () => invalidateProjectTree(client),
  });
}

export function useDeleteUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: Versioned) => api.delete(`/units/${id}`, { query: { version } }),
    onSuccess: () => invalidateProjectTree(client),
  });
}
