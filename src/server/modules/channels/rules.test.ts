import { describe, expect, it } from 'vitest';
import type { CommissionRule, RegistrationStatus } from '../../../common/channels.ts';
import { commissionEligible, expiredAt, isProtecting, maskedMobile, mobileKey, mobilesMatch, windowEnd, type MobileKey, type RegistrationClock } from './rules.ts';

// Instants written in Asia/Shanghai time for readability.
const sh = (local: string) => new Date(`${local}+08:00`);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

const full = (mobile: string): MobileKey => mobileKey({ mobile });
const partial = (prefix: string, suffix: string): MobileKey => mobileKey({ mobilePrefix: prefix, mobileSuffix: suffix });

describe('mobileKey: the whole number, or its first three and last four digits', () => {
  it.each([
    { name: 'a whole mobile keeps itself and derives prefix and suffix', input: { mobile: '13812345678' }, expected: { prefix: '138', suffix: '5678', full: '13812345678' } },
    { name: 'prefix and suffix only: no full number', input: { mobilePrefix: '138', mobileSuffix: '5678' }, expected: { prefix: '138', suffix: '5678', full: null } },
    { name: 'a whole mobile wins over a given prefix and suffix', input: { mobile: '13912345678', mobilePrefix: '138', mobileSuffix: '0000' }, expected: { prefix: '139', suffix: '5678', full: '13912345678' } },
    { name: 'a null mobile falls back to prefix and suffix', input: { mobile: null, mobilePrefix: '138', mobileSuffix: '5678' }, expected: { prefix: '138', suffix: '5678', full: null } },
    { name: 'an empty mobile falls back to prefix and suffix', input: { mobile: '', mobilePrefix: '138', mobileSuffix: '5678' }, expected: { prefix: '138', suffix: '5678', full: null } },
    { name: 'missing prefix and suffix become empty strings', input: { mobilePrefix: null, mobileSuffix: undefined }, expected: { prefix: '', suffix: '', full: null } },
    { name: 'nothing at all', input: {}, expected: { prefix: '', suffix: '', full: null } },
  ])('$name', ({ input, expected }) => expect(mobileKey(input)).toEqual(expected));
});

describe('mobilesMatch: equal when both whole, else on first three and last four', () => {
  it.each([
    { name: 'full vs full, equal', a: full('13812345678'), b: full('13812345678'), expected: true },
    { name: 'full vs full, different', a: full('13812345678'), b: full('13987654321'), expected: false },
    { name: 'full vs full, same prefix and suffix but different middle', a: full('13800005678'), b: full('13899995678'), expected: false },
    { name: 'full vs partial, agreeing', a: full('13812345678'), b: partial('138', '5678'), expected: true },
    { name: 'partial vs full, agreeing', a: partial('138', '5678'), b: full('13812345678'), expected: true },
    { name: 'full vs partial, prefix disagrees', a: full('13812345678'), b: partial('139', '5678'), expected: false },
    { name: 'full vs partial, suffix disagrees', a: full('13812345678'), b: partial('138', '5679'), expected: false },
    { name: 'partial vs full, prefix disagrees', a: partial('139', '5678'), b: full('13812345678'), expected: false },
    { name: 'partial vs full, suffix disagrees', a: partial('138', '5679'), b: full('13812345678'), expected: false },
    { name: 'partial vs partial, equal', a: partial('138', '5678'), b: partial('138', '5678'), expected: true },
    { name: 'partial vs partial, prefix disagrees', a: partial('138', '5678'), b: partial('139', '5678'), expected: false },
    { name: 'partial vs partial, suffix disagrees', a: partial('138', '5678'), b: partial('138', '1234'), expected: false },
  ])('$name → $expected', ({ a, b, expected }) => expect(mobilesMatch(a, b)).toBe(expected));

  it('a partial matches two different full numbers that do not match each other', () => {
    const p = partial('138', '5678');
    const x = full('13800005678');
    const y = full('13899995678');
    expect(mobilesMatch(p, x)).toBe(true);
    expect(mobilesMatch(p, y)).toBe(true);
    expect(mobilesMatch(x, y)).toBe(false);
  });
});

