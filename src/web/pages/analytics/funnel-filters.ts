import type { Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FunnelGroup, FunnelQuery } from '../../data/hooks/analytics.ts';
import { isFunnelGroup } from '../../data/hooks/analytics.ts';
import { dayjs } from '../../lib/dayjs.ts';
import { formatNumber } from '../../lib/format.ts';
import { DAY_FORMAT, patchedParams, periodOf } from '../../lib/period.ts';

/** A rate (0.453) as 「45.3%」, or 「—」 when there is nothing to divide by. */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${formatNumber(Math.round(value * 1000) / 10)}%`;
}

export function rateOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The funnel's filters, kept in the address (shareable, kept on reload): the period (this month
 * when none or an invalid one is given), project, channel, consultant and grouping.
 */
export function useFunnelFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo<FunnelQuery>(() => {
    const period = periodOf(searchParams);
    const groupBy = searchParams.get('groupBy') ?? undefined;
    return {
      ...period,
      projectId: searchParams.get('projectId') ?? undefined,
      channel: searchParams.get('channel') ?? undefined,
      consultantId: searchParams.get('consultantId') ?? undefined,
      groupBy: isFunnelGroup(groupBy) ? groupBy : 'none',
    };
  }, [searchParams]);

  const patch = useCallback(
    (changes: Partial<Record<'from' | 'to' | 'projectId' | 'channel' | 'consultantId' | 'groupBy', string | undefined>>) =>
      setSearchParams((current) => patchedParams(current, changes), { replace: true }),
    [setSearchParams],
  );

  const setPeriod = (range: [Dayjs, Dayjs]) => patch({ from: range[0].format(DAY_FORMAT), to: range[1].format(DAY_FORMAT) });
  const setGroupBy = (groupBy: FunnelGroup) => patch({ groupBy: groupBy === 'none' ? undefined : groupBy });
  const period: [Dayjs, Dayjs] = [dayjs(query.from), dayjs(query.to)];

  return { query, period, patch, setPeriod, setGroupBy };
}
