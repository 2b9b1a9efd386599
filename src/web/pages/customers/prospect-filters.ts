import type { ProspectFilterKey, ProspectFilters } from '../../data/hooks/prospects.ts';
import { PROSPECT_FILTER_KEYS } from '../../data/hooks/prospects.ts';

const isFilterKey = (key: string): key is ProspectFilterKey => (PROSPECT_FILTER_KEYS as readonly string[]).includes(key);

/** The filters in the page's address (unknown parameters ignored, blanks dropped). */
export function readFilters(params: URLSearchParams | Record<string, string>): ProspectFilters {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const filters: ProspectFilters = {};
  for (const [key, value] of entries) {
    if (isFilterKey(key) && value.trim() !== '') filters[key] = value;
  }
  return filters;
}

/** Filters as a plain record (what a saved filter stores and the address carries). */
export function filterRecord(filters: ProspectFilters): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of PROSPECT_FILTER_KEYS) {
    const value = filters[key];
    if (value) record[key] = value;
  }
  return record;
}

export function sameFilters(a: ProspectFilters, b: ProspectFilters): boolean {
  return PROSPECT_FILTER_KEYS.every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

/** Any filter that narrows the list (the sort order does not). */
export function isFiltered(filters: ProspectFilters): boolean {
  return PROSPECT_FILTER_KEYS.some((key) => key !== 'sort' && Boolean(filters[key]));
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
