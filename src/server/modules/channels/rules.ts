import type { CommissionRule, RegistrationStatus } from '../../../common/channels.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import { DAY } from '../../platform/clock.ts';

export type ChannelSettings = { mobileMode: 'full' | 'partial'; visitDays: number; dealDays: number; commissionRule: CommissionRule };
// Product choice (common practice): a visit within 7 days of registering, a deal within 30 days of
// the visit, the full mobile, commission on contract. Each project may change them.
export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = { mobileMode: 'full', visitDays: 7, dealDays: 30, commissionRule: 'contract' };

// A mobile as a broker gave it: the whole number, or its first three and last four digits.
export type MobileKey = { prefix: string; suffix: string; full: string | null };

export function mobileKey(input: { mobile?: string | null; mobilePrefix?: string | null; mobileSuffix?: string | null }): MobileKey {
  if (input.mobile) return { prefix: input.mobile.slice(0, 3), suffix: input.mobile.slice(-4), full: input.mobile };
  return { prefix: input.mobilePrefix ?? '', suffix: input.mobileSuffix ?? '', full: null };
}

// Two mobiles may be the same person: equal when both are whole; otherwise when the first three
// and last four digits agree (a partial registration cannot tell 138 0000 5678 from 138 9999 5678,
// so it protects both — the rule brokers and sales offices agree on).
export function mobilesMatch(a: MobileKey, b: MobileKey): boolean {
  if (a.full && b.full) return a.full === b.full;
  return a.prefix === b.prefix && a.suffix === b.suffix;
}

// Windows end at 00:00 Asia/Shanghai of the day after the last day: registered on day D with a
// 7-day window, the visit may happen any time up to the end of day D + 7.
export function windowEnd(from: Date, days: number): Date {
  return new Date(startOfShanghaiDay(from).getTime() + (days + 1) * DAY);
}

export type RegistrationClock = { status: RegistrationStatus; visitDueAt: Date; dealDueAt: Date | null };

// Whether a registration still protects its customer at `now` (registered within the visit
// window, or visited within the deal window; a deal ends the question).
export function isProtecting(r: RegistrationClock, now: Date): boolean {
  if (r.status === 'registered') return now.getTime() < r.visitDueAt.getTime();
  if (r.status === 'visited') return r.dealDueAt !== null && now.getTime() < r.dealDueAt.getTime();
  return r.status === 'dealt';
}

// What a registration becomes when time passes without the next step.
export function expiredAt(r: RegistrationClock, now: Date): boolean {
  return (r.status === 'registered' || r.status === 'visited') && !isProtecting(r, now);
}

// Commission follows the project's rule: on contract, or on the subscription's down payment — and
// only for a deal reached while the registration protected the customer.
export function commissionEligible(rule: CommissionRule, deal: { stage: 'pledge' | 'subscription' | 'contract'; at: Date }, dealDueAt: Date | null): boolean {
  if (!dealDueAt || deal.at.getTime() >= dealDueAt.getTime()) return false;
  return rule === 'contract' ? deal.stage === 'contract' : deal.stage === 'subscription' || deal.stage === 'contract';
}

export function maskedMobile(k: MobileKey): string {
  return `${k.prefix}****${k.suffix}`;
}
