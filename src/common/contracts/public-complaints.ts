import { z } from 'zod';
import { COMPLAINT_STATUSES, SPECIALTIES } from '../complaints.ts';
import { mobileSchema } from '../validators.ts';
import { idSchema, isoDateTime } from './common.ts';
import { attachmentInput, optionalText, required } from './complaints.ts';

// The public, no-login side: the complainant's own page.
export const publicComplaintCreate = z.object({
  projectId: idSchema,
  buildingId: idSchema.nullable().default(null),
  unitId: idSchema.nullable().default(null),
  contactName: required('您的姓名', 32),
  contactMobile: mobileSchema,
  specialty: z.enum(SPECIALTIES).default('other'),
  title: optionalText('标题', 100).default(''),
  description: required('问题描述', 4000).refine((s) => s.length >= 10, '请至少用 10 个字描述问题'),
  remedyWanted: optionalText('您的诉求', 1000).default(''),
  photos: z.array(attachmentInput).max(3, '最多上传 3 张照片').default([]),
  // Honeypot: people never see it, robots fill it in.
  website: z.string().max(200).default(''),
});
export const publicFiledSchema = z.object({ no: z.string(), trackingCode: z.string() });
export const trackingParams = z.object({ code: z.string().trim().regex(/^[A-Z2-9]{16}$/, '查询码格式不正确') });
export const publicStatusSchema = z.object({
  no: z.string(),
  projectName: z.string(),
  title: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  statusLabel: z.string(),
  contactMobile: z.string(),
  filedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  updates: z.array(z.object({ at: isoDateTime, label: z.string(), content: z.string() })),
});
export const publicProjectSchema = z.object({ id: z.string(), name: z.string(), city: z.string(), buildings: z.array(z.object({ id: z.string(), name: z.string() })) });
export const publicUnitSchema = z.object({ id: z.string(), number: z.string() });

export type PublicStatus = z.infer<typeof publicStatusSchema>;