describe('windowEnd: 00:00 Asia/Shanghai of day D + N + 1', () => {
  it.each([
    // Same UTC day (23rd), different Shanghai days: 15:59:59Z is 23:59:59 on the 23rd, 16:00:00Z is 00:00 on the 24th.
    { name: '23:59:59 on the 23rd, 7 days', from: '2026-11-23T15:59:59Z', days: 7, end: '2026-11-30T16:00:00Z' },
    { name: '00:00:00 on the 23rd (same day), 7 days', from: '2026-11-22T16:00:00Z', days: 7, end: '2026-11-30T16:00:00Z' },
    { name: '00:00:00 on the 24th (next day), 7 days', from: '2026-11-23T16:00:00Z', days: 7, end: '2026-12-01T16:00:00Z' },
    { name: '23:59:59 on the 23rd, 1 day', from: '2026-11-23T15:59:59Z', days: 1, end: '2026-11-24T16:00:00Z' },
    { name: '00:00:00 on the 24th, 1 day', from: '2026-11-23T16:00:00Z', days: 1, end: '2026-11-25T16:00:00Z' },
    { name: '23:59:59 on the 23rd, 30 days', from: '2026-11-23T15:59:59Z', days: 30, end: '2026-12-23T16:00:00Z' },
    { name: '00:00:00 on the 24th, 30 days', from: '2026-11-23T16:00:00Z', days: 30, end: '2026-12-24T16:00:00Z' },
    { name: 'a 0-day window ends at the next midnight', from: '2026-11-23T02:00:00Z', days: 0, end: '2026-11-23T16:00:00Z' },
    // Across a month end (31 Jan → Feb, February 2026 has 28 days) and a year end.
    { name: '31 Jan 23:59:59, 1 day', from: '2026-01-31T15:59:59Z', days: 1, end: '2026-02-01T16:00:00Z' },
    { name: '31 Jan 23:59:59, 30 days', from: '2026-01-31T15:59:59Z', days: 30, end: '2026-03-02T16:00:00Z' },
    { name: '28 Feb 00:00:00, 1 day', from: '2026-02-27T16:00:00Z', days: 1, end: '2026-03-01T16:00:00Z' },
    { name: '31 Dec 23:59:59, 7 days', from: '2026-12-31T15:59:59Z', days: 7, end: '2027-01-07T16:00:00Z' },
  ])('$name → $end', ({ from, days, end }) => expect(windowEnd(new Date(from), days)).toEqual(new Date(end)));

  it('the same windows written in Shanghai time', () => {
    expect(windowEnd(sh('2026-11-23T23:59:59'), 7)).toEqual(sh('2026-12-01T00:00:00'));
    expect(windowEnd(sh('2026-11-24T00:00:00'), 7)).toEqual(sh('2026-12-02T00:00:00'));
    expect(windowEnd(sh('2026-11-23T10:00:00'), 30)).toEqual(sh('2026-12-24T00:00:00'));
    expect(windowEnd(sh('2026-01-31T23:59:59'), 30)).toEqual(sh('2026-03-03T00:00:00'));
  });

  it('the last instant of day D + N is inside, midnight after it is not', () => {
    const end = windowEnd(sh('2026-11-23T09:00:00'), 7);
    expect(ms(end, -1)).toEqual(sh('2026-11-30T23:59:59.999'));
    expect(end).toEqual(sh('2026-12-01T00:00:00'));
  });
});

describe('isProtecting', () => {
  const visitDueAt = sh('2026-12-01T00:00:00');
  const dealDueAt = sh('2027-01-01T00:00:00');
  const clock = (status: RegistrationStatus, deal: Date | null = dealDueAt): RegistrationClock => ({ status, visitDueAt, dealDueAt: deal });

  it.each([
    { name: 'registered, before visitDueAt', r: clock('registered', null), now: ms(visitDueAt, -1), expected: true },
    { name: 'registered, exactly at visitDueAt', r: clock('registered', null), now: visitDueAt, expected: false },
    { name: 'registered, after visitDueAt', r: clock('registered', null), now: ms(visitDueAt, 1), expected: false },
    { name: 'registered, dealDueAt is ignored', r: clock('registered'), now: ms(visitDueAt, 1), expected: false },
    { name: 'visited, before dealDueAt', r: clock('visited'), now: ms(dealDueAt, -1), expected: true },
    { name: 'visited, exactly at dealDueAt', r: clock('visited'), now: dealDueAt, expected: false },
    { name: 'visited, after dealDueAt', r: clock('visited'), now: ms(dealDueAt, 1), expected: false },
    { name: 'visited, past visitDueAt but before dealDueAt', r: clock('visited'), now: ms(visitDueAt, 1), expected: true },
    { name: 'visited, null dealDueAt', r: clock('visited', null), now: ms(visitDueAt, -1), expected: false },
    { name: 'dealt, before both', r: clock('dealt'), now: ms(visitDueAt, -1), expected: true },
    { name: 'dealt, long after both', r: clock('dealt'), now: sh('2030-01-01T00:00:00'), expected: true },
    { name: 'dealt, null dealDueAt', r: clock('dealt', null), now: sh('2030-01-01T00:00:00'), expected: true },
    { name: 'expired, before visitDueAt', r: clock('expired'), now: ms(visitDueAt, -1), expected: false },
    { name: 'expired, after dealDueAt', r: clock('expired'), now: ms(dealDueAt, 1), expected: false },
    { name: 'rejected, before visitDueAt', r: clock('rejected'), now: ms(visitDueAt, -1), expected: false },
    { name: 'rejected, after dealDueAt', r: clock('rejected'), now: ms(dealDueAt, 1), expected: false },
  ])('$name → $expected', ({ r, now, expected }) => expect(isProtecting(r, now)).toBe(expected));
});

