// Display and day boundaries are in China Standard Time (UTC+8, no daylight saving).
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

// "2026-11-22 16:05" in Asia/Shanghai.
export function formatShanghaiTime(d: Date): string {
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

// Midnight (00:00 Asia/Shanghai) of the day containing `d`, as an instant.
export function startOfShanghaiDay(d: Date): Date {
  const shifted = d.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(shifted - (shifted % 86_400_000) - SHANGHAI_OFFSET_MS);
}

// The same wall-clock moment `months` calendar months later in Asia/Shanghai; a day that the
// target month lacks clamps to its last day (31 Jan + 1 month → 28/29 Feb).
export function addShanghaiMonths(d: Date, months: number): Date {
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  const y = s.getUTCFullYear();
  const m = s.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(s.getUTCDate(), lastDay);
  const shifted = Date.UTC(y, m, day, s.getUTCHours(), s.getUTCMinutes(), s.getUTCSeconds(), s.getUTCMilliseconds());
  return new Date(shifted - SHANGHAI_OFFSET_MS);
}
