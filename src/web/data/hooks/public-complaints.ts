import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicComplaintCreate, publicFiledSchema, publicProjectSchema, PublicStatus, publicUnitSchema } from '../../../common/contracts/public-complaints.ts';
import { api, ApiError } from '../client.ts';

// The owners' own pages: no session. A 401 here is never 「登录已过期」, so no call may send the
// app to the login page (authRedirect: false on every one).
export const PUBLIC_COMPLAINTS_KEY = ['public-complaints'] as const;

export type PublicProject = z.infer<typeof publicProjectSchema>;
export type PublicUnit = z.infer<typeof publicUnitSchema>;
export type PublicFiled = z.infer<typeof publicFiledSchema>;
export type PublicComplaintBody = z.input<typeof publicComplaintCreate>;

export const TRACKING_CODE_PATTERN = /^[A-Z2-9]{16}$/;

const noRedirect = { authRedirect: false } as const;

// Errors the person can do nothing about by retrying at once (bad input, unknown code, 429).
const retryable = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(error instanceof ApiError && error.status > 0 && error.status < 500);

export function usePublicProjects() {
  return useQuery({
    queryKey: [...PUBLIC_COMPLAINTS_KEY, 'projects'],
    queryFn: ({ signal }) => api.get<{ items: PublicProject[] }>('/public/projects', { ...noRedirect, signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    retry: retryable,
  });
}

export function usePublicUnits(buildingId: string | undefined) {
  return useQuery({
    queryKey: [...PUBLIC_COMPLAINTS_KEY, 'units', buildingId],
    queryFn: ({ signal }) => api.get<{ items: PublicUnit[] }>(`/public/buildings/${buildingId}/units`, { ...noRedirect, signal }),
    select: (data) => data.items,
    enabled: Boolean(buildingId),
    staleTime: 5 * 60_000,
    retry: retryable,
  });
}

export function useFilePublicComplaint() {
  return useMutation({
    mutationFn: (body: PublicComplaintBody) => api.post<PublicFiled>('/public/complaints', body, noRedirect),
  });
}

/** The complaint behind a tracking code; only asked once the code looks right. */
export function usePublicComplaintStatus(code: string) {
  return useQuery({
    queryKey: [...PUBLIC_COMPLAINTS_KEY, 'status', code],
    queryFn: ({ signal }) => api.get<PublicStatus>(`/public/complaints/${encodeURIComponent(code)}`, { ...noRedirect, signal }),
    enabled: TRACKING_CODE_PATTERN.test(code),
    retry: retryable,
  });
}