describe('expiredAt: registered or visited and no longer protecting', () => {
  const visitDueAt = sh('2026-12-01T00:00:00');
  const dealDueAt = sh('2027-01-01T00:00:00');
  const clock = (status: RegistrationStatus, deal: Date | null = dealDueAt): RegistrationClock => ({ status, visitDueAt, dealDueAt: deal });

  it.each([
    { name: 'registered, before visitDueAt', r: clock('registered', null), now: ms(visitDueAt, -1), expected: false },
    { name: 'registered, exactly at visitDueAt', r: clock('registered', null), now: visitDueAt, expected: true },
    { name: 'registered, after visitDueAt', r: clock('registered', null), now: ms(visitDueAt, 1), expected: true },
    { name: 'visited, before dealDueAt', r: clock('visited'), now: ms(dealDueAt, -1), expected: false },
    { name: 'visited, exactly at dealDueAt', r: clock('visited'), now: dealDueAt, expected: true },
    { name: 'visited, after dealDueAt', r: clock('visited'), now: ms(dealDueAt, 1), expected: true },
    { name: 'visited, null dealDueAt', r: clock('visited', null), now: ms(visitDueAt, -1), expected: true },
    { name: 'dealt never expires', r: clock('dealt'), now: sh('2030-01-01T00:00:00'), expected: false },
    { name: 'already expired does not expire again', r: clock('expired'), now: sh('2030-01-01T00:00:00'), expected: false },
    { name: 'rejected does not expire', r: clock('rejected'), now: sh('2030-01-01T00:00:00'), expected: false },
  ])('$name → $expected', ({ r, now, expected }) => expect(expiredAt(r, now)).toBe(expected));
});

describe('commissionEligible: rule × stage × deal window', () => {
  const dealDueAt = sh('2027-01-01T00:00:00');
  const inside = ms(dealDueAt, -1);
  const after = ms(dealDueAt, 1);
  type Row = { rule: CommissionRule; stage: 'pledge' | 'subscription' | 'contract'; when: string; at: Date; due: Date | null; expected: boolean };
  const rows: Row[] = [
    { rule: 'contract', stage: 'pledge', when: 'inside', at: inside, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'pledge', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'pledge', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'pledge', when: 'null window', at: inside, due: null, expected: false },
    { rule: 'contract', stage: 'subscription', when: 'inside', at: inside, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'subscription', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'subscription', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'subscription', when: 'null window', at: inside, due: null, expected: false },
    { rule: 'contract', stage: 'contract', when: 'inside', at: inside, due: dealDueAt, expected: true },
    { rule: 'contract', stage: 'contract', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'contract', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'contract', stage: 'contract', when: 'null window', at: inside, due: null, expected: false },
    { rule: 'down_payment', stage: 'pledge', when: 'inside', at: inside, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'pledge', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'pledge', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'pledge', when: 'null window', at: inside, due: null, expected: false },
    { rule: 'down_payment', stage: 'subscription', when: 'inside', at: inside, due: dealDueAt, expected: true },
    { rule: 'down_payment', stage: 'subscription', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'subscription', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'subscription', when: 'null window', at: inside, due: null, expected: false },
    { rule: 'down_payment', stage: 'contract', when: 'inside', at: inside, due: dealDueAt, expected: true },
    { rule: 'down_payment', stage: 'contract', when: 'exactly at', at: dealDueAt, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'contract', when: 'after', at: after, due: dealDueAt, expected: false },
    { rule: 'down_payment', stage: 'contract', when: 'null window', at: inside, due: null, expected: false },
  ];
  it.each(rows)('$rule rule, $stage $when the deal window → $expected', ({ rule, stage, at, due, expected }) => {
    expect(commissionEligible(rule, { stage, at }, due)).toBe(expected);
  });
});

describe('maskedMobile: first three, four stars, last four', () => {
  it.each([
    { name: 'from a whole mobile', k: full('13812345678'), expected: '138****5678' },
    { name: 'from a prefix and suffix', k: partial('139', '0001'), expected: '139****0001' },
    { name: 'from nothing', k: mobileKey({}), expected: '****' },
  ])('$name → $expected', ({ k, expected }) => expect(maskedMobile(k)).toBe(expected));
});
