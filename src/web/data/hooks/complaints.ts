import type { QueryClient } from '@tanstack/react-query';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../common/contracts/common.ts';
import type { assignBody, callbackBody, caseBody, closeBody, ComplaintCase, complaintCreate, ComplaintDetail, ComplaintListItem, complaintUpdate, contingencyItemSchema, contingencyUpdate, issueLinkBody, issueSchema, noteBody, reopenBody, replyBody, revealComplaintBody, suggestionQuery, suggestionSchema, transitionBody } from '../../../common/contracts/complaints.ts';
import type { GroupComplaint, groupComplaintBody, groupComplaintUpdate } from '../../../common/contracts/group-complaints.ts';
import type { settingsBody, settingsSchema } from '../../../common/contracts/complaint-reports.ts';
import type { Unit } from '../../../common/contracts/org.ts';
import type { QueryParams } from '../client.ts';
import { api, buildUrl } from '../client.ts';
import { UNITS_KEY } from '../keys.ts';
import { invalidateAll, useOptionsQuery, usePagedQuery } from '../paged.ts';

// ── Query keys (complaints only; roots shared by a resource's lists and details) ──

export const COMPLAINTS_KEY = ['complaints'] as const;
export const COMPLAINT_KEY = ['complaint'] as const;
export const COMPLAINT_SUGGESTIONS_KEY = ['complaint-suggestions'] as const;
export const COMPLAINT_ISSUES_KEY = ['complaint-issues'] as const;
export const COMPLAINT_CASES_KEY = ['complaint-cases'] as const;
export const GROUP_COMPLAINTS_KEY = ['group-complaints'] as const;
export const COMPLAINT_ALERTS_KEY = ['complaint-alerts'] as const;
export const COMPLAINT_SETTINGS_KEY = ['complaint-settings'] as const;

const detailKey = (id: string) => [...COMPLAINT_KEY, id] as const;

// ── Types ────────────────────────────────────────────────────────────────────

export type ComplaintCreateBody = z.input<typeof complaintCreate>;
export type ComplaintUpdateBody = z.input<typeof complaintUpdate>;
export type AssignBody = z.input<typeof assignBody>;
export type TransitionBody = z.input<typeof transitionBody>;
export type TransitionTarget = z.infer<typeof transitionBody>['to'];
// Every write on a complaint carries the version read, also where the contract needs none.
type Versioned<T> = T & { version: number };
export type ReplyBody = Versioned<z.input<typeof replyBody>>;
export type NoteBody = Versioned<z.input<typeof noteBody>>;
export type CallbackBody = Versioned<z.input<typeof callbackBody>>;
export type CloseBody = z.input<typeof closeBody>;
export type ReopenBody = z.input<typeof reopenBody>;
export type CaseBody = Versioned<z.input<typeof caseBody>>;
export type IssueLinkBody = Versioned<z.input<typeof issueLinkBody>>;
export type ContingencyUpdateBody = z.input<typeof contingencyUpdate>;
export type ContingencyItem = z.infer<typeof contingencyItemSchema>;
export type RevealComplaintBody = z.infer<typeof revealComplaintBody>;
export type SuggestionQuery = z.input<typeof suggestionQuery>;
export type ComplaintSuggestion = z.infer<typeof suggestionSchema>;
export type ComplaintIssue = z.infer<typeof issueSchema>;
export type GroupComplaintBody = z.input<typeof groupComplaintBody>;
export type GroupComplaintUpdateBody = z.input<typeof groupComplaintUpdate>;
export type ComplaintSettings = z.infer<typeof settingsSchema>;
export type ComplaintSettingsBody = z.infer<typeof settingsBody>;

// The list's filters, named as the API's query parameters (and the list page's address).
export const COMPLAINT_FILTER_KEYS = ['q', 'status', 'severity', 'specialty', 'channel', 'projectId', 'mine', 'overdue'] as const;
export type ComplaintFilterKey = (typeof COMPLAINT_FILTER_KEYS)[number];
export type ComplaintFilters = Partial<Record<ComplaintFilterKey, string>>;

