import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_CHANNELS, COMPLAINT_STATUSES, type ComplaintChannel, type ComplaintStatus, type Severity,
} from '../../../common/complaints.ts';
import { DAY, HOUR, MINUTE } from '../../platform/clock.ts';
import {
  ALERT_MIN_CUSTOMERS, DEFAULT_LIMITS, ackDueAt, alertTriggered, canMove, closureBlockers,
  requiredEscalation, resolutionDueAt, slaWarningDue, type EscalationFacts,
} from './rules.ts';

// Instants written in Asia/Shanghai time for readability.
const sh = (local: string) => new Date(`${local}+08:00`);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe('ackDueAt: online 24 h, every other channel 4 h', () => {
  const hours: Record<ComplaintChannel, number> = {
    hotline: 4, web: 24, onsite: 4, wechat: 4, email: 4, letter: 4, media: 4, consumer_association: 4, government: 4, lawsuit: 4,
  };
  it('the table covers every channel', () => expect(Object.keys(hours).sort()).toEqual([...COMPLAINT_CHANNELS].sort()));
  it.each(COMPLAINT_CHANNELS.map((channel) => ({ channel, h: hours[channel] })))('$channel → $h h', ({ channel, h }) => {
    const filed = sh('2026-01-31T22:30:00');
    expect(ackDueAt(channel, filed)).toEqual(plus(filed, h * HOUR));
  });
  it('web filed late evening is due the next evening; hotline in the small hours', () => {
    expect(ackDueAt('web', sh('2026-01-31T22:30:00'))).toEqual(sh('2026-02-01T22:30:00'));
    expect(ackDueAt('hotline', sh('2026-01-31T22:30:00'))).toEqual(sh('2026-02-01T02:30:00'));
  });
});

describe('resolutionDueAt', () => {
  const filed = sh('2026-01-31T10:00:00');
  it('DEFAULT_LIMITS are the product defaults', () => expect(DEFAULT_LIMITS).toEqual({ general: 120, important: 72, hot: 48, major: 24 }));
  it.each([
    { severity: 'general' as const, due: '2026-02-05T10:00:00' },
    { severity: 'important' as const, due: '2026-02-03T10:00:00' },
    { severity: 'hot' as const, due: '2026-02-02T10:00:00' },
    { severity: 'major' as const, due: '2026-02-01T10:00:00' },
  ])('default: $severity due $due', ({ severity, due }) => expect(resolutionDueAt(severity, filed, DEFAULT_LIMITS)).toEqual(sh(due)));
  const custom = { general: 240, important: 96, hot: 12, major: 2 };
  it.each([
    { severity: 'general' as const, due: '2026-02-10T10:00:00' },
    { severity: 'important' as const, due: '2026-02-04T10:00:00' },
    { severity: 'hot' as const, due: '2026-01-31T22:00:00' },
    { severity: 'major' as const, due: '2026-01-31T12:00:00' },
  ])('custom limits: $severity due $due', ({ severity, due }) => expect(resolutionDueAt(severity, filed, custom)).toEqual(sh(due)));
});

describe('canMove: the eight steps', () => {
  const allowed: Array<[ComplaintStatus, ComplaintStatus]> = [
    ['received', 'assigned'],
    ['assigned', 'investigating'],
    ['investigating', 'solution_proposed'],
    ['solution_proposed', 'in_progress'],
    ['solution_proposed', 'investigating'], // the solution needs more investigation
    ['in_progress', 'awaiting_callback'],
    ['in_progress', 'solution_proposed'], // the solution does not work
    ['awaiting_callback', 'closed'],
    ['awaiting_callback', 'in_progress'], // the call-back finds it unsolved
  ];
  it.each(allowed)('%s → %s is allowed', (from, to) => expect(canMove(from, to)).toBe(true));
  it.each<[string, ComplaintStatus, ComplaintStatus]>([
    ['skipping assignment', 'received', 'investigating'],
    ['skipping to the end', 'received', 'closed'],
    ['skipping the solution', 'investigating', 'in_progress'],
    ['skipping the call-back', 'in_progress', 'closed'],
    ['skipping the work', 'solution_proposed', 'awaiting_callback'],
    ['out of closed (reopen has its own check)', 'closed', 'investigating'],
    ['out of closed to call-back', 'closed', 'awaiting_callback'],
    ['out of closed to received', 'closed', 'received'],
    ['back to received', 'assigned', 'received'],
    ['back to assigned', 'investigating', 'assigned'],
    ['back two steps', 'in_progress', 'investigating'],
    ['call-back back to the solution', 'awaiting_callback', 'solution_proposed'],
    ['staying put', 'investigating', 'investigating'],
    ['closed to closed', 'closed', 'closed'],
  ])('refused: %s (%s → %s)', (_name, from, to) => expect(canMove(from, to)).toBe(false));
  it('no other move is allowed', () => {
    const key = (from: string, to: string) => `${from}→${to}`;
    const yes = new Set(allowed.map(([from, to]) => key(from, to)));
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_STATUSES) expect(canMove(from, to), key(from, to)).toBe(yes.has(key(from, to)));
    }
  });
});

