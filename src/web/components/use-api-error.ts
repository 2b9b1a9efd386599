import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import type { FieldError } from '../data/client.ts';
import { ApiError, errorMessage } from '../data/client.ts';

export const VERSION_CONFLICT_MESSAGE = '数据已被他人修改，请刷新后重试';

function candidateNames(field: string): string[] {
  const trimmed = field.replace(/^\/+/, '').replace(/^body[./]/, '');
  const first = trimmed.split(/[./[]/)[0];
  return [...new Set([field, trimmed, first])].filter(Boolean);
}

/** Puts the server's per-field messages under the matching form fields; returns how many matched. */
export function applyFieldErrors(form: FormInstance, errors: FieldError[]): number {
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const name = candidateNames(error.field).find((candidate) => registered.has(candidate));
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), error.message]);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return byField.size;
}

/**
 * Shows a failed call to the user: the problem's Chinese `detail` as a message, field errors on
 * the form, and the fixed conflict text for VERSION_CONFLICT (the data is refetched globally).
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError) {
        // 401: the session is gone and the app is already on its way to the login page.
        if (error.status === 401) return;
        if (error.code === 'VERSION_CONFLICT') {
          void message.error(VERSION_CONFLICT_MESSAGE);
          return;
        }
        if (form && error.errors.length > 0) applyFieldErrors(form, error.errors);
      }
      void message.error(errorMessage(error));
    },
    [message],
  );
}
