import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './client.ts';
import { AUDIT_KEY, ME_KEY } from './keys.ts';

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retry only what may pass on a second try: network trouble and server errors.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status > 0 && error.status < 500),
    },
    mutations: { retry: false },
  },
  mutationCache: new MutationCache({
    onSuccess: () => {
      // Every write is audited: the audit log is stale after any successful change.
      void queryClient.invalidateQueries({ queryKey: AUDIT_KEY });
    },
    onError: (error) => {
      // Someone else changed the record: refetch what is on screen so the next try uses fresh data.
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries();
    },
  }),
});

// Any 401 (except the login call and the session probe): the session is gone, so forget the user;
// the route guard then sends them to /login and back here after signing in.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(ME_KEY, null);
});
