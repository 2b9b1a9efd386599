import { z } from 'zod';

// Chinese mainland mobile: 11 digits starting 1[3-9].
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const mobileSchema = z.string().trim().regex(MOBILE_PATTERN, '请输入正确的 11 位手机号');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// 18-digit resident ID (GB 11643): 17 digits, then a check character computed mod 11.
export function isValidChineseId(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17].toUpperCase();
}
export const chineseIdSchema = z
  .string()
  .trim()
  .refine(isValidChineseId, '身份证号码格式或校验位不正确');

export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

export const PASSWORD_MIN = 8;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
  .max(128, '密码不能超过 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');
