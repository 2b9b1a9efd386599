import { describe, expect, it } from 'vitest';
import { isValidChineseId, maskMobile, mobileSchema, passwordSchema } from './validators.ts';

describe('isValidChineseId (GB 11643 check digit)', () => {
  it.each([
    ['11010519491231002X', true], // the standard's example, check character X
    ['11010519491231002x', true],
    ['110105194912310021', false], // wrong check digit
    ['440524188001010014', true],
    ['440524188001010015', false],
    ['44052418800101001', false], // 17 digits
    ['4405241880010100145', false], // 19 digits
    ['44052418800101001A', false],
  ])('%s → %s', (id, ok) => expect(isValidChineseId(id)).toBe(ok));
});

describe('mobileSchema', () => {
  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false], // second digit must be 3–9
    ['1381234567', false],
    ['138123456789', false],
    ['23812345678', false],
  ])('%s → %s', (m, ok) => expect(mobileSchema.safeParse(m).success).toBe(ok));
  it('explains itself in Chinese', () => {
    expect(mobileSchema.safeParse('123').error?.issues[0].message).toBe('请输入正确的 11 位手机号');
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => expect(maskMobile('13812345678')).toBe('138****5678'));
  it('masks anything that is not a mobile entirely', () => expect(maskMobile('12345')).toBe('****'));
});

describe('passwordSchema', () => {
  it.each([
    ['Keyuan2026', true],
    ['abcdefg1', true],
    ['abcdefgh', false], // no digit
    ['12345678', false], // no letter
    ['abc123', false], // too short
  ])('%s → %s', (p, ok) => expect(passwordSchema.safeParse(p).success).toBe(ok));
});
