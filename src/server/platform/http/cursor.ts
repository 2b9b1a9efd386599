import { AppError } from '../errors/app-error.ts';

// Opaque keyset cursors: the last row's sort key, base64url-encoded JSON.
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
}

// Fetch limit + 1 rows; if the extra one exists there is a next page.
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}


// Keyset cursors are opaque to clients but not tamper-proof: decodeCursor checks their shape,
// this also checks each key's type, so a forged cursor is a 400 instead of a bad SQL value
// (an invalid uuid, a text floor, a NUL byte) that fails in the database as a 500.
export type KeyKind = 'text' | 'int' | 'uuid';
type KeyOf<K> = K extends 'int' ? number : string;
export type Keyset<K extends readonly KeyKind[]> = { [I in keyof K]: KeyOf<K[I]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_MAX = 2_147_483_647;

function fits(kind: KeyKind, v: string | number): boolean {
  if (kind === 'int') return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT_MAX;
  if (typeof v !== 'string' || v.includes('\u0000')) return false;
  return kind === 'text' || UUID.test(v);
}

export function decodeKeyset<const K extends readonly KeyKind[]>(cursor: string | undefined, kinds: K): Keyset<K> | null {
  const key = decodeCursor(cursor, kinds.length);
  if (!key) return null;
  if (!kinds.every((kind, i) => fits(kind, key[i]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  return key as unknown as Keyset<K>;
}
