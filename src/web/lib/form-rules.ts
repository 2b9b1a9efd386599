import type { FormRule } from 'antd';
import type { KeyboardEvent } from 'react';
import type { z } from 'zod';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function firstIssue(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? '格式不正确');
}

/**
 * Validates one field with the shared contract's schema, so the form shows the same Chinese
 * messages the server would. A blank value fails with `requiredMessage` when given, else passes.
 */
export function schemaRule(schema: z.ZodType, requiredMessage?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) {
        if (requiredMessage) throw new Error(requiredMessage);
        return;
      }
      const message = firstIssue(schema, value);
      if (message) throw new Error(message);
    },
  };
}

/**
 * For a form's onKeyDown: Enter in a date field confirms the typed date (the picker does that
 * itself) without also submitting the form, as Enter in a text field does.
 */
export function keepEnterInDatePickers(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('.ant-picker')) event.preventDefault();
}
