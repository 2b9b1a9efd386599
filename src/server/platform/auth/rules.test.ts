import { describe, expect, it } from 'vitest';
import { lockedUntil, shouldExtendSession } from './rules.ts';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 22, 2, minute, second));

describe('lockedUntil: 5 failures within 15 minutes lock for 15 minutes', () => {
  it.each([
    { name: 'no failures', failures: [], now: at(0), expected: null },
    { name: '4 failures in a minute', failures: [0, 0, 0, 0].map((m) => at(m)), now: at(1), expected: null },
    { name: '5 failures in a minute lock until 15 min after the 5th', failures: [0, 0, 0, 0, 1].map((m) => at(m)), now: at(2), expected: at(16) },
    { name: '5 failures spanning 14:59 lock', failures: [at(0), at(3), at(6), at(9), at(14, 59)], now: at(15), expected: at(29, 59) },
    { name: '5 failures spanning exactly 15:00 do not lock', failures: [at(0), at(3), at(6), at(9), at(15)], now: at(15), expected: null },
    { name: 'the lock ends at its end time', failures: [0, 0, 0, 0, 1].map((m) => at(m)), now: at(16), expected: null },
    { name: 'one second before the end it still holds', failures: [0, 0, 0, 0, 1].map((m) => at(m)), now: new Date(at(16).getTime() - 1000), expected: at(16) },
    { name: 'order of input does not matter', failures: [at(4), at(1), at(3), at(0), at(2)], now: at(5), expected: at(19) },
    { name: 'a later burst extends the lock', failures: [0, 1, 2, 3, 4, 30, 31, 32, 33, 34].map((m) => at(m)), now: at(35), expected: at(49) },
  ])('$name', ({ failures, now, expected }) => {
    expect(lockedUntil(failures, now)).toEqual(expected);
  });
});

describe('shouldExtendSession: slide once past half of the lifetime', () => {
  const ttl = 12 * 3600_000;
  it.each([
    { left: 12 * 3600_000, expected: false },
    { left: 6 * 3600_000, expected: false },
    { left: 6 * 3600_000 - 1, expected: true },
    { left: 1000, expected: true },
  ])('$left ms left → $expected', ({ left, expected }) => {
    const now = at(0);
    expect(shouldExtendSession(new Date(now.getTime() + left), now, ttl)).toBe(expected);
  });
});