// A general complaint filed at 10:00 on 2 March (Shanghai): acknowledge by 14:00, resolve by 10:00 on 7 March.
const F = sh('2026-03-02T10:00:00');
const esc = (o: Partial<EscalationFacts> = {}): EscalationFacts => ({
  severity: 'general', status: 'investigating', filedAt: F, ackDueAt: plus(F, 4 * HOUR), acknowledgedAt: plus(F, HOUR),
  resolutionDueAt: plus(F, 120 * HOUR), resolvedAt: null, ...o,
});

describe('requiredEscalation: authority limits (项目 → 城市公司 → 集团)', () => {
  it.each<{ name: string; f: Partial<EscalationFacts>; at: number; level: string; reason: string | null }>([
    { name: 'general within its clocks stays at the project', f: {}, at: 2 * HOUR, level: 'project', reason: null },
    { name: 'important within its clocks stays at the project', f: { severity: 'important', resolutionDueAt: plus(F, 72 * HOUR) }, at: 2 * HOUR, level: 'project', reason: null },
    // Closed.
    { name: 'closed never escalates, even major and overdue', f: { status: 'closed', severity: 'major', acknowledgedAt: null, resolvedAt: plus(F, 500 * HOUR) }, at: 1000 * HOUR, level: 'project', reason: null },
    { name: 'closed without a resolution time', f: { status: 'closed', acknowledgedAt: null }, at: 1000 * HOUR, level: 'project', reason: null },
    // Major and hot.
    { name: 'major goes to the group immediately', f: { severity: 'major', acknowledgedAt: null, resolutionDueAt: plus(F, 24 * HOUR) }, at: 0, level: 'group', reason: 'major' },
    { name: 'major stays with the group while awaiting call-back', f: { severity: 'major', status: 'awaiting_callback', resolvedAt: plus(F, 2 * HOUR) }, at: 3 * HOUR, level: 'group', reason: 'major' },
    { name: 'hot goes to the company', f: { severity: 'hot', resolutionDueAt: plus(F, 48 * HOUR) }, at: 2 * HOUR, level: 'company', reason: 'hot' },
    // Acknowledgement clock.
    { name: 'unacknowledged just before ackDueAt', f: { acknowledgedAt: null }, at: 4 * HOUR - 1, level: 'project', reason: null },
    { name: 'unacknowledged exactly at ackDueAt', f: { acknowledgedAt: null }, at: 4 * HOUR, level: 'company', reason: 'ack_overdue' },
    { name: 'unacknowledged a day later', f: { acknowledgedAt: null }, at: 28 * HOUR, level: 'company', reason: 'ack_overdue' },
    { name: 'acknowledged (late) no longer escalates for the ack', f: { acknowledgedAt: plus(F, 5 * HOUR) }, at: 6 * HOUR, level: 'project', reason: null },
    // Resolution clock.
    { name: 'unresolved just before the limit', f: {}, at: 120 * HOUR - 1, level: 'project', reason: null },
    { name: 'unresolved exactly at the limit', f: {}, at: 120 * HOUR, level: 'company', reason: 'resolution_overdue' },
    { name: 'unresolved just before twice the limit', f: {}, at: 240 * HOUR - 1, level: 'company', reason: 'resolution_overdue' },
    { name: 'unresolved at twice the limit', f: {}, at: 240 * HOUR, level: 'group', reason: 'resolution_overdue_twice' },
    { name: 'resolved in time does not escalate', f: { status: 'awaiting_callback', resolvedAt: plus(F, 100 * HOUR) }, at: 1000 * HOUR, level: 'project', reason: null },
    { name: 'resolved late does not escalate by resolution time', f: { status: 'awaiting_callback', resolvedAt: plus(F, 200 * HOUR) }, at: 1000 * HOUR, level: 'project', reason: null },
    { name: 'resolved hot stays with the company for being hot', f: { severity: 'hot', status: 'awaiting_callback', resolutionDueAt: plus(F, 48 * HOUR), resolvedAt: plus(F, 200 * HOUR) }, at: 1000 * HOUR, level: 'company', reason: 'hot' },
    // The highest applicable level wins.
    { name: 'hot and twice overdue → group', f: { severity: 'hot', acknowledgedAt: null, resolutionDueAt: plus(F, 48 * HOUR) }, at: 96 * HOUR, level: 'group', reason: 'resolution_overdue_twice' },
    { name: 'major beats twice overdue', f: { severity: 'major', acknowledgedAt: null, resolutionDueAt: plus(F, 24 * HOUR) }, at: 1000 * HOUR, level: 'group', reason: 'major' },
    { name: 'unacknowledged and twice overdue → group', f: { acknowledgedAt: null }, at: 240 * HOUR, level: 'group', reason: 'resolution_overdue_twice' },
  ])('$name → $level', ({ f, at, level, reason }) => {
    expect(requiredEscalation(esc(f), plus(F, at))).toEqual({ level, reason });
  });
  it.each([
    { name: 'hot and ack overdue', f: { severity: 'hot' as const, acknowledgedAt: null, resolutionDueAt: plus(F, 48 * HOUR) }, at: 5 * HOUR },
    { name: 'hot and resolution overdue', f: { severity: 'hot' as const, resolutionDueAt: plus(F, 48 * HOUR) }, at: 50 * HOUR },
    { name: 'ack and resolution overdue', f: { acknowledgedAt: null }, at: 130 * HOUR },
  ])('company-level reasons together stay at the company: $name', ({ f, at }) => {
    expect(requiredEscalation(esc(f), plus(F, at)).level).toBe('company');
  });
});

