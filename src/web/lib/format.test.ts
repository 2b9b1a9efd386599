import { describe, expect, it } from 'vitest';
import { dayjs } from './dayjs.ts';
import { shanghaiDayIso, shanghaiLastDay } from './format.ts';

// A picked range of Shanghai days travels as a half-open range: [first 00:00, day after last 00:00).
describe('shanghaiDayIso / shanghaiLastDay: a day range with an exclusive end', () => {
  it.each([
    { day: '2026-11-20', start: '2026-11-20T00:00:00+08:00', end: '2026-11-21T00:00:00+08:00' },
    { day: '2026-12-31', start: '2026-12-31T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' },
    { day: '2028-02-28', start: '2028-02-28T00:00:00+08:00', end: '2028-02-29T00:00:00+08:00' },
  ])('$day → [$start, $end)', ({ day, start, end }) => {
    expect(shanghaiDayIso(dayjs(day))).toBe(start);
    expect(shanghaiDayIso(dayjs(day), true)).toBe(end);
    // Read back for the picker as the last day itself.
    expect(shanghaiLastDay(end)?.format('YYYY-MM-DD')).toBe(day);
  });

  it.each([
    ['2026-11-20T23:59:59+08:00', '2026-11-20'], // an older inclusive end reads as the same day
    ['2026-11-20T16:00:00Z', '2026-11-20'], // the exclusive end in UTC
    ['2026-11-20T16:00:00.001Z', '2026-11-21'],
  ])('%s is the range ending on %s', (iso, day) => expect(shanghaiLastDay(iso)?.format('YYYY-MM-DD')).toBe(day));

  it('no end is no day', () => {
    expect(shanghaiLastDay(undefined)).toBeNull();
    expect(shanghaiLastDay('not a date')).toBeNull();
  });
});
