import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../client.ts';
import { CUSTOMER_IMPORTS_KEY } from '../keys.ts';
import { invalidateProspects } from './customers.ts';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export type CustomerImport = {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  imported: number;
  merged: number;
  rejected: number;
  columns: string[];
  error: string | null;
};

export type ImportFile = { fileName: string; fileBase64: string };
export type ImportPreview = { columns: string[]; sample: string[][]; suggested: Record<string, string> };
export type ImportStartBody = ImportFile & { projectId: string; mapping?: Record<string, string> };

export const IMPORT_POLL_MS = 1000;

export function isImportFinished(status: ImportStatus | undefined): boolean {
  return status === 'done' || status === 'failed';
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (body: ImportFile) => api.post<ImportPreview>('/customer-imports/preview', body),
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (body: ImportStartBody) => api.post<{ id: string }>('/customer-imports', body),
  });
}

/** An import job, polled every second until it is done or failed (then the lists are refreshed). */
export function useCustomerImport(id: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...CUSTOMER_IMPORTS_KEY, id],
    queryFn: async ({ signal }) => {
      const job = await api.get<CustomerImport>(`/customer-imports/${id}`, { signal });
      if (job.status === 'done') void invalidateProspects(client);
      return job;
    },
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => (isImportFinished(query.state.data?.status) || query.state.error ? false : IMPORT_POLL_MS),
  });
}

export function downloadImportReport(id: string): Promise<void> {
  return download(`/customer-imports/${id}/report`, undefined, `导入报告-${id.slice(0, 8)}.xlsx`);
}
