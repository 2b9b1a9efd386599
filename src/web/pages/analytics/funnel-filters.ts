import type { Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FunnelGroup, FunnelQuery } from '../../data/hooks/analytics.ts';
import { isFunnelGroup } from '../../data/hooks/analytics.ts';
import { dayjs } from '../../lib/dayjs.ts';
import { formatNumber, shanghaiNow } from '../../lib/format.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DAY_FORMAT = 'YYYY-MM-DD';

// Functions, so 「本月」 is this month even when the page has been open since the last one; in Shanghai time.
export const PERIOD_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '本月', value: () => [shanghaiNow().startOf('month'), shanghaiNow().endOf('month')] },
  { label: '上月', value: () => [shanghaiNow().subtract(1, 'month').startOf('month'), shanghaiNow().subtract(1, 'month').endOf('month')] },
  { label: '本年', value: () => [shanghaiNow().startOf('year'), shanghaiNow().endOf('year')] },
];

function thisMonth(): { from: string; to: string } {
  const [from, to] = PERIOD_PRESETS[0].value();
  return { from: from.format(DAY_FORMAT), to: to.format(DAY_FORMAT) };
}

/** A rate (0.453) as 「45.3%」, or 「—」 when there is nothing to divide by. */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${formatNumber(Math.round(value * 1000) / 10)}%`;
}

export function rateOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The funnel's filters, kept in the address (shareable, kept on reload): the period (this month
 * when none or an invalid one is given), project, channel and grouping.
 */
export function useFunnelFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo<FunnelQuery>(() => {
    const from = searchParams.get('from') ?? '';
    const to = searchParams.get('to') ?? '';
    const period = DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : thisMonth();
    const groupBy = searchParams.get('groupBy') ?? undefined;
    return {
      ...period,
      projectId: searchParams.get('projectId') ?? undefined,
      channel: searchParams.get('channel') ?? undefined,
      groupBy: isFunnelGroup(groupBy) ? groupBy : 'none',
    };
  }, [searchParams]);

  const patch = useCallback(
    (changes: Partial<Record<'from' | 'to' | 'projectId' | 'channel' | 'groupBy', string | undefined>>) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const setPeriod = (range: [Dayjs, Dayjs]) => patch({ from: range[0].format(DAY_FORMAT), to: range[1].format(DAY_FORMAT) });
  const setGroupBy = (groupBy: FunnelGroup) => patch({ groupBy: groupBy === 'none' ? undefined : groupBy });
  const period: [Dayjs, Dayjs] = [dayjs(query.from), dayjs(query.to)];

  return { query, period, patch, setPeriod, setGroupBy };
}
