import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerTag, CustomerTagCreate, CustomerTagUpdate } from '../../../common/contracts/customer-tags.ts';
import { api } from '../client.ts';
import { CUSTOMER_TAGS_KEY, PROSPECTS_KEY, CUSTOMER_KEY } from '../keys.ts';
import { invalidateAll } from '../paged.ts';

/** The whole tag catalogue (active and deactivated), in category and sort order. */
export function useCustomerTags(enabled = true) {
  return useQuery({
    queryKey: CUSTOMER_TAGS_KEY,
    queryFn: ({ signal }) => api.get<{ items: CustomerTag[] }>('/customer-tags', { signal }).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveCustomerTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CustomerTagCreate | CustomerTagUpdate }) =>
      id ? api.patch<CustomerTag>(`/customer-tags/${id}`, body) : api.post<CustomerTag>('/customer-tags', body),
    // A rename renames the tag on customers too.
    onSuccess: () => invalidateAll(client, CUSTOMER_TAGS_KEY, PROSPECTS_KEY, CUSTOMER_KEY),
  });
}
