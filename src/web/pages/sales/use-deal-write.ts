import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../../data/client.ts';
import { invalidateBoards } from '../../data/hooks/sales.ts';

export const UNIT_TAKEN_MESSAGE = '该房源已被他人认购，请刷新销控';
const DEAL_CONFLICT_MESSAGE = '成交记录已被他人修改，已刷新';

// Answers that mean the board on screen is stale: said once, the board refetched, the form closed.
// null: the server's own text says it best (已交付, 已退订…).
const STALE_CODES: Record<string, string | null> = {
  UNIT_TAKEN: UNIT_TAKEN_MESSAGE,
  UNIT_NOT_AVAILABLE: null,
  INVALID_TRANSITION: null,
  VERSION_CONFLICT: DEAL_CONFLICT_MESSAGE,
};

/**
 * For deal writes from the board. `run` sends one and resolves true when it went through; when the
 * board was stale (UNIT_TAKEN and the like) it says so, refetches the board and resolves false, so
 * a form modal closes on the fresh data. Anything else (field errors…) is thrown on to the caller.
 */
export function useDealWrite() {
  const client = useQueryClient();
  const { message } = App.useApp();

  return useCallback(
    async (send: () => Promise<unknown>): Promise<boolean> => {
      try {
        await send();
        return true;
      } catch (error) {
        if (isApiError(error) && error.code in STALE_CODES) {
          void message.error(STALE_CODES[error.code] ?? error.userMessage);
          void invalidateBoards(client);
          return false;
        }
        throw error;
      }
    },
    [client, message],
  );
}
