import { z } from 'zod';
import { AGENCY_STATUSES } from '../channels.ts';
import { MOBILE_PATTERN } from '../validators.ts';
import { idSchema, isoDateTime, listQuery, versionField } from './common.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);

// No defaults here: an update leaves out what it does not change (see agencyUpdate).
const agencyFields = z.object({
  name: z.string({ error: '请填写机构名称' }).trim().min(1, '请填写机构名称').max(64, '机构名称不能超过 64 个字'),
  contactName: z.string({ error: '请填写联系人' }).trim().min(1, '请填写联系人').max(32, '联系人不能超过 32 个字'),
  contactMobile: z.string({ error: '请填写联系人手机号' }).trim().regex(MOBILE_PATTERN, '请输入正确的 11 位手机号'),
  note: z.string().trim().max(500, '备注不能超过 500 个字'),
});

// An agency cooperates with one city company: the caller's own unless they may choose (group staff).
export const agencyCreate = agencyFields.extend({ companyId: idSchema.optional(), note: agencyFields.shape.note.default('') });
export const agencyUpdate = agencyFields.partial().extend({ version: versionField });
export const agencyVersionBody = z.object({ version: versionField });
export const agencyBrokerAdd = z.object({ brokerId: idSchema });
export const agencyBrokerParams = z.object({ id: idSchema, brokerId: idSchema });

// Counts are for a period of Shanghai days [from, to]; this month when not given.
export const agencyPeriodQuery = z.object({ from: day('开始日期').optional(), to: day('结束日期').optional() });
export const agencyListQuery = listQuery.extend({
  q: z.string().trim().max(64, '搜索内容不能超过 64 个字').optional(),
  status: z.enum(AGENCY_STATUSES, { error: '机构状态无效' }).optional(),
  companyId: idSchema.optional(),
  ...agencyPeriodQuery.shape,
});

export const agencyStatsSchema = z.object({
  brokers: z.number().int(),
  // Registrations made in the period (refused ones not counted), visits confirmed, deals reached,
  // and those deals that earned commission.
  registrations: z.number().int(),
  visits: z.number().int(),
  deals: z.number().int(),
  commissionEligible: z.number().int(),
});
export const agencySchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  name: z.string(),
  contactName: z.string(),
  // In full for channels.manage holders, masked (138****5678) for readers.
  contactMobile: z.string(),
  status: z.enum(AGENCY_STATUSES),
  note: z.string(),
  stats: agencyStatsSchema,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Agency = z.infer<typeof agencySchema>;
export const agencyPageSchema = z.object({ items: z.array(agencySchema), nextCursor: z.string().nullable(), from: z.string(), to: z.string() });

export const agencyBrokerSchema = z.object({ id: z.string(), name: z.string(), username: z.string(), joinedAt: isoDateTime });
export const agencyDetailSchema = agencySchema.extend({ brokers: z.array(agencyBrokerSchema), from: z.string(), to: z.string() });
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

// The company's broker users, for 「添加经纪人」: each with the agency they already belong to.
export const brokerCandidateSchema = z.object({ id: z.string(), name: z.string(), username: z.string(), agency: z.object({ id: z.string(), name: z.string() }).nullable() });

// What a broker sees of their own agency (never its contact).
export const brokerAgencySchema = z.object({ agency: z.object({ id: z.string(), name: z.string(), status: z.enum(AGENCY_STATUSES) }).nullable() });
