import type { Dayjs } from 'dayjs';
import { APP_TIME_ZONE, dayjs } from './dayjs.ts';

export const EMPTY_TEXT = '—';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY_TEXT;
  const value = dayjs(iso);
  return value.isValid() ? value.tz(APP_TIME_ZONE).format('YYYY-MM-DD HH:mm') : EMPTY_TEXT;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export function formatPrice(value: number): string {
  return `¥${formatNumber(value)}`;
}

export function formatArea(value: number): string {
  return `${formatNumber(value)} ㎡`;
}

/**
 * Now, as a plain (browser-zone) Dayjs whose wall clock reads Shanghai time: what date pickers
 * work with, since their values are read back as Shanghai wall-clock times (see toShanghaiIso).
 */
export function shanghaiNow(): Dayjs {
  return dayjs(dayjs().tz(APP_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'));
}

// A picker value is a wall-clock time in Shanghai: send it as ISO-8601 with +08:00.
export function toShanghaiIso(value: Dayjs, endOfMinute = false): string {
  const wallClock = value.format(endOfMinute ? 'YYYY-MM-DDTHH:mm:59' : 'YYYY-MM-DDTHH:mm:00');
  return dayjs.tz(wallClock, APP_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

export function isInFuture(iso: string | null | undefined): boolean {
  return Boolean(iso) && dayjs(iso).isAfter(dayjs());
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY_TEXT;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (Array.isArray(value)) return value.map((v) => formatChangeValue(v)).join('、') || EMPTY_TEXT;
  return JSON.stringify(value);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return EMPTY_TEXT;
  const value = dayjs(iso);
  return value.isValid() ? value.tz(APP_TIME_ZONE).format('YYYY-MM-DD') : EMPTY_TEXT;
}

// A date picked in a picker (a Shanghai calendar day) as that day's 00:00 in Shanghai — or, as the
// exclusive end of a range (`end`), 00:00 of the day after, so the whole last day is included to
// the last fraction of a second (the API compares `< end`).
export function shanghaiDayIso(value: Dayjs, end = false): string {
  const day = end ? value.add(1, 'day') : value;
  return dayjs.tz(day.format('YYYY-MM-DDT00:00:00'), APP_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

// The last day of a range from its exclusive end (see shanghaiDayIso): the Shanghai day of the
// instant just before it. An older inclusive end (23:59:59) reads as the same day.
export function shanghaiLastDay(endIso: string | null | undefined): Dayjs | null {
  if (!endIso) return null;
  const value = dayjs(endIso);
  return value.isValid() ? shanghaiDay(value.subtract(1, 'millisecond').toISOString()) : null;
}

// An ISO instant as a plain Dayjs of its Shanghai calendar day, for a date picker's value.
export function shanghaiDay(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const value = dayjs(iso);
  return value.isValid() ? dayjs(value.tz(APP_TIME_ZONE).format('YYYY-MM-DD')) : null;
}
