import { pinyin } from 'pinyin-pro';
import type { Grade, Stage } from '../../../common/customers.ts';
import { startOfShanghaiDay } from '../../../common/time.ts';
import { DAY } from '../../platform/clock.ts';

export type FollowUpSettings = { followUpDaysA: number; followUpDaysB: number; followUpDaysC: number; reclaimDays: number; poolClaimLimit: number };

// DOMAIN.md (product choice): A every 3 days, B weekly, C monthly; a prospect without follow-up
// for 15 days returns to the public pool. Each project may change them.
export const DEFAULT_SALES_SETTINGS: FollowUpSettings = { followUpDaysA: 3, followUpDaysB: 7, followUpDaysC: 30, reclaimDays: 15, poolClaimLimit: 20 };

export function followUpDays(grade: Grade, s: FollowUpSettings): number {
  return grade === 'A' ? s.followUpDaysA : grade === 'B' ? s.followUpDaysB : s.followUpDaysC;
}

// Follow-ups are due on a calendar day in Asia/Shanghai: the due instant is 00:00 of that day.
// Contact on Monday at any hour with an A prospect → due Thursday.
export function nextFollowUpDue(contactAt: Date, grade: Grade, s: FollowUpSettings): Date {
  return new Date(startOfShanghaiDay(contactAt).getTime() + followUpDays(grade, s) * DAY);
}

export type DueBucket = 'none' | 'overdue' | 'today' | 'later';

// Where a due date sits relative to today in Asia/Shanghai.
export function dueBucket(due: Date | null, now: Date): DueBucket {
  if (!due) return 'none';
  const today = startOfShanghaiDay(now).getTime();
  if (due.getTime() < today) return 'overdue';
  if (due.getTime() < today + DAY) return 'today';
  return 'later';
}

// Only open prospects are reclaimed; deals, owners and lost ones stay where they are.
export const RECLAIMABLE_STAGES: readonly Stage[] = ['potential', 'intending'];

// A prospect whose last activity (its later of last follow-up and assignment) was on day D is still owned
// through day D + reclaimDays and returns to the pool at 00:00 of the day after.
export function reclaimAt(lastActivity: Date, reclaimDays: number): Date {
  return new Date(startOfShanghaiDay(lastActivity).getTime() + (reclaimDays + 1) * DAY);
}

export function shouldReclaim(p: { stage: Stage; inPool: boolean; ownerId: string | null; lastContactAt: Date | null; assignedAt: Date | null }, reclaimDays: number, now: Date): boolean {
  if (p.inPool || !p.ownerId || !RECLAIMABLE_STAGES.includes(p.stage)) return false;
  // A hand-over gives the new owner the full limit: the clock runs from the later of the last
  // follow-up and the assignment to the current owner.
  const last = latest(p.lastContactAt, p.assignedAt);
  return last !== null && now.getTime() >= reclaimAt(last, reclaimDays).getTime();
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a.getTime() >= b.getTime() ? a : b;
}

// The latest instant of last activity that is reclaimed at `now` (for the reclaim job's query).
export function reclaimCutoff(now: Date, reclaimDays: number): Date {
  return new Date(startOfShanghaiDay(now).getTime() - reclaimDays * DAY);
}

export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '****';
}

// Search keys for a Chinese name: full pinyin without tones ("zhangwei") and initials ("zw").
// Non-Chinese characters are kept lowercased.
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

export type SearchKind = { kind: 'mobile'; value: string } | { kind: 'tail'; value: string } | { kind: 'latin'; value: string } | { kind: 'name'; value: string };

// What a quick-search box input means: a whole mobile, its last four digits, pinyin/initials, or
// (anything with Chinese characters) part of the name.
export function classifySearch(raw: string): SearchKind {
  const q = raw.trim().replace(/\s+/g, '');
  if (/^1[3-9]\d{9}$/.test(q)) return { kind: 'mobile', value: q };
  if (/^\d{4}$/.test(q)) return { kind: 'tail', value: q };
  if (/^[a-zA-Z]+$/.test(q)) return { kind: 'latin', value: q.toLowerCase() };
  return { kind: 'name', value: q };
}

// The prospect_search_keys key (migrations 0017–0019) that finds a quick search, or null when the
// search has none (a whole mobile has its own unique index; a single letter; text that is not all
// Chinese): "#" + a tail; a name fragment's only character or its last character pair (given-name
// pairs are rarer than surname pairs); "@" + the first two letters of a pinyin or initials prefix.
// `exact` says whether the key alone decides the match; otherwise the whole text is checked on the row.
export function searchKeyOf(s: SearchKind): { key: string; exact: boolean } | null {
  switch (s.kind) {
    case 'tail':
      return { key: `#${s.value}`, exact: true };
    case 'latin':
      return s.value.length < 2 ? null : { key: `@${s.value.slice(0, 2)}`, exact: s.value.length === 2 };
    case 'name': {
      if (!/^[\u4e00-\u9fff]+$/.test(s.value)) return null;
      const chars = [...s.value];
      return { key: chars.slice(-2).join(''), exact: chars.length <= 2 };
    }
    case 'mobile':
      return null;
  }
}
