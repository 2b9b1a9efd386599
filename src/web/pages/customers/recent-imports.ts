import { useCallback, useSyncExternalStore } from 'react';

// Imports run on the server: their ids are kept in this browser so a user who leaves the page
// (or closes it) can come back to a running import and its report.
export type RecentImport = { id: string; fileName: string; projectName: string; startedAt: string };

const MAX_RECENT = 10;
const CHANGE_EVENT = 'keyuan:recent-imports';
const EMPTY: RecentImport[] = [];

const storageKey = (userId: string) => `keyuan.customerImports.${userId}`;

// Snapshots are cached per raw string so useSyncExternalStore sees a stable value.
let cached: { raw: string | null; value: RecentImport[] } = { raw: null, value: EMPTY };

function isRecentImport(value: unknown): value is RecentImport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.fileName === 'string' && typeof v.startedAt === 'string';
}

function readRaw(userId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(userId));
  } catch {
    return null; // storage disabled (private mode): nothing remembered
  }
}

function parse(raw: string | null): RecentImport[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isRecentImport) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function read(userId: string): RecentImport[] {
  const raw = readRaw(userId);
  if (raw !== cached.raw) cached = { raw, value: parse(raw) };
  return cached.value;
}

function write(userId: string, items: RecentImport[]) {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(items.slice(0, MAX_RECENT)));
  } catch {
    // storage full or disabled: the import still runs, it just is not remembered here
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function rememberImport(userId: string, item: RecentImport) {
  write(userId, [item, ...read(userId).filter((existing) => existing.id !== item.id)]);
}

export function forgetImport(userId: string, id: string) {
  write(userId, read(userId).filter((existing) => existing.id !== id));
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange); // other tabs
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useRecentImports(userId: string): RecentImport[] {
  const snapshot = useCallback(() => read(userId), [userId]);
  return useSyncExternalStore(subscribe, snapshot);
}
