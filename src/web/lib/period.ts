import type { Dayjs } from 'dayjs';
import { shanghaiNow } from './format.ts';

// Counting periods of Shanghai days (YYYY-MM-DD), as the report pages keep them in the address.
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DAY_FORMAT = 'YYYY-MM-DD';

// Functions, so 「本月」 is this month even when the page has been open since the last one; in Shanghai time.
export const PERIOD_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '本月', value: () => [shanghaiNow().startOf('month'), shanghaiNow().endOf('month')] },
  { label: '上月', value: () => [shanghaiNow().subtract(1, 'month').startOf('month'), shanghaiNow().subtract(1, 'month').endOf('month')] },
  { label: '本年', value: () => [shanghaiNow().startOf('year'), shanghaiNow().endOf('year')] },
];

/** The address's `from`/`to`, or this month when either is missing or they make no period. */
export function periodOf(params: URLSearchParams): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  const [start, end] = PERIOD_PRESETS[0].value();
  return { from: start.format(DAY_FORMAT), to: end.format(DAY_FORMAT) };
}

/** The address with `changes` applied: a value sets its parameter, an empty one removes it. */
export function patchedParams(current: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
