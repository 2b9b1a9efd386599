import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { DAY } from '../../platform/clock.ts';

export type PeriodKind = 'week' | 'month';
// [from, to) as instants; `tag` names the download file (2026-W47, 2026-11).
export type ReportPeriod = { kind: PeriodKind; from: Date; to: Date; label: string; tag: string };

// 00:00 Asia/Shanghai of a calendar day (month may overflow, Date.UTC normalises it).
const shanghaiMidnight = (y: number, monthIndex: number, day: number) => new Date(Date.UTC(y, monthIndex, day) - SHANGHAI_OFFSET_MS);

export function yearRange(year: number): { from: Date; to: Date } {
  return { from: shanghaiMidnight(year, 0, 1), to: shanghaiMidnight(year + 1, 0, 1) };
}

// 00:00 Asia/Shanghai of the 1st of each month of the year.
export function monthStarts(year: number): Date[] {
  return Array.from({ length: 12 }, (_, i) => shanghaiMidnight(year, i, 1));
}

function parseDay(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new AppError('VALIDATION_FAILED', '日期不存在', [{ field: 'date', message: '日期不存在' }]);
  }
  return { y, m, d };
}

// ISO 8601 week: weeks start on Monday and belong to the year of their Thursday.
function isoWeek(mondayUtc: Date): { year: number; week: number } {
  const thursday = new Date(mondayUtc.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

// The week (Monday 00:00 to next Monday 00:00, Asia/Shanghai) or calendar month containing `date`.
export function reportPeriod(kind: PeriodKind, date: string): ReportPeriod {
  const { y, m, d } = parseDay(date);
  if (kind === 'month') {
    return { kind, from: shanghaiMidnight(y, m - 1, 1), to: shanghaiMidnight(y, m, 1), label: `${y} 年 ${m} 月`, tag: `${y}-${String(m).padStart(2, '0')}` };
  }
  const back = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(y, m - 1, d - back));
  const sunday = new Date(monday.getTime() + 6 * DAY);
  const { year, week } = isoWeek(monday);
  const md = (x: Date) => `${x.getUTCMonth() + 1}月${x.getUTCDate()}日`;
  const from = new Date(monday.getTime() - SHANGHAI_OFFSET_MS);
  return {
    kind,
    from,
    to: new Date(from.getTime() + 7 * DAY),
    label: `${year} 年第 ${week} 周（${md(monday)}–${md(sunday)}）`,
    tag: `${year}-W${String(week).padStart(2, '0')}`,
  };
}
