import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, encodeCursor, pageFrom } from './cursor.ts';

describe('keyset cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(['西溪云庐', 'id-1']), 2)).toEqual(['西溪云庐', 'id-1']);
  });
  it('is absent for the first page', () => expect(decodeCursor(undefined, 1)).toBeNull());
  it.each(['not-base64-json', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url')])('rejects a malformed cursor %s as a client error', (c) => {
    expect(() => decodeCursor(c, 2)).toThrow(AppError);
  });
  it('gives a next cursor only when there is one more row than the limit', () => {
    expect(pageFrom([1, 2, 3], 3, (n) => [n]).nextCursor).toBeNull();
    const page = pageFrom([1, 2, 3, 4], 3, (n) => [n]);
    expect(page.items).toEqual([1, 2, 3]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([3]);
  });
});