describe('slaWarningDue: shortly before a clock runs out', () => {
  it.each<{ name: string; f: Partial<EscalationFacts>; at: number; expected: 'ack' | 'resolution' | null }>([
    // Acknowledgement: one hour before ackDueAt (F + 4 h).
    { name: 'unacknowledged before the ack window', f: { acknowledgedAt: null }, at: 3 * HOUR - 1, expected: null },
    { name: 'unacknowledged at the start of the ack window', f: { acknowledgedAt: null }, at: 3 * HOUR, expected: 'ack' },
    { name: 'unacknowledged at the end of the ack window', f: { acknowledgedAt: null }, at: 4 * HOUR - 1, expected: 'ack' },
    { name: 'unacknowledged once the ack clock ran out', f: { acknowledgedAt: null }, at: 4 * HOUR, expected: null },
    { name: 'acknowledged within the ack window', f: {}, at: 3 * HOUR + 30 * MINUTE, expected: null },
    // Resolution, general 120 h: a quarter is 30 h, capped at 1 day.
    { name: 'general: a day and a millisecond before due', f: {}, at: 96 * HOUR - 1, expected: null },
    { name: 'general: exactly a day before due', f: {}, at: 96 * HOUR, expected: 'resolution' },
    { name: 'general: 30 h before due (the uncapped quarter) is too early', f: {}, at: 90 * HOUR, expected: null },
    { name: 'general: the last millisecond', f: {}, at: 120 * HOUR - 1, expected: 'resolution' },
    { name: 'general: once the clock ran out', f: {}, at: 120 * HOUR, expected: null },
    { name: 'general: resolved within the window', f: { status: 'awaiting_callback', resolvedAt: plus(F, 95 * HOUR) }, at: 100 * HOUR, expected: null },
    // Major 24 h: a quarter is 6 h.
    { name: 'major 24 h: just before the 6 h lead', f: { severity: 'major', resolutionDueAt: plus(F, 24 * HOUR) }, at: 18 * HOUR - 1, expected: null },
    { name: 'major 24 h: at the 6 h lead', f: { severity: 'major', resolutionDueAt: plus(F, 24 * HOUR) }, at: 18 * HOUR, expected: 'resolution' },
    { name: 'major 24 h: after the clock ran out', f: { severity: 'major', resolutionDueAt: plus(F, 24 * HOUR) }, at: 30 * HOUR, expected: null },
    // Hot 48 h: 12 h; important 72 h: 18 h; 96 h: exactly a day; 200 h: capped at a day.
    { name: 'hot 48 h: just before the 12 h lead', f: { severity: 'hot', resolutionDueAt: plus(F, 48 * HOUR) }, at: 36 * HOUR - 1, expected: null },
    { name: 'hot 48 h: at the 12 h lead', f: { severity: 'hot', resolutionDueAt: plus(F, 48 * HOUR) }, at: 36 * HOUR, expected: 'resolution' },
    { name: 'important 72 h: just before the 18 h lead', f: { severity: 'important', resolutionDueAt: plus(F, 72 * HOUR) }, at: 54 * HOUR - 1, expected: null },
    { name: 'important 72 h: at the 18 h lead', f: { severity: 'important', resolutionDueAt: plus(F, 72 * HOUR) }, at: 54 * HOUR, expected: 'resolution' },
    { name: '96 h: just before the 1 day lead', f: { resolutionDueAt: plus(F, 96 * HOUR) }, at: 72 * HOUR - 1, expected: null },
    { name: '96 h: at the 1 day lead', f: { resolutionDueAt: plus(F, 96 * HOUR) }, at: 72 * HOUR, expected: 'resolution' },
    { name: '200 h: the quarter (50 h) is capped', f: { resolutionDueAt: plus(F, 200 * HOUR) }, at: 150 * HOUR, expected: null },
    { name: '200 h: at the 1 day lead', f: { resolutionDueAt: plus(F, 200 * HOUR) }, at: 176 * HOUR, expected: 'resolution' },
    // Both clocks.
    { name: 'ack window and resolution window together: ack first', f: { acknowledgedAt: null, resolutionDueAt: plus(F, 4 * HOUR) }, at: 3 * HOUR + 30 * MINUTE, expected: 'ack' },
    { name: 'resolution window when acknowledged', f: { resolutionDueAt: plus(F, 4 * HOUR) }, at: 3 * HOUR + 30 * MINUTE, expected: 'resolution' },
    { name: 'ack clock ran out, resolution window open', f: { severity: 'major', acknowledgedAt: null, resolutionDueAt: plus(F, 24 * HOUR) }, at: 20 * HOUR, expected: 'resolution' },
    // Closed.
    { name: 'closed in the ack window', f: { status: 'closed', acknowledgedAt: null }, at: 3 * HOUR + 30 * MINUTE, expected: null },
    { name: 'closed in the resolution window', f: { status: 'closed' }, at: 100 * HOUR, expected: null },
  ])('$name → $expected', ({ f, at, expected }) => {
    expect(slaWarningDue(esc(f), plus(F, at))).toBe(expected);
  });
  it('the general lead is one DAY', () => expect(slaWarningDue(esc(), plus(F, 120 * HOUR - DAY))).toBe('resolution'));
});

