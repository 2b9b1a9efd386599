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

export type DealEvent = { stage: 'pledge' | 'subscription' | 'contract'; at: Date };
// What a registration knows of its deal window: when it ends, and when its first qualifying deal
// (subscription or contract, the moment the registration became dealt) came, if one did.
export type DealWindow = { dealDueAt: Date | null; dealtAt: Date | null };

// The protection window (visit → deal within M days) is met by the first qualifying deal: a
// subscription or a contract reached before dealDueAt. A pledge is not a deal. Later stages of
// the same purchase (the contract after the subscription) do not reopen the question.
export function dealWindowMet(w: DealWindow, event: DealEvent): boolean {
  if (!w.dealDueAt) return false;
  const first = w.dealtAt ?? (event.stage === 'pledge' ? null : event.at);
  return first !== null && first.getTime() < w.dealDueAt.getTime();
}

// Commission follows the project's rule, which only decides which event is payable: the contract
// (on contract) or the subscription's down payment (on down payment; a direct contract carries it
// too). The event earns commission when it is payable and the window was met by the first deal —
// so a subscription inside the window followed by a contract after it earns on contract.
export function commissionEligible(rule: CommissionRule, event: DealEvent, w: DealWindow): boolean {
  if (!dealWindowMet(w, event)) return false;
  return rule === 'contract' ? event.stage === 'contract' : event.stage === 'subscription' || event.stage === 'contract';
}

export type DealtRegistration = DealWindow & { status: RegistrationStatus; commissionEligible: boolean };
export type DealReached = { dealtAt: Date; commissionEligible: boolean };

// A deal on a broker's prospect (onDealReached): a visited registration becomes dealt when the
// deal comes inside its window, a dealt one takes the later stages; anything else is untouched
// (null). Commission once earned stays earned (until a cancellation takes it back).
export function dealReached(rule: CommissionRule, reg: DealtRegistration, event: DealEvent): DealReached | null {
  if (reg.status !== 'visited' && reg.status !== 'dealt') return null;
  if (event.stage === 'pledge' || !dealWindowMet(reg, event)) return null;
  return { dealtAt: reg.dealtAt ?? event.at, commissionEligible: reg.commissionEligible || commissionEligible(rule, event, reg) };
}

export type CancelledRegistration = { status: 'dealt' | 'visited' | 'expired'; dealId: string | null; dealtAt: Date | null; commissionEligible: boolean; endReason: string };
export const CANCELLED_AFTER_WINDOW = '成交已退订/退房，成交保护期已过';

// 退订/退房 of the deal a registration was dealt on. If the prospect still holds another active
// subscription or contract, the registration stays dealt on it and its commission is judged again
// by that deal's stage. Otherwise the registration loses its deal and its commission: back to
// visited while its deal window (from the visit) is still open, so a new deal inside the window
// still counts; expired (已失效, appealable) once it has passed. Commission is never kept for a
// cancelled purchase: it was earned by the deal that no longer stands.
export function afterCancellation(rule: CommissionRule, reg: DealWindow, remaining: { id: string; stage: 'subscription' | 'contract' } | null, now: Date): CancelledRegistration {
  if (remaining && reg.dealtAt) {
    return { status: 'dealt', dealId: remaining.id, dealtAt: reg.dealtAt, commissionEligible: commissionEligible(rule, { stage: remaining.stage, at: now }, reg), endReason: '' };
  }
  const open = reg.dealDueAt !== null && now.getTime() < reg.dealDueAt.getTime();
  return open
    ? { status: 'visited', dealId: null, dealtAt: null, commissionEligible: false, endReason: '' }
    : { status: 'expired', dealId: null, dealtAt: null, commissionEligible: false, endReason: CANCELLED_AFTER_WINDOW };
}

export function maskedMobile(k: MobileKey): string {
  return `${k.prefix}****${k.suffix}`;
}
