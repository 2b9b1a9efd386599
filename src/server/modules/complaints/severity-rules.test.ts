import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../common/complaints.ts';
import { channelFacts, classifySeverity, sameIssueComplainantsWithinMonth, type SeverityFacts } from './rules.ts';

// Instants written in Asia/Shanghai time for readability.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('classifySeverity: the seeds\' rules by nature (按性质分类)', () => {
  // Filed at 10:00 on 31 January (Shanghai): one calendar month later is 10:00 on 28 February.
  const filedAt = sh('2026-01-31T10:00:00');
  const base: SeverityFacts = {
    filedAt, resolvedAt: null, lawsuitFiled: false, mediaExposed: false, lawsuitOrMediaRisk: false, collective: false,
    complainantCount: 1, sameIssueComplainants: 1, companyFault: true, reopenCount: 0, needsOutsideSupport: false,
  };
  // A day after filing: no time rule applies yet.
  const early = sh('2026-02-01T10:00:00');

  it.each<{ name: string; facts: Partial<SeverityFacts>; now?: string; severity: Severity; reasons: string[] }>([
    // Major clauses.
    { name: 'lawsuit filed', facts: { lawsuitFiled: true }, severity: 'major', reasons: ['lawsuit_filed'] },
    { name: 'exposed by the media', facts: { mediaExposed: true }, severity: 'major', reasons: ['media_exposed'] },
    { name: 'collective of 10 is major', facts: { collective: true, complainantCount: 10 }, severity: 'major', reasons: ['collective_10'] },
    { name: 'collective of 25 is major', facts: { collective: true, complainantCount: 25 }, severity: 'major', reasons: ['collective_10'] },
    { name: 'collective of 9 is only hot', facts: { collective: true, complainantCount: 9 }, severity: 'hot', reasons: ['collective_3'] },
    { name: 'not collective: 10 complainants count for nothing', facts: { collective: false, complainantCount: 10 }, severity: 'general', reasons: [] },
    { name: 'not collective: 3 complainants count for nothing', facts: { collective: false, complainantCount: 3 }, severity: 'general', reasons: [] },
    // Hot clauses.
    { name: 'lawsuit or media risk', facts: { lawsuitOrMediaRisk: true }, severity: 'hot', reasons: ['lawsuit_or_media_risk'] },
    { name: '2 complainants of the same issue', facts: { sameIssueComplainants: 2 }, severity: 'general', reasons: [] },
    { name: '3 complainants of the same issue', facts: { sameIssueComplainants: 3 }, severity: 'hot', reasons: ['same_issue_3'] },
    { name: 'collective of 2', facts: { collective: true, complainantCount: 2 }, severity: 'general', reasons: [] },
    { name: 'collective of 3', facts: { collective: true, complainantCount: 3 }, severity: 'hot', reasons: ['collective_3'] },
    // Important clauses.
    { name: 'reopened once', facts: { reopenCount: 1 }, severity: 'important', reasons: ['reopened'] },
    { name: 'reopened twice', facts: { reopenCount: 2 }, severity: 'important', reasons: ['reopened'] },
    { name: 'needs outside support', facts: { needsOutsideSupport: true }, severity: 'important', reasons: ['outside_support'] },
    { name: 'reopened and needs outside support', facts: { reopenCount: 1, needsOutsideSupport: true }, severity: 'important', reasons: ['reopened', 'outside_support'] },
    // General.
    { name: 'nothing special', facts: {}, severity: 'general', reasons: [] },
  ])('$name → $severity', ({ facts, now, severity, reasons }) => {
    expect(classifySeverity({ ...base, ...facts }, now ? sh(now) : early)).toEqual({ severity, reasons });
  });

  describe('unresolved one week after filing (hot), in Shanghai wall-clock time', () => {
    it.each([
      { now: '2026-02-07T09:00:00', severity: 'general' as const, reasons: [] }, // 6 days 23 hours
      { now: '2026-02-07T09:59:59.999', severity: 'general' as const, reasons: [] },
      { now: '2026-02-07T10:00:00', severity: 'hot' as const, reasons: ['unresolved_week'] }, // exactly 7 days
      { now: '2026-02-20T10:00:00', severity: 'hot' as const, reasons: ['unresolved_week'] },
    ])('filed 2026-01-31 10:00, unresolved at $now → $severity', ({ now, severity, reasons }) => {
      expect(classifySeverity(base, sh(now))).toEqual({ severity, reasons });
    });
    it('filed in the Shanghai morning (previous UTC day): 7 days is 7 × 24 h', () => {
      const f = { ...base, filedAt: sh('2026-03-02T07:30:00') };
      expect(classifySeverity(f, sh('2026-03-09T07:29:59.999')).severity).toBe('general');
      expect(classifySeverity(f, sh('2026-03-09T07:30:00'))).toEqual({ severity: 'hot', reasons: ['unresolved_week'] });
    });
    it.each([
      { name: 'resolved within the week stays general', resolvedAt: '2026-02-07T09:59:59.999', severity: 'general' as const, reasons: [] },
      { name: 'resolved on day 8 was unresolved a week after filing', resolvedAt: '2026-02-08T10:00:00', severity: 'hot' as const, reasons: ['unresolved_week'] },
    ])('$name, judged long after', ({ resolvedAt, severity, reasons }) => {
      expect(classifySeverity({ ...base, resolvedAt: sh(resolvedAt) }, sh('2027-06-01T00:00:00'))).toEqual({ severity, reasons });
    });
  });

  describe('unresolved one calendar month after filing (major), in Asia/Shanghai', () => {
    it.each([
      // 31 Jan + 1 month clamps to 28 Feb, same wall-clock time.
      { filed: '2026-01-31T10:00:00', now: '2026-02-28T09:59:59.999', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2026-01-31T10:00:00', now: '2026-02-28T10:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
      { filed: '2026-01-31T10:00:00', now: '2026-03-31T10:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
      // Filed before 08:00 Shanghai, i.e. on 30 January in UTC: still the Shanghai 31st → 28 Feb 07:00.
      { filed: '2026-01-31T07:00:00', now: '2026-02-28T06:59:59.999', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2026-01-31T07:00:00', now: '2026-02-28T07:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
      // A month is a calendar month, not 30 days: 15 Jan → 15 Feb (31 days).
      { filed: '2026-01-15T10:00:00', now: '2026-02-14T10:00:00', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2026-01-15T10:00:00', now: '2026-02-15T09:59:59.999', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2026-01-15T10:00:00', now: '2026-02-15T10:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
      // Leap year: 31 Jan 2028 → 29 Feb 2028.
      { filed: '2028-01-31T10:00:00', now: '2028-02-28T10:00:00', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2028-01-31T10:00:00', now: '2028-02-29T10:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
      // Shanghai midnight: 1 March 00:00 → 1 April 00:00 (not 29 March, as a UTC month would give).
      { filed: '2026-03-01T00:00:00', now: '2026-03-31T23:59:59.999', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { filed: '2026-03-01T00:00:00', now: '2026-04-01T00:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
    ])('filed $filed, unresolved at $now → $severity', ({ filed, now, severity, reasons }) => {
      expect(classifySeverity({ ...base, filedAt: sh(filed) }, sh(now))).toEqual({ severity, reasons });
    });

    it.each([
      { name: 'resolved just before the deadline stays below major', resolvedAt: '2026-02-28T09:59:59.999', severity: 'hot' as const, reasons: ['unresolved_week'] },
      { name: 'resolved within the week stays general for ever', resolvedAt: '2026-02-03T10:00:00', severity: 'general' as const, reasons: [] },
      { name: 'resolved after the deadline stays major for ever', resolvedAt: '2026-03-01T10:00:00', severity: 'major' as const, reasons: ['unresolved_month'] },
    ])('$name', ({ resolvedAt, severity, reasons }) => {
      const f = { ...base, resolvedAt: sh(resolvedAt) };
      expect(classifySeverity(f, sh('2026-03-15T10:00:00'))).toEqual({ severity, reasons });
      expect(classifySeverity(f, sh('2030-01-01T00:00:00'))).toEqual({ severity, reasons });
    });

    it.each([
      { name: 'unresolved a year later', resolvedAt: null, now: '2027-01-31T10:00:00' },
      { name: 'resolved late', resolvedAt: sh('2026-03-15T10:00:00'), now: '2027-01-31T10:00:00' },
      { name: 'at 7 days', resolvedAt: null, now: '2026-02-07T10:00:00' },
    ])('no company fault turns the time rules off: $name → general', ({ resolvedAt, now }) => {
      expect(classifySeverity({ ...base, companyFault: false, resolvedAt }, sh(now))).toEqual({ severity: 'general', reasons: [] });
    });
    it('no company fault leaves the other rules in force', () => {
      expect(classifySeverity({ ...base, companyFault: false, reopenCount: 1 }, sh('2027-01-31T10:00:00')))
        .toEqual({ severity: 'important', reasons: ['reopened'] });
    });
  });

  describe('several reasons at once', () => {
    it('lists every major reason and none of the lower levels', () => {
      const f: SeverityFacts = {
        ...base, lawsuitFiled: true, mediaExposed: true, collective: true, complainantCount: 12, lawsuitOrMediaRisk: true,
        sameIssueComplainants: 5, reopenCount: 1, needsOutsideSupport: true,
      };
      expect(classifySeverity(f, sh('2026-03-01T10:00:00'))).toEqual({
        severity: 'major', reasons: ['lawsuit_filed', 'media_exposed', 'collective_10', 'unresolved_month'],
      });
    });
    it('a single major reason hides all hot and important ones', () => {
      const f: SeverityFacts = { ...base, mediaExposed: true, lawsuitOrMediaRisk: true, sameIssueComplainants: 3, reopenCount: 1 };
      expect(classifySeverity(f, sh('2026-02-10T10:00:00'))).toEqual({ severity: 'major', reasons: ['media_exposed'] });
    });
    it('lists every hot reason and none of the important ones', () => {
      const f: SeverityFacts = {
        ...base, lawsuitOrMediaRisk: true, sameIssueComplainants: 4, collective: true, complainantCount: 5, reopenCount: 2,
        needsOutsideSupport: true,
      };
      expect(classifySeverity(f, sh('2026-02-10T10:00:00'))).toEqual({
        severity: 'hot', reasons: ['lawsuit_or_media_risk', 'same_issue_3', 'collective_3', 'unresolved_week'],
      });
    });
  });

  describe('a rule that stops applying', () => {
    const now = sh('2026-02-03T10:00:00');
    it('media exposure withdrawn: falls back to what the other facts give (hot)', () => {
      const exposed = { ...base, mediaExposed: true, sameIssueComplainants: 3, reopenCount: 1 };
      expect(classifySeverity(exposed, now)).toEqual({ severity: 'major', reasons: ['media_exposed'] });
      expect(classifySeverity({ ...exposed, mediaExposed: false }, now)).toEqual({ severity: 'hot', reasons: ['same_issue_3'] });
    });
    it('media exposure withdrawn with nothing else: back to general', () => {
      expect(classifySeverity({ ...base, mediaExposed: true }, now).severity).toBe('major');
      expect(classifySeverity({ ...base, mediaExposed: false }, now)).toEqual({ severity: 'general', reasons: [] });
    });
    it('company fault cleared on a month-old complaint: back to the other facts', () => {
      const late = { ...base, needsOutsideSupport: true };
      const at = sh('2026-03-01T10:00:00');
      expect(classifySeverity(late, at)).toEqual({ severity: 'major', reasons: ['unresolved_month'] });
      expect(classifySeverity({ ...late, companyFault: false }, at)).toEqual({ severity: 'important', reasons: ['outside_support'] });
    });
  });
});

describe('sameIssueComplainantsWithinMonth: "一个月内累计三次以上不同投诉人"', () => {
  // Day 0 is 10:00 on 1 March (Shanghai); one calendar month later is 10:00 on 1 April (day 31).
  const day0 = sh('2026-03-01T10:00:00');
  const at = (days: number, hours = 0) => new Date(day0.getTime() + days * 86_400_000 + hours * 3_600_000);
  const filings = (...when: Date[]) => when.map((filedAt, i) => ({ mobile: `1380000000${i}`, filedAt }));

  it.each<{ name: string; when: Date[]; of: number; count: number }>([
    // Two months apart in all: no one-month window holds all three.
    { name: 'days 0, 25, 50: the middle one', when: [at(0), at(25), at(50)], of: 1, count: 2 },
    { name: 'days 0, 25, 50: the first', when: [at(0), at(25), at(50)], of: 0, count: 2 },
    { name: 'days 0, 25, 50: the last', when: [at(0), at(25), at(50)], of: 2, count: 2 },
    { name: 'days 0, 15, 29: the first', when: [at(0), at(15), at(29)], of: 0, count: 3 },
    { name: 'days 0, 15, 29: the middle one', when: [at(0), at(15), at(29)], of: 1, count: 3 },
    { name: 'days 0, 15, 29: the last', when: [at(0), at(15), at(29)], of: 2, count: 3 },
    // One calendar month in Shanghai: 1 Mar 10:00 → 1 Apr 10:00; just before it counts, at it not.
    { name: 'third filed a millisecond before one month', when: [at(0), at(10), new Date(sh('2026-04-01T10:00:00').getTime() - 1)], of: 2, count: 3 },
    { name: 'third filed exactly one month after the first', when: [at(0), at(10), sh('2026-04-01T10:00:00')], of: 2, count: 2 },
    { name: 'exactly one month after: the first is not in its window either', when: [at(0), at(10), sh('2026-04-01T10:00:00')], of: 0, count: 2 },
    // At a month end the calendar month is shorter: 31 Jan 10:00 → 28 Feb 10:00.
    { name: '31 Jan, 10 Feb, 28 Feb 09:59 Shanghai', when: [sh('2026-01-31T10:00:00'), sh('2026-02-10T10:00:00'), sh('2026-02-28T09:59:00')], of: 0, count: 3 },
    { name: '31 Jan, 10 Feb, 28 Feb 10:00 Shanghai', when: [sh('2026-01-31T10:00:00'), sh('2026-02-10T10:00:00'), sh('2026-02-28T10:00:00')], of: 0, count: 2 },
    // Shanghai calendar, not UTC: 1 Mar 07:00 Shanghai is still 28 Feb in UTC.
    { name: '1 Mar 07:00, 15 Mar, 1 Apr 06:59 Shanghai', when: [sh('2026-03-01T07:00:00'), sh('2026-03-15T07:00:00'), sh('2026-04-01T06:59:00')], of: 0, count: 3 },
    // Windows that do not hold this complaint do not count for it.
    { name: 'days 0, 15, 29, 50: the one on day 50', when: [at(0), at(15), at(29), at(50)], of: 3, count: 2 },
    { name: 'days 0, 15, 29, 50: the one on day 29', when: [at(0), at(15), at(29), at(50)], of: 2, count: 3 },
    { name: 'alone', when: [at(0)], of: 0, count: 1 },
  ])('$name → $count', ({ when, of, count }) => {
    const list = filings(...when);
    expect(sameIssueComplainantsWithinMonth(list, list[of].filedAt)).toBe(count);
  });

  it('counts one mobile once however often it files', () => {
    const list = [{ mobile: '13800000001', filedAt: at(0) }, { mobile: '13800000001', filedAt: at(2) }, { mobile: '13800000002', filedAt: at(3) }];
    expect(sameIssueComplainantsWithinMonth(list, at(3))).toBe(2);
  });

  it('the count of three makes the complaint hot; two does not', () => {
    const base: SeverityFacts = {
      filedAt: at(29), resolvedAt: null, lawsuitFiled: false, mediaExposed: false, lawsuitOrMediaRisk: false, collective: false,
      complainantCount: 1, sameIssueComplainants: 1, companyFault: true, reopenCount: 0, needsOutsideSupport: false,
    };
    const hot = filings(at(0), at(15), at(29));
    const not = filings(at(0), at(25), at(50));
    expect(classifySeverity({ ...base, sameIssueComplainants: sameIssueComplainantsWithinMonth(hot, at(29)) }, at(30)).severity).toBe('hot');
    expect(classifySeverity({ ...base, filedAt: at(25), sameIssueComplainants: sameIssueComplainantsWithinMonth(not, at(25)) }, at(26)).severity).toBe('general');
  });
});

describe('channelFacts: the channel that is itself the fact', () => {
  it.each([
    { channel: 'lawsuit' as const, facts: { lawsuitFiled: true, mediaExposed: false } },
    { channel: 'media' as const, facts: { lawsuitFiled: false, mediaExposed: true } },
    { channel: 'hotline' as const, facts: { lawsuitFiled: false, mediaExposed: false } },
    { channel: 'web' as const, facts: { lawsuitFiled: false, mediaExposed: false } },
  ])('$channel', ({ channel, facts }) => {
    expect(channelFacts(channel)).toEqual(facts);
  });
});