export type CaseFilters = { q?: string; specialty?: string };
export type GroupComplaintFilters = { projectId?: string; status?: string };

/** After any change to a complaint: its detail, every list and what is derived from it. */
export function invalidateComplaints(client: QueryClient) {
  return invalidateAll(
    client,
    COMPLAINT_KEY,
    COMPLAINTS_KEY,
    COMPLAINT_SUGGESTIONS_KEY,
    COMPLAINT_ISSUES_KEY,
    COMPLAINT_CASES_KEY,
    GROUP_COMPLAINTS_KEY,
    COMPLAINT_ALERTS_KEY,
  );
}

/** The address of a complaint's photo (the session cookie goes with an <img>). */
export function attachmentUrl(complaintId: string, attachmentId: string): string {
  return buildUrl(`/complaints/${complaintId}/attachments/${attachmentId}`);
}

// ── Complaints ───────────────────────────────────────────────────────────────

export function useComplaints(filters: ComplaintFilters) {
  return usePagedQuery<ComplaintListItem>(COMPLAINTS_KEY, '/complaints', filters);
}

/** A short search over one project's complaints (linking complaints to a group complaint). */
export function useComplaintSearch(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...COMPLAINTS_KEY, 'search', params],
    queryFn: ({ signal }) => api.get<Page<ComplaintListItem>>('/complaints', { query: { ...params, limit: 20 }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useComplaint(id: string | undefined) {
  return useQuery({
    queryKey: detailKey(id ?? ''),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/complaints/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintCreateBody) => api.post<ComplaintDetail>('/complaints', body),
    onSuccess: (detail) => {
      client.setQueryData(detailKey(detail.id), detail);
      return invalidateComplaints(client);
    },
  });
}

/** A write that answers the complaint's new detail: shown at once, then everything refetched. */
function useDetailWrite<B>(send: (body: B) => Promise<ComplaintDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(detailKey(detail.id), detail);
      return invalidateComplaints(client);
    },
  });
}

export function useUpdateComplaint(id: string) {
  return useDetailWrite((body: ComplaintUpdateBody) => api.patch<ComplaintDetail>(`/complaints/${id}`, body));
}

export function useAssignComplaint(id: string) {
  return useDetailWrite((body: AssignBody) => api.post<ComplaintDetail>(`/complaints/${id}/assign`, body));
}

export function useTransitionComplaint(id: string) {
  return useDetailWrite((body: TransitionBody) => api.post<ComplaintDetail>(`/complaints/${id}/transitions`, body));
}

export function useReplyComplaint(id: string) {
  return useDetailWrite((body: ReplyBody) => api.post<ComplaintDetail>(`/complaints/${id}/replies`, body));
}

export function useAddComplaintNote(id: string) {
  return useDetailWrite((body: NoteBody) => api.post<ComplaintDetail>(`/complaints/${id}/notes`, body));
}

export function useAddCallback(id: string) {
  return useDetailWrite((body: CallbackBody) => api.post<ComplaintDetail>(`/complaints/${id}/callbacks`, body));
}

export function useCloseComplaint(id: string) {
  return useDetailWrite((body: CloseBody) => api.post<ComplaintDetail>(`/complaints/${id}/close`, body));
}

export function useReopenComplaint(id: string) {
  return useDetailWrite((body: ReopenBody) => api.post<ComplaintDetail>(`/complaints/${id}/reopen`, body));
}

export function useLinkIssue(id: string) {
  return useDetailWrite((body: IssueLinkBody) => api.post<ComplaintDetail>(`/complaints/${id}/issue`, body));
}

/** 关联客户档案: confirm a public filing's complainant is the customer with the same mobile. */
export function useLinkSuggestedCustomer(id: string) {
  return useDetailWrite((body: { version: number }) => api.post<ComplaintDetail>(`/complaints/${id}/customer`, body));
}

export function useSaveCase(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseBody) => api.put<ComplaintCase>(`/complaints/${id}/case`, body),
    onSuccess: (saved) => {
      client.setQueryData<ComplaintDetail>(detailKey(id), (current) => (current ? { ...current, case: saved } : current));
      return invalidateComplaints(client);
    },
  });
}

