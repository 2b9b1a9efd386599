import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AGENCY_STATUSES } from '../../../common/channels.ts';
import type { AgencyFilters } from '../../data/hooks/agencies.ts';
import { dayjs } from '../../lib/dayjs.ts';
import { DAY_FORMAT, patchedParams, periodOf } from '../../lib/period.ts';

const isStatus = (value: string) => (AGENCY_STATUSES as readonly string[]).includes(value);

// A missing or pasted invalid period counts this month (Shanghai), as the API would.
function readFilters(params: URLSearchParams): AgencyFilters {
  const status = params.get('status') ?? '';
  return { ...periodOf(params), q: params.get('q')?.trim() || undefined, status: isStatus(status) ? status : undefined };
}

/** 渠道机构's search, status filter and counting period, kept in the page's address. */
export function useAgencyFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const change = (changes: Partial<Record<'q' | 'status' | 'from' | 'to', string | undefined>>) => setSearchParams((current) => patchedParams(current, changes), { replace: true });

  const period: [Dayjs, Dayjs] = [dayjs(filters.from), dayjs(filters.to)];
  return {
    filters,
    period,
    filtered: Boolean(filters.q || filters.status),
    change,
    setPeriod: (range: [Dayjs, Dayjs]) => change({ from: range[0].format(DAY_FORMAT), to: range[1].format(DAY_FORMAT) }),
  };
}
