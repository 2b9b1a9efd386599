import { describe, expect, it } from 'vitest';
import { classifySearch, DEFAULT_SALES_SETTINGS as S, searchKeyOf, dueBucket, maskIdNumber, nameSearchKeys, nextFollowUpDue, reclaimAt, reclaimCutoff, shouldReclaim } from './rules.ts';

// Instants written in Asia/Shanghai time for readability.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('nextFollowUpDue: by grade, on Shanghai calendar days', () => {
  it.each([
    { grade: 'A' as const, at: '2026-11-23T09:00:00', due: '2026-11-26T00:00:00' },
    { grade: 'A' as const, at: '2026-11-23T23:59:59', due: '2026-11-26T00:00:00' }, // late evening is still Monday
    { grade: 'A' as const, at: '2026-11-24T00:00:00', due: '2026-11-27T00:00:00' }, // midnight starts Tuesday
    { grade: 'B' as const, at: '2026-11-23T10:00:00', due: '2026-11-30T00:00:00' },
    { grade: 'C' as const, at: '2026-11-23T10:00:00', due: '2026-12-23T00:00:00' },
    { grade: 'C' as const, at: '2026-12-31T20:00:00', due: '2027-01-30T00:00:00' },
  ])('$grade contacted $at is due $due', ({ grade, at, due }) => {
    expect(nextFollowUpDue(sh(at), grade, S)).toEqual(sh(due));
  });
  it('uses the project setting', () => {
    expect(nextFollowUpDue(sh('2026-11-23T10:00:00'), 'A', { ...S, followUpDaysA: 1 })).toEqual(sh('2026-11-24T00:00:00'));
  });
  it('a UTC instant on the previous UTC day counts by the Shanghai day', () => {
    // 2026-11-22T17:00Z is 01:00 on the 23rd in Shanghai.
    expect(nextFollowUpDue(new Date('2026-11-22T17:00:00Z'), 'A', S)).toEqual(sh('2026-11-26T00:00:00'));
  });
});

describe('dueBucket: overdue, today, later in Asia/Shanghai', () => {
  const due = sh('2026-11-26T00:00:00');
  it.each([
    { now: '2026-11-25T23:59:59', expected: 'later' },
    { now: '2026-11-26T00:00:00', expected: 'today' },
    { now: '2026-11-26T23:59:59', expected: 'today' },
    { now: '2026-11-27T00:00:00', expected: 'overdue' },
  ])('at $now → $expected', ({ now, expected }) => expect(dueBucket(due, sh(now))).toBe(expected));
  it('no due date is none', () => expect(dueBucket(null, sh('2026-11-26T00:00:00'))).toBe('none'));
});

describe('reclaim to the public pool after the project limit', () => {
  const open = { stage: 'intending' as const, inPool: false, ownerId: 'u1', assignedAt: sh('2026-11-01T09:00:00') };
  it('keeps a prospect through day D + 15 and reclaims at 00:00 of the day after', () => {
    expect(reclaimAt(sh('2026-11-01T18:30:00'), 15)).toEqual(sh('2026-11-17T00:00:00'));
    const p = { ...open, lastContactAt: sh('2026-11-01T18:30:00') };
    expect(shouldReclaim(p, 15, sh('2026-11-16T23:59:59'))).toBe(false);
    expect(shouldReclaim(p, 15, sh('2026-11-17T00:00:00'))).toBe(true);
  });
  it.each([
    { name: 'never followed: counts from assignment', p: { ...open, lastContactAt: null }, now: '2026-11-17T00:00:00', expected: true },
    { name: 'a hand-over restarts the clock for the new owner', p: { ...open, lastContactAt: sh('2026-10-01T10:00:00'), assignedAt: sh('2026-11-10T09:00:00') }, now: '2026-11-17T00:00:00', expected: false },
    { name: 'a hand-over long ago does not hold off reclaim', p: { ...open, lastContactAt: sh('2026-10-01T10:00:00'), assignedAt: sh('2026-10-20T09:00:00') }, now: '2026-11-17T00:00:00', expected: true },
    { name: 'a recent follow-up resets the clock', p: { ...open, lastContactAt: sh('2026-11-10T10:00:00') }, now: '2026-11-17T00:00:00', expected: false },
    { name: 'subscribed prospects are not reclaimed', p: { ...open, stage: 'subscribed' as const, lastContactAt: null }, now: '2026-12-30T00:00:00', expected: false },
    { name: 'owners are not reclaimed', p: { ...open, stage: 'owner' as const, lastContactAt: null }, now: '2026-12-30T00:00:00', expected: false },
    { name: 'lost prospects are not reclaimed', p: { ...open, stage: 'lost' as const, lastContactAt: null }, now: '2026-12-30T00:00:00', expected: false },
    { name: 'already in the pool', p: { ...open, inPool: true, lastContactAt: null }, now: '2026-12-30T00:00:00', expected: false },
    { name: 'no owner', p: { ...open, ownerId: null, lastContactAt: null }, now: '2026-12-30T00:00:00', expected: false },
    { name: 'potential prospects are reclaimed', p: { ...open, stage: 'potential' as const, lastContactAt: null }, now: '2026-11-17T00:00:00', expected: true },
  ])('$name', ({ p, now, expected }) => expect(shouldReclaim(p, 15, sh(now))).toBe(expected));
  it('the job cutoff agrees with shouldReclaim at the boundary', () => {
    const now = sh('2026-11-17T00:00:00');
    const cutoff = reclaimCutoff(now, 15);
    expect(cutoff).toEqual(sh('2026-11-02T00:00:00'));
    // Any activity before the cutoff is reclaimed, any at or after it is not.
    expect(shouldReclaim({ ...open, lastContactAt: new Date(cutoff.getTime() - 1) }, 15, now)).toBe(true);
    expect(shouldReclaim({ ...open, lastContactAt: cutoff }, 15, now)).toBe(false);
  });
});

describe('masking and search keys', () => {
  it('masks an ID number to its region and last four', () => expect(maskIdNumber('11010519491231002X')).toBe('110105********002X'));
  it.each([
    ['张伟', 'zhangwei', 'zw'],
    ['欧阳娜娜', 'ouyangnana', 'oynn'],
    ['单雄信', 'shanxiongxin', 'sxx'], // surname reading
    ['李 Lily', 'lilily', 'll'],
  ])('%s → %s / %s', (name, full, initials) => expect(nameSearchKeys(name)).toEqual({ pinyin: full, initials }));
  it.each([
    ['13812345678', 'mobile'],
    ['5678', 'tail'],
    ['zhangwei', 'latin'],
    ['ZW', 'latin'],
    ['张伟', 'name'],
    ['123', 'name'],
  ])('%s is a %s search', (q, kind) => expect(classifySearch(q).kind).toBe(kind));
  it.each([
    ['5678', { key: '#5678', exact: true }],
    [' 张 ', { key: '张', exact: true }],
    ['张伟', { key: '张伟', exact: true }],
    ['王小明', { key: '小明', exact: false }],
    ['欧阳娜娜', { key: '娜娜', exact: false }],
    ['z', null], // one letter: the prefix range of the scope's pinyin index
    ['ZW', { key: '@zw', exact: true }],
    ['zwm', { key: '@zw', exact: false }],
    ['zhangwei', { key: '@zh', exact: false }],
    ['13812345678', null], // the whole mobile has its own unique index
    ['张 Lily', null],
    ['123', null],
  ])('the quick search %s is found by the key %o', (q, key) => expect(searchKeyOf(classifySearch(q))).toEqual(key));
});
