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
