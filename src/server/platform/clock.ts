// Time is injected so that rules about time (session expiry, SLA escalation, reminders) can be
// tested by moving a clock instead of waiting.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

export function manualClock(start: Date | string = new Date()): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
