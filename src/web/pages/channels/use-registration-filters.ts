import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { REGISTRATION_STATUSES } from '../../../common/channels.ts';
import type { RegistrationFilterKey, RegistrationFilters } from '../../data/hooks/channels.ts';
import { REGISTRATION_FILTER_KEYS } from '../../data/hooks/channels.ts';

const isFilterKey = (key: string): key is RegistrationFilterKey => (REGISTRATION_FILTER_KEYS as readonly string[]).includes(key);
const isStatus = (value: string) => (REGISTRATION_STATUSES as readonly string[]).includes(value);

function readFilters(params: URLSearchParams): RegistrationFilters {
  const filters: RegistrationFilters = {};
  for (const [key, value] of params.entries()) {
    if (!isFilterKey(key) || value.trim() === '') continue;
    // An unknown status in a pasted address would only make the API answer 400.
    if (key === 'status' && !isStatus(value)) continue;
    filters[key] = value;
  }
  return filters;
}

/** The registration lists' filters (项目, 状态), kept in the page's address. */
export function useRegistrationFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);

  const replace = (next: RegistrationFilters) => {
    const record: Record<string, string> = {};
    for (const key of REGISTRATION_FILTER_KEYS) {
      const value = next[key];
      if (value) record[key] = value;
    }
    setSearchParams(new URLSearchParams(record), { replace: true });
  };

  return {
    filters,
    filtered: Object.values(filters).some(Boolean),
    change: (patch: RegistrationFilters) => replace({ ...filters, ...patch }),
    clear: () => replace({}),
  };
}
