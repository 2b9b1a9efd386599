import { describe, expect, it } from 'vitest';
import { addShanghaiMonths, formatShanghaiTime, startOfShanghaiDay } from './time.ts';

describe('Asia/Shanghai display and day boundaries', () => {
  it.each([
    ['2026-11-22T02:05:00Z', '2026-11-22 10:05'],
    ['2026-11-22T15:59:00Z', '2026-11-22 23:59'],
    ['2026-11-22T16:00:00Z', '2026-11-23 00:00'],
    ['2026-12-31T16:30:00Z', '2027-01-01 00:30'],
  ])('%s shows as %s', (utc, shown) => expect(formatShanghaiTime(new Date(utc))).toBe(shown));

  it.each([
    ['2026-11-22T15:59:59Z', '2026-11-21T16:00:00.000Z'], // 23:59:59 on the 22nd in Shanghai
    ['2026-11-22T16:00:00Z', '2026-11-22T16:00:00.000Z'], // 00:00 on the 23rd
    ['2026-11-22T00:00:00Z', '2026-11-21T16:00:00.000Z'], // 08:00 on the 22nd
  ])('the Shanghai day of %s starts at %s', (utc, start) => expect(startOfShanghaiDay(new Date(utc)).toISOString()).toBe(start));
});

describe('addShanghaiMonths: calendar months at the same Asia/Shanghai wall-clock time', () => {
  // Instants written in Asia/Shanghai time for readability.
  const sh = (local: string) => new Date(`${local}+08:00`);
  it.each([
    { from: '2026-01-15T10:00:00', months: 1, to: '2026-02-15T10:00:00' },
    { from: '2026-01-31T10:00:00', months: 1, to: '2026-02-28T10:00:00' }, // clamps to the last day
    { from: '2028-01-31T10:00:00', months: 1, to: '2028-02-29T10:00:00' }, // leap year
    { from: '2026-03-31T10:00:00', months: 1, to: '2026-04-30T10:00:00' },
    { from: '2026-02-28T10:00:00', months: 1, to: '2026-03-28T10:00:00' }, // no snapping to month end
    { from: '2026-12-31T23:30:00', months: 1, to: '2027-01-31T23:30:00' }, // across the year
    { from: '2026-01-31T10:00:00', months: 13, to: '2027-02-28T10:00:00' },
    { from: '2028-02-29T10:00:00', months: 12, to: '2029-02-28T10:00:00' },
    { from: '2026-01-31T10:00:00', months: 2, to: '2026-03-31T10:00:00' },
    { from: '2026-03-31T10:00:00', months: -1, to: '2026-02-28T10:00:00' },
    { from: '2026-01-15T10:00:00', months: -1, to: '2025-12-15T10:00:00' },
    { from: '2026-01-31T10:00:00', months: 0, to: '2026-01-31T10:00:00' },
    // Before 08:00 in Shanghai the UTC date is the day before; the Shanghai date is what counts.
    { from: '2026-01-31T07:00:00', months: 1, to: '2026-02-28T07:00:00' },
    { from: '2026-03-01T00:00:00', months: 1, to: '2026-04-01T00:00:00' },
    { from: '2026-04-01T07:59:59.999', months: 1, to: '2026-05-01T07:59:59.999' },
    // Late evening and milliseconds are kept.
    { from: '2026-02-28T23:59:59.999', months: 1, to: '2026-03-28T23:59:59.999' },
  ])('$from + $months month(s) → $to', ({ from, months, to }) => {
    expect(addShanghaiMonths(sh(from), months).toISOString()).toBe(sh(to).toISOString());
  });
  it('clamping does not accumulate: two single months differ from one double month', () => {
    const jan31 = sh('2026-01-31T10:00:00');
    expect(addShanghaiMonths(addShanghaiMonths(jan31, 1), 1)).toEqual(sh('2026-03-28T10:00:00'));
    expect(addShanghaiMonths(jan31, 2)).toEqual(sh('2026-03-31T10:00:00'));
  });
  it('does not modify its argument', () => {
    const d = sh('2026-01-31T10:00:00');
    addShanghaiMonths(d, 1);
    expect(d).toEqual(sh('2026-01-31T10:00:00'));
  });
});
