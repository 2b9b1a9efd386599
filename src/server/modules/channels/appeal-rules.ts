import type { RegistrationStatus } from '../../../common/channels.ts';
import type { ChannelSettings } from './rules.ts';
import { windowEnd } from './rules.ts';

// 申诉 rules, pure (the services in appeals.ts and registrations.ts read the rows and apply them).

export type Refusal = { code: 'INVALID_TRANSITION' | 'CONFLICT' | 'VALIDATION_FAILED'; message: string; field?: string };

// What can be appealed: the broker's own registration once it stopped protecting — expired (a
// window missed, a deal undone after its window) or rejected (判客无效, or voided by an earlier
// appeal decision) — and only one appeal at a time.
export function appealRefusal(reg: { status: RegistrationStatus }, hasPendingAppeal: boolean): Refusal | null {
  if (reg.status !== 'expired' && reg.status !== 'rejected') return { code: 'INVALID_TRANSITION', message: '只有已失效或判客无效的报备可以申诉' };
  if (hasPendingAppeal) return { code: 'CONFLICT', message: '该报备已有待处理的申诉' };
  return null;
}

// A live registration (registered, visited or dealt, still protecting) on the same customer,
// other than the appealed one.
export type Claim = { id: string; brokerId: string; status: 'registered' | 'visited' | 'dealt' };

export type UpholdInput = {
  appellant: { brokerId: string; visitedAt: Date | null };
  claims: Claim[];
  // The project's prospect with this mobile, if the project has one, and whether it signed.
  prospect: { contracted: boolean } | null;
  note: string;
  settings: Pick<ChannelSettings, 'visitDays' | 'dealDays'>;
  now: Date;
};

export type Restored = { status: 'registered'; visitDueAt: Date } | { status: 'visited'; dealDueAt: Date };
export type UpholdOutcome = { ok: true; restore: Restored; voidIds: string[] } | ({ ok: false } & Refusal);

// Upholding an appeal: the manager sides with the appealing broker, who gets protection with a
// fresh window from today (to visit; to deal if the visit had been confirmed). The manager may
// overrule: another broker's running claim (registered or visited) is voided, with the manager's
// reason, which is then required; a prospect the project already has goes to the appellant (it
// is linked at the visit confirmation, see takesOverProspect). What cannot be granted is refused:
// - the customer already signed a contract for the project (the sale is closed);
// - another broker's registration already reached a deal (its commission stands on a real
//   subscription or contract: undo the deal first, which puts that registration back);
// - the appellant already holds another live registration of the customer (nothing to restore).
export function upholdAppeal(input: UpholdInput): UpholdOutcome {
  if (input.prospect?.contracted) return { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该客户已在本项目签约' };
  const others = input.claims.filter((c) => c.brokerId !== input.appellant.brokerId);
  if (others.some((c) => c.status === 'dealt')) return { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该客户已由其他经纪人报备成交，请先处理该成交' };
  if (input.claims.some((c) => c.brokerId === input.appellant.brokerId)) return { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该经纪人已有该客户的有效报备' };
  if (others.length > 0 && !input.note.trim()) {
    return { ok: false, code: 'VALIDATION_FAILED', message: '支持该申诉将作废其他经纪人的报备，请填写裁决理由', field: 'note' };
  }
  const restore: Restored = input.appellant.visitedAt
    ? { status: 'visited', dealDueAt: windowEnd(input.now, input.settings.dealDays) }
    : { status: 'registered', visitDueAt: windowEnd(input.now, input.settings.visitDays) };
  return { ok: true, restore, voidIds: others.map((c) => c.id) };
}

// The end reason the other broker sees on a registration voided by an appeal decision.
export function voidedReason(note: string): string {
  return `申诉裁决改判归属其他经纪人：${note.trim()}`;
}

// At the visit confirmation, a prospect the project already has goes to the registration when it
// was recorded after the registration (a walk-in during the broker's protection), or when a
// manager upheld the registration's appeal after it was recorded (the manager has overruled it).
export function takesOverProspect(reg: { registeredAt: Date; upheldAt: Date | null }, prospectCreatedAt: Date): boolean {
  if (prospectCreatedAt.getTime() >= reg.registeredAt.getTime()) return true;
  return reg.upheldAt !== null && reg.upheldAt.getTime() >= prospectCreatedAt.getTime();
}
