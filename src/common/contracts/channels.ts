import { z } from 'zod';
import { APPEAL_STATUSES, COMMISSION_RULES, MOBILE_MODES, REFUSAL_REASONS, REGISTRATION_STATUSES } from '../channels.ts';
import { mobileSchema } from '../validators.ts';
import { idSchema, isoDateTime, listQuery, versionField } from './common.ts';

const days = (label: string) => z.number({ error: `请填写${label}` }).int(`${label}须为整数`).min(1, `${label}至少 1 天`).max(365, `${label}不能超过 365 天`);

export const channelSettingsBody = z.object({
  mobileMode: z.enum(MOBILE_MODES, { error: '请选择报备手机号方式' }),
  visitDays: days('到访保护期'),
  dealDays: days('成交保护期'),
  commissionRule: z.enum(COMMISSION_RULES, { error: '请选择结佣规则' }),
  version: z.number().int().min(0).optional(),
});
export const channelSettingsSchema = z.object({
  projectId: z.string(),
  mobileMode: z.enum(MOBILE_MODES),
  visitDays: z.number().int(),
  dealDays: z.number().int(),
  commissionRule: z.enum(COMMISSION_RULES),
  isDefault: z.boolean(),
  version: z.number().int(),
});
export const brokerProjectSchema = channelSettingsSchema.extend({ projectName: z.string(), city: z.string() });

// The broker gives the whole mobile or, where the project allows it, its first three and last four.
export const registrationCreate = z
  .object({
    projectId: idSchema,
    customerName: z.string({ error: '请填写客户姓名' }).trim().min(1, '请填写客户姓名').max(32, '姓名不能超过 32 个字'),
    mobile: mobileSchema.optional(),
    mobilePrefix: z.string().regex(/^1[3-9]\d$/, '请填写手机号前三位').optional(),
    mobileSuffix: z.string().regex(/^\d{4}$/, '请填写手机号后四位').optional(),
    // Only for a broker without an agency; one who belongs to an agency registers under its name.
    agency: z.string().trim().max(64, '机构名称不能超过 64 个字').default(''),
    note: z.string().trim().max(500, '备注不能超过 500 个字').default(''),
  })
  .refine((b) => Boolean(b.mobile) !== Boolean(b.mobilePrefix || b.mobileSuffix), { message: '请填写完整手机号，或前三位与后四位', path: ['mobile'] })
  .refine((b) => Boolean(b.mobile) || (Boolean(b.mobilePrefix) && Boolean(b.mobileSuffix)), { message: '请同时填写前三位与后四位', path: ['mobileSuffix'] });

export const visitConfirmBody = z.object({ version: versionField, mobile: mobileSchema });
export const appealCreate = z.object({ reason: z.string({ error: '请填写申诉理由' }).trim().min(1, '请填写申诉理由').max(1000, '申诉理由不能超过 1000 个字') });
export const appealDecision = z.object({ approve: z.boolean({ error: '请选择支持或驳回' }), note: z.string().trim().max(1000).default('') });

export const registrationSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  broker: z.object({ id: z.string(), name: z.string() }),
  // The agency's name when registered (its record: agencyId), or the broker's own text.
  agency: z.string(),
  agencyId: z.string().nullable(),
  customerName: z.string(),
  // Always masked for brokers (138****5678); in full for the sales office once visited.
  mobile: z.string(),
  note: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  registeredAt: isoDateTime,
  visitDueAt: isoDateTime,
  visitedAt: isoDateTime.nullable(),
  dealDueAt: isoDateTime.nullable(),
  dealtAt: isoDateTime.nullable(),
  commissionEligible: z.boolean(),
  endReason: z.string(),
  pendingAppeal: z.boolean(),
  version: z.number().int(),
});
export type Registration = z.infer<typeof registrationSchema>;
export const registrationListQuery = listQuery.extend({ projectId: idSchema.optional(), status: z.enum(REGISTRATION_STATUSES).optional() });

export const appealSchema = z.object({
  id: z.string(),
  registration: registrationSchema,
  reason: z.string(),
  status: z.enum(APPEAL_STATUSES),
  decidedAt: isoDateTime.nullable(),
  decisionNote: z.string(),
  createdAt: isoDateTime,
});
export type Appeal = z.infer<typeof appealSchema>;
export const appealListQuery = listQuery.extend({ status: z.enum(APPEAL_STATUSES).optional() });

// 409 REGISTRATION_REFUSED carries the reason code and the refused registration (for an appeal).
export const refusalSchema = z.object({ reason: z.enum(REFUSAL_REASONS), registrationId: z.string() });
