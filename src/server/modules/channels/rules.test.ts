import { describe, expect, it } from 'vitest';
import type { CommissionRule, RegistrationStatus } from '../../../common/channels.ts';
import {
  afterCancellation, CANCELLED_AFTER_WINDOW, commissionEligible, dealReached, expiredAt, isProtecting, maskedMobile, mobileKey, mobilesMatch, windowEnd,
  type CancelledRegistration, type DealEvent, type DealtRegistration, type DealWindow, type MobileKey, type RegistrationClock,
} from './rules.ts';

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

describe('commissionEligible: the first deal meets the window, the rule picks the payable event', () => {
  // Visited 2026-11-23 15:00 Shanghai with a 30-day deal window: the last day is 23 December, the
  // window ends at 00:00 on 24 December Shanghai (16:00 UTC on the 23rd).
  const dealDueAt = windowEnd(sh('2026-11-23T15:00:00'), 30);
  const lastInstant = sh('2026-12-23T23:59:59.999');
  const midnight = sh('2026-12-24T00:00:00');
  const later = sh('2027-02-10T11:00:00');
  type Row = { name: string; rule: CommissionRule; stage: DealEvent['stage']; at: Date; dealtAt: Date | null; due?: Date | null; expected: boolean };
  const rows: Row[] = [
    // The first deal itself (nothing dealt before): its own moment decides the window.
    { name: 'contract as first deal on the last day 23:59:59.999', rule: 'contract', stage: 'contract', at: lastInstant, dealtAt: null, expected: true },
    { name: 'contract as first deal at 00:00 after the last day', rule: 'contract', stage: 'contract', at: midnight, dealtAt: null, expected: false },
    { name: 'subscription as first deal inside, contract rule: not payable yet', rule: 'contract', stage: 'subscription', at: lastInstant, dealtAt: null, expected: false },
    { name: 'pledge inside, contract rule', rule: 'contract', stage: 'pledge', at: lastInstant, dealtAt: null, expected: false },
    { name: 'subscription as first deal on the last day, down-payment rule', rule: 'down_payment', stage: 'subscription', at: lastInstant, dealtAt: null, expected: true },
    { name: 'subscription as first deal at 00:00 after the last day, down-payment rule', rule: 'down_payment', stage: 'subscription', at: midnight, dealtAt: null, expected: false },
    { name: 'direct contract inside, down-payment rule (the contract carries the down payment)', rule: 'down_payment', stage: 'contract', at: lastInstant, dealtAt: null, expected: true },
    { name: 'direct contract after, down-payment rule', rule: 'down_payment', stage: 'contract', at: midnight, dealtAt: null, expected: false },
    { name: 'pledge inside, down-payment rule', rule: 'down_payment', stage: 'pledge', at: lastInstant, dealtAt: null, expected: false },
    // The audit's case: subscription inside the window, contract after it.
    { name: 'contract at 00:00 after the window, subscribed on the last day, contract rule', rule: 'contract', stage: 'contract', at: midnight, dealtAt: lastInstant, expected: true },
    { name: 'contract weeks after the window, subscribed inside, contract rule', rule: 'contract', stage: 'contract', at: later, dealtAt: sh('2026-12-01T10:00:00'), expected: true },
    { name: 'contract after the window, subscribed inside, down-payment rule', rule: 'down_payment', stage: 'contract', at: later, dealtAt: sh('2026-12-01T10:00:00'), expected: true },
    // The first deal came too late: nothing a later stage does changes that.
    { name: 'contract after, first deal at 00:00 after the last day', rule: 'contract', stage: 'contract', at: later, dealtAt: midnight, expected: false },
    { name: 'contract inside is not enough when the recorded first deal was after', rule: 'contract', stage: 'contract', at: lastInstant, dealtAt: midnight, expected: false },
    // No deal window (never visited).
    { name: 'no deal window, contract rule', rule: 'contract', stage: 'contract', at: lastInstant, dealtAt: null, due: null, expected: false },
    { name: 'no deal window, down-payment rule', rule: 'down_payment', stage: 'subscription', at: lastInstant, dealtAt: null, due: null, expected: false },
  ];
  it('the window ends at 00:00 Shanghai after its last day', () => expect(dealDueAt).toEqual(midnight));
  it.each(rows)('$name → $expected', ({ rule, stage, at, dealtAt, due, expected }) => {
    expect(commissionEligible(rule, { stage, at }, { dealDueAt: due === undefined ? dealDueAt : due, dealtAt })).toBe(expected);
  });
});

