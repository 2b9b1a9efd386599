import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/contracts/common.ts';
import type { z } from 'zod';
import type {
  Customer,
  customerCreate,
  customerUpdate,
  eraseBody,
  Interest,
  interactionCreate,
  interactionSchema,
  interestCreate,
  interestUpdate,
  revealBody,
  timelineEntrySchema,
} from '../../../common/contracts/customers.ts';
import { customerExistsSchema } from '../../../common/contracts/customers.ts';
import { api, download, isApiError } from '../client.ts';
import { BOARDS_KEY, CUSTOMER_KEY, POOL_KEY, PROSPECTS_KEY } from '../keys.ts';
import { invalidateAll } from '../paged.ts';

export type CustomerCreateBody = z.input<typeof customerCreate>;
export type CustomerUpdateBody = z.infer<typeof customerUpdate>;
export type CustomerExists = z.infer<typeof customerExistsSchema>;
export type InterestCreateBody = z.input<typeof interestCreate>;
export type InterestUpdateBody = z.input<typeof interestUpdate>;
export type InteractionCreateBody = z.input<typeof interactionCreate>;
export type Interaction = z.infer<typeof interactionSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type RevealBody = z.infer<typeof revealBody>;
export type RevealField = RevealBody['field'];
export type EraseBody = z.infer<typeof eraseBody>;

type Ok = { ok: true };

/** Everything that lists or shows prospects: after any change to one, all of them may be stale. */
export function invalidateProspects(client: QueryClient) {
  return invalidateAll(client, PROSPECTS_KEY, CUSTOMER_KEY, POOL_KEY, BOARDS_KEY);
}

/** On 409 CUSTOMER_EXISTS: who already holds the mobile (owners per project), else null. */
export function existingCustomerOf(error: unknown): CustomerExists | null {
  if (!isApiError(error, 'CUSTOMER_EXISTS')) return null;
  const parsed = customerExistsSchema.safeParse(error.extensions.existing);
  return parsed.success ? parsed.data : null;
}

const timelineKey = (customerId: string) => [...CUSTOMER_KEY, customerId, 'timeline'] as const;

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: [...CUSTOMER_KEY, id],
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export const TIMELINE_PAGE_SIZE = 50;

/** The customer's timeline, newest first, a page at a time (加载更多). */
export function useTimeline(customerId: string | undefined) {
  return useInfiniteQuery({
    queryKey: timelineKey(customerId ?? ''),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineEntry>>(`/customers/${customerId}/timeline`, { query: { limit: TIMELINE_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(customerId),
  });
}

export function useCreateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerCreateBody) => api.post<Customer>('/customers', body),
    onSuccess: () => invalidateProspects(client),
  });
}

export function useUpdateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CustomerUpdateBody }) => api.patch<Customer>(`/customers/${id}`, body),
    onSuccess: (customer) => {
      client.setQueryData([...CUSTOMER_KEY, customer.id], customer);
      return invalidateProspects(client);
    },
  });
}

export function useAddInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, body }: { customerId: string; body: InterestCreateBody }) =>
      api.post<Interest>(`/customers/${customerId}/interests`, body),
    onSuccess: () => invalidateProspects(client),
  });
}

export function useUpdateInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InterestUpdateBody }) => api.patch<Interest>(`/interests/${id}`, body),
    onSuccess: () => invalidateProspects(client),
  });
}

type AddInteractionInput = { interestId: string; projectName: string; body: InteractionCreateBody };

/** Records a follow-up; it shows on the customer's timeline at once, before the refetch confirms it. */
export function useAddInteraction(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ interestId, body }: AddInteractionInput) =>
      api.post<Interaction>(`/interests/${interestId}/interactions`, body),
    onSuccess: (interaction, { projectName }) => {
      const entry: TimelineEntry = {
        id: interaction.id,
        at: interaction.occurredAt,
        kind: 'interaction',
        projectName,
        actorName: interaction.createdBy.name,
        interactionType: interaction.type,
        content: interaction.content,
        from: null,
        to: null,
        reason: '',
      };
      client.setQueryData<InfiniteData<Page<TimelineEntry>, string | undefined>>(timelineKey(customerId), (current) =>
        current
          ? {
              ...current,
              pages: current.pages.map((page, index) =>
                index === 0 ? { ...page, items: [entry, ...page.items.filter((item) => item.id !== entry.id)] } : page,
              ),
            }
          : current,
      );
      return invalidateProspects(client);
    },
  });
}

export function useRevealField(customerId: string) {
  return useMutation({
    mutationFn: (body: RevealBody) => api.post<{ value: string }>(`/customers/${customerId}/reveal`, body),
  });
}

export function useEraseCustomer(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EraseBody) => api.post<Ok>(`/customers/${customerId}/erase`, body),
    onSuccess: () => invalidateProspects(client),
  });
}

export function downloadPersonalData(customerId: string, name: string): Promise<void> {
  return download(`/customers/${customerId}/personal-data`, undefined, `个人信息-${name}.json`);
}
