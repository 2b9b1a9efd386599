import { describe, expect, it } from 'vitest';
import { formatShanghaiTime, startOfShanghaiDay } from './time.ts';

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