describe('dealReached: what a deal does to the registration', () => {
  const dealDueAt = sh('2026-12-24T00:00:00');
  const inside = sh('2026-12-23T23:59:59');
  const after = sh('2026-12-24T00:00:00');
  type Row = { name: string; rule: CommissionRule; reg: DealtRegistration; event: DealEvent; expected: ReturnType<typeof dealReached> };
  const visited = (over: Partial<DealtRegistration> = {}): DealtRegistration => ({ status: 'visited', dealDueAt, dealtAt: null, commissionEligible: false, ...over });
  const rows: Row[] = [
    { name: 'visited, subscription inside, contract rule: dealt, not yet eligible', rule: 'contract', reg: visited(), event: { stage: 'subscription', at: inside }, expected: { dealtAt: inside, commissionEligible: false } },
    { name: 'dealt on that subscription, contract after the window, contract rule: eligible', rule: 'contract', reg: visited({ status: 'dealt', dealtAt: inside }), event: { stage: 'contract', at: after }, expected: { dealtAt: inside, commissionEligible: true } },
    { name: 'visited, subscription inside, down-payment rule: eligible', rule: 'down_payment', reg: visited(), event: { stage: 'subscription', at: inside }, expected: { dealtAt: inside, commissionEligible: true } },
    { name: 'visited, subscription at 00:00 after the window: untouched', rule: 'down_payment', reg: visited(), event: { stage: 'subscription', at: after }, expected: null },
    { name: 'visited, pledge inside: not a deal', rule: 'down_payment', reg: visited(), event: { stage: 'pledge', at: inside }, expected: null },
    { name: 'earned stays earned', rule: 'contract', reg: visited({ status: 'dealt', dealtAt: inside, commissionEligible: true }), event: { stage: 'subscription', at: after }, expected: { dealtAt: inside, commissionEligible: true } },
    { name: 'registered (never visited): untouched', rule: 'contract', reg: visited({ status: 'registered', dealDueAt: null }), event: { stage: 'contract', at: inside }, expected: null },
    { name: 'expired: untouched', rule: 'contract', reg: visited({ status: 'expired' }), event: { stage: 'contract', at: inside }, expected: null },
    { name: 'rejected: untouched', rule: 'contract', reg: visited({ status: 'rejected' }), event: { stage: 'contract', at: inside }, expected: null },
  ];
  it.each(rows)('$name', ({ rule, reg, event, expected }) => expect(dealReached(rule, reg, event)).toEqual(expected));
});

describe('afterCancellation: 退订/退房 takes the deal and its commission back', () => {
  // Visited 2026-11-23 with 30 days: the deal window ends 00:00 on 24 December Shanghai.
  const dealDueAt = windowEnd(sh('2026-11-23T10:00:00'), 30);
  const dealtAt = sh('2026-12-01T10:00:00');
  const w: DealWindow = { dealDueAt, dealtAt };
  type Row = { name: string; rule: CommissionRule; now: Date; remaining: { id: string; stage: 'subscription' | 'contract' } | null; expected: CancelledRegistration };
  const rows: Row[] = [
    { name: 'cancelled on the last day of the window → visited, no commission', rule: 'contract', now: sh('2026-12-23T23:59:59'), remaining: null, expected: { status: 'visited', dealId: null, dealtAt: null, commissionEligible: false, endReason: '' } },
    { name: 'cancelled at 00:00 after the last day → expired', rule: 'contract', now: sh('2026-12-24T00:00:00'), remaining: null, expected: { status: 'expired', dealId: null, dealtAt: null, commissionEligible: false, endReason: CANCELLED_AFTER_WINDOW } },
    { name: 'contract cancelled months later → expired, commission taken back', rule: 'down_payment', now: sh('2027-04-01T09:00:00'), remaining: null, expected: { status: 'expired', dealId: null, dealtAt: null, commissionEligible: false, endReason: CANCELLED_AFTER_WINDOW } },
    { name: 'another active contract remains, contract rule → stays dealt and eligible', rule: 'contract', now: sh('2027-04-01T09:00:00'), remaining: { id: 'd2', stage: 'contract' }, expected: { status: 'dealt', dealId: 'd2', dealtAt, commissionEligible: true, endReason: '' } },
    { name: 'another active subscription remains, contract rule → dealt, not yet eligible', rule: 'contract', now: sh('2027-04-01T09:00:00'), remaining: { id: 'd2', stage: 'subscription' }, expected: { status: 'dealt', dealId: 'd2', dealtAt, commissionEligible: false, endReason: '' } },
    { name: 'another active subscription remains, down-payment rule → dealt and eligible', rule: 'down_payment', now: sh('2027-04-01T09:00:00'), remaining: { id: 'd2', stage: 'subscription' }, expected: { status: 'dealt', dealId: 'd2', dealtAt, commissionEligible: true, endReason: '' } },
  ];
  it.each(rows)('$name', ({ rule, now, remaining, expected }) => expect(afterCancellation(rule, w, remaining, now)).toEqual(expected));
});

describe('maskedMobile: first three, four stars, last four', () => {
  it.each([
    { name: 'from a whole mobile', k: full('13812345678'), expected: '138****5678' },
    { name: 'from a prefix and suffix', k: partial('139', '0001'), expected: '139****0001' },
    { name: 'from nothing', k: mobileKey({}), expected: '****' },
  ])('$name → $expected', ({ k, expected }) => expect(maskedMobile(k)).toBe(expected));
});
