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