describe('closureBlockers: a call-back, and a case for a major complaint', () => {
  it.each<{ status: ComplaintStatus; severity: Severity; hasCallback: boolean; hasCase: boolean; expected: string[] }>([
    { status: 'awaiting_callback', severity: 'general', hasCallback: true, hasCase: false, expected: [] },
    { status: 'awaiting_callback', severity: 'hot', hasCallback: true, hasCase: false, expected: [] },
    { status: 'awaiting_callback', severity: 'general', hasCallback: false, hasCase: false, expected: ['no_callback'] },
    { status: 'in_progress', severity: 'general', hasCallback: true, hasCase: false, expected: ['not_awaiting_callback'] },
    { status: 'closed', severity: 'general', hasCallback: true, hasCase: false, expected: ['not_awaiting_callback'] },
    { status: 'investigating', severity: 'important', hasCallback: false, hasCase: false, expected: ['not_awaiting_callback', 'no_callback'] },
    { status: 'awaiting_callback', severity: 'major', hasCallback: true, hasCase: false, expected: ['no_case'] },
    { status: 'awaiting_callback', severity: 'major', hasCallback: false, hasCase: true, expected: ['no_callback'] },
    { status: 'awaiting_callback', severity: 'major', hasCallback: false, hasCase: false, expected: ['no_callback', 'no_case'] },
    { status: 'in_progress', severity: 'major', hasCallback: false, hasCase: false, expected: ['not_awaiting_callback', 'no_callback', 'no_case'] },
    { status: 'awaiting_callback', severity: 'major', hasCallback: true, hasCase: true, expected: [] },
  ])('$status $severity callback=$hasCallback case=$hasCase → $expected', ({ expected, ...f }) => {
    expect(closureBlockers(f)).toEqual(expected);
  });
});

describe('alertTriggered: three or more different customers', () => {
  it('the threshold is 3', () => expect(ALERT_MIN_CUSTOMERS).toBe(3));
  it.each([
    [0, false],
    [1, false],
    [2, false],
    [3, true],
    [4, true],
  ])('%i customers → %s', (n, expected) => expect(alertTriggered(n)).toBe(expected));
});
