import { describe, expect, it } from 'vitest';
import { unitNumber } from './rules.ts';

describe('unitNumber', () => {
  it.each([
    [1, 1, '101'],
    [3, 2, '302'],
    [12, 1, '1201'],
    [32, 10, '3210'],
  ])('floor %i position %i → %s', (floor, position, expected) => expect(unitNumber(floor, position)).toBe(expected));
});
