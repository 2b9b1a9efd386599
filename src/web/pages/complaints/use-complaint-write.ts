import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../../data/client.ts';
import { COMPLAINT_KEY } from '../../data/hooks/complaints.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';

export const COMPLAINT_CONFLICT_MESSAGE = '数据已被他人修改，已刷新';

/**
 * For writes on a loaded complaint. `run` sends one; on 409 VERSION_CONFLICT it says so, refetches
 * the complaint and resolves (a modal closes on the fresh data), anything else is thrown on to the
 * caller (FormModal shows it with the field errors). `handleError` does the same for other callers.
 */
export function useComplaintWrite(complaintId: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const handleApiError = useApiErrorHandler();

  const onConflict = useCallback(() => {
    void message.warning(COMPLAINT_CONFLICT_MESSAGE);
    void client.invalidateQueries({ queryKey: [...COMPLAINT_KEY, complaintId] });
  }, [client, complaintId, message]);

  const run = useCallback(
    async (send: () => Promise<unknown>): Promise<boolean> => {
      try {
        await send();
        return true;
      } catch (error) {
        if (isApiError(error, 'VERSION_CONFLICT')) {
          onConflict();
          return false;
        }
        throw error;
      }
    },
    [onConflict],
  );

  const handleError = useCallback(
    (error: unknown, form?: Parameters<typeof handleApiError>[1]) => {
      if (isApiError(error, 'VERSION_CONFLICT')) onConflict();
      else handleApiError(error, form);
    },
    [handleApiError, onConflict],
  );

  return { run, handleError };
}
