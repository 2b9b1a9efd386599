import { describe, expect, it } from 'vitest';
import { reportPeriod, yearRange } from './report-period.ts';

describe('report periods (Asia/Shanghai)', () => {
  it.each([
    ['2026-11-16', '2026-11-15T16:00:00.000Z', '2026 年第 47 周（11月16日–11月22日）', '2026-W47'],
    ['2026-11-22', '2026-11-15T16:00:00.000Z', '2026 年第 47 周（11月16日–11月22日）', '2026-W47'],
    ['2026-11-23', '2026-11-22T16:00:00.000Z', '2026 年第 48 周（11月23日–11月29日）', '2026-W48'],
    // ISO weeks belong to the year of their Thursday.
    ['2025-12-31', '2025-12-28T16:00:00.000Z', '2026 年第 1 周（12月29日–1月4日）', '2026-W01'],
    ['2027-01-01', '2026-12-27T16:00:00.000Z', '2026 年第 53 周（12月28日–1月3日）', '2026-W53'],
  ])('week of %s', (date, from, label, tag) => {
    const p = reportPeriod('week', date);
    expect({ from: p.from.toISOString(), to: new Date(p.to.getTime() - 7 * 86_400_000).toISOString(), label: p.label, tag: p.tag }).toEqual({ from, to: from, label, tag });
  });

  it('month', () => {
    const p = reportPeriod('month', '2026-02-14');
    expect({ from: p.from.toISOString(), to: p.to.toISOString(), label: p.label, tag: p.tag }).toEqual({
      from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z', label: '2026 年 2 月', tag: '2026-02',
    });
    expect(reportPeriod('month', '2026-12-01').to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses a day that does not exist', () => {
    expect(() => reportPeriod('month', '2026-02-30')).toThrow('日期不存在');
  });

  it('year', () => {
    const y = yearRange(2026);
    expect([y.from.toISOString(), y.to.toISOString()]).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });
});