export function useUpdateContingency(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, body }: { item: ContingencyItem['item']; body: ContingencyUpdateBody }) =>
      api.patch<ContingencyItem>(`/complaints/${id}/contingency/${item}`, body),
    onSuccess: (item) => {
      client.setQueryData<ComplaintDetail>(detailKey(id), (current) =>
        current ? { ...current, contingency: current.contingency.map((c) => (c.item === item.item ? item : c)) } : current,
      );
      return invalidateComplaints(client);
    },
  });
}

export function useRevealComplaintMobile(id: string) {
  return useMutation({
    mutationFn: (body: RevealComplaintBody) => api.post<{ value: string }>(`/complaints/${id}/reveal`, body),
  });
}

// ── Suggestions and issues (问题归集) ─────────────────────────────────────────

export function useComplaintSuggestions(query: SuggestionQuery | null) {
  return useQuery({
    queryKey: [...COMPLAINT_SUGGESTIONS_KEY, query],
    queryFn: ({ signal }) =>
      api.get<{ items: ComplaintSuggestion[] }>('/complaint-suggestions', { query: { ...query }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}

export function useComplaintIssues(projectId: string | undefined) {
  return useQuery({
    queryKey: [...COMPLAINT_ISSUES_KEY, projectId],
    queryFn: ({ signal }) => api.get<{ items: ComplaintIssue[] }>('/complaint-issues', { query: { projectId }, signal }),
    select: (data) => data.items,
    enabled: Boolean(projectId),
  });
}

/** A building's units (one large page), for unit selects. */
export function useUnitOptions(buildingId: string | null | undefined) {
  return useOptionsQuery<Unit>(UNITS_KEY, `/buildings/${buildingId ?? ''}/units`, {}, { enabled: Boolean(buildingId) });
}

// ── Case library ─────────────────────────────────────────────────────────────

export function useComplaintCases(filters: CaseFilters) {
  return usePagedQuery<ComplaintCase>(COMPLAINT_CASES_KEY, '/complaint-cases', filters);
}

export function useComplaintCase(id: string | undefined) {
  return useQuery({
    queryKey: [...COMPLAINT_CASES_KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ComplaintCase>(`/complaint-cases/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

// ── Group complaints (群诉) and early warnings ────────────────────────────────

export function useGroupComplaints(filters: GroupComplaintFilters) {
  return usePagedQuery<GroupComplaint>(GROUP_COMPLAINTS_KEY, '/group-complaints', filters);
}

export function useGroupComplaint(id: string | undefined) {
  return useQuery({
    queryKey: [...GROUP_COMPLAINTS_KEY, 'one', id],
    queryFn: ({ signal }) => api.get<GroupComplaint>(`/group-complaints/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveGroupComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: GroupComplaintUpdateBody } | { id?: undefined; body: GroupComplaintBody }) =>
      input.id
        ? api.patch<GroupComplaint>(`/group-complaints/${input.id}`, input.body)
        : api.post<GroupComplaint>('/group-complaints', input.body),
    // Linked complaints show their group on their own pages.
    onSuccess: () => invalidateComplaints(client),
  });
}

// ── Settings (处理时限) ────────────────────────────────────────────────────────

export function useComplaintSettings(companyId: string | undefined) {
  return useQuery({
    queryKey: [...COMPLAINT_SETTINGS_KEY, companyId],
    queryFn: ({ signal }) => api.get<ComplaintSettings>('/complaint-settings', { query: { companyId }, signal }),
    enabled: Boolean(companyId),
  });
}

export function useSaveComplaintSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintSettingsBody) => api.put<ComplaintSettings>('/complaint-settings', body),
    onSuccess: (settings) => {
      client.setQueryData([...COMPLAINT_SETTINGS_KEY, settings.companyId], settings);
      // Due times of open complaints follow the new limits.
      return invalidateAll(client, COMPLAINT_SETTINGS_KEY, COMPLAINTS_KEY, COMPLAINT_KEY);
    },
  });
}
