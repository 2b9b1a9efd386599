import { describe, expect, it } from 'vitest';
import type { RegistrationStatus } from '../../../common/channels.ts';
import { appealRefusal, takesOverProspect, upholdAppeal, voidedReason, type Claim, type UpholdInput, type UpholdOutcome } from './appeal-rules.ts';

// Instants written in Asia/Shanghai time for readability.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('appealRefusal: what can be appealed', () => {
  it.each([
    { status: 'expired', pending: false, expected: null },
    { status: 'rejected', pending: false, expected: null },
    { status: 'expired', pending: true, expected: { code: 'CONFLICT', message: '该报备已有待处理的申诉' } },
    { status: 'rejected', pending: true, expected: { code: 'CONFLICT', message: '该报备已有待处理的申诉' } },
    { status: 'registered', pending: false, expected: { code: 'INVALID_TRANSITION', message: '只有已失效或判客无效的报备可以申诉' } },
    { status: 'visited', pending: false, expected: { code: 'INVALID_TRANSITION', message: '只有已失效或判客无效的报备可以申诉' } },
    { status: 'dealt', pending: false, expected: { code: 'INVALID_TRANSITION', message: '只有已失效或判客无效的报备可以申诉' } },
    { status: 'dealt', pending: true, expected: { code: 'INVALID_TRANSITION', message: '只有已失效或判客无效的报备可以申诉' } },
  ] as { status: RegistrationStatus; pending: boolean; expected: ReturnType<typeof appealRefusal> }[])('$status, pending appeal $pending → $expected.code', ({ status, pending, expected }) => {
    expect(appealRefusal({ status }, pending)).toEqual(expected);
  });
});

describe('upholdAppeal: upholding, clashes and the fresh window', () => {
  // Decided at 23:59:59 on 23 November Shanghai: a 7-day visit window runs to the end of 30 November,
  // a 30-day deal window to the end of 23 December; one second later both start a day later.
  const lateNight = sh('2026-11-23T23:59:59');
  const midnight = sh('2026-11-24T00:00:00');
  const settings = { visitDays: 7, dealDays: 30 };
  const me = 'broker-a';
  const claim = (id: string, brokerId: string, status: Claim['status']): Claim => ({ id, brokerId, status });
  const base: UpholdInput = { appellant: { brokerId: me, visitedAt: null }, claims: [], prospect: null, note: '', settings, now: lateNight };
  type Row = { name: string; input: Partial<UpholdInput>; expected: UpholdOutcome };
  const rows: Row[] = [
    { name: 'nobody else: fresh visit window from the decision day', input: {}, expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-01T00:00:00') }, voidIds: [] } },
    { name: 'decided at 00:00: the fresh window starts a day later', input: { now: midnight }, expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-02T00:00:00') }, voidIds: [] } },
    { name: 'visited before: fresh deal window', input: { appellant: { brokerId: me, visitedAt: sh('2026-10-01T10:00:00') } }, expected: { ok: true, restore: { status: 'visited', dealDueAt: sh('2026-12-24T00:00:00') }, voidIds: [] } },
    { name: 'visited, decided at 00:00', input: { appellant: { brokerId: me, visitedAt: sh('2026-10-01T10:00:00') }, now: midnight }, expected: { ok: true, restore: { status: 'visited', dealDueAt: sh('2026-12-25T00:00:00') }, voidIds: [] } },
    {
      name: 'another broker registered: overruled, voided', input: { claims: [claim('r2', 'broker-b', 'registered')], note: '客户确认由 A 带看' },
      expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-01T00:00:00') }, voidIds: ['r2'] },
    },
    {
      name: 'another broker visited: overruled, voided', input: { claims: [claim('r2', 'broker-b', 'visited')], prospect: { contracted: false }, note: '首次带看为 A' },
      expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-01T00:00:00') }, voidIds: ['r2'] },
    },
    {
      name: 'two other claims (partial and full mobiles): both voided', input: { claims: [claim('r2', 'broker-b', 'registered'), claim('r3', 'broker-c', 'visited')], note: '改判' },
      expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-01T00:00:00') }, voidIds: ['r2', 'r3'] },
    },
    {
      name: 'overruling without a reason', input: { claims: [claim('r2', 'broker-b', 'registered')], note: '  ' },
      expected: { ok: false, code: 'VALIDATION_FAILED', message: '支持该申诉将作废其他经纪人的报备，请填写裁决理由', field: 'note' },
    },
    { name: 'the project has the customer (not signed): granted', input: { prospect: { contracted: false } }, expected: { ok: true, restore: { status: 'registered', visitDueAt: sh('2026-12-01T00:00:00') }, voidIds: [] } },
    { name: 'the customer already signed a contract', input: { prospect: { contracted: true } }, expected: { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该客户已在本项目签约' } },
    {
      name: 'signed beats everything else', input: { prospect: { contracted: true }, claims: [claim('r2', 'broker-b', 'visited')], note: 'x' },
      expected: { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该客户已在本项目签约' },
    },
    {
      name: 'another broker already dealt', input: { claims: [claim('r2', 'broker-b', 'dealt')], prospect: { contracted: false }, note: 'x' },
      expected: { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该客户已由其他经纪人报备成交，请先处理该成交' },
    },
    {
      name: 'the appellant already holds a live registration', input: { claims: [claim('r9', me, 'registered')] },
      expected: { ok: false, code: 'CONFLICT', message: '不能支持该申诉：该经纪人已有该客户的有效报备' },
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => expect(upholdAppeal({ ...base, ...input })).toEqual(expected));

  it('names the manager\'s reason on the voided registration', () => {
    expect(voidedReason('  客户确认由 A 带看 ')).toBe('申诉裁决改判归属其他经纪人：客户确认由 A 带看');
  });
});

describe('takesOverProspect: who gets a prospect the project already has at the visit confirmation', () => {
  const registeredAt = sh('2026-11-20T10:00:00');
  it.each([
    { name: 'recorded after the registration (walk-in during protection)', upheldAt: null, created: sh('2026-11-21T09:00:00'), expected: true },
    { name: 'recorded at the same instant', upheldAt: null, created: registeredAt, expected: true },
    { name: 'recorded before the registration, no appeal', upheldAt: null, created: sh('2026-11-19T23:59:59'), expected: false },
    { name: 'recorded before, appeal upheld after it was recorded', upheldAt: sh('2026-11-25T10:00:00'), created: sh('2026-11-19T10:00:00'), expected: true },
    { name: 'recorded after the appeal was upheld (and before the registration cannot be)', upheldAt: sh('2026-11-18T10:00:00'), created: sh('2026-11-19T10:00:00'), expected: false },
  ])('$name → $expected', ({ upheldAt, created, expected }) => expect(takesOverProspect({ registeredAt, upheldAt }, created)).toBe(expected));
});
