import { MINUTE } from '../clock.ts';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_DURATION_MS = 15 * MINUTE;

// 5 failed logins within 15 minutes lock the account for 15 minutes from the 5th failure.
// `failures` are the times of recent failed attempts (any order). Returns when the lock ends,
// or null when the account is not locked at `now`.
export function lockedUntil(failures: Date[], now: Date): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = LOCKOUT_THRESHOLD - 1; i < times.length; i++) {
    const first = times[i - (LOCKOUT_THRESHOLD - 1)];
    if (times[i] - first < LOCKOUT_WINDOW_MS) until = Math.max(until ?? 0, times[i] + LOCKOUT_DURATION_MS);
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

// How long a session lives, and when it is worth extending (sliding expiry, one write per half-life).
export function shouldExtendSession(expiresAt: Date, now: Date, ttlMs: number): boolean {
  return expiresAt.getTime() - now.getTime() < ttlMs / 2;
}
