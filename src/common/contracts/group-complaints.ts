import { z } from 'zod';
import { ALERT_KINDS, GROUP_COMPLAINT_STATUSES, GROUP_COMPLAINT_TYPES, SPECIALTIES } from '../complaints.ts';
import { idSchema, isoDateTime, listQuery, versionField } from './common.ts';
import { complaintListItem, optionalText, required } from './complaints.ts';

// Group complaints (群诉).
export const groupComplaintBody = z.object({
  projectId: idSchema,
  title: required('群诉名称', 100),
  type: z.enum(GROUP_COMPLAINT_TYPES, { error: '请选择群诉类型' }),
  leaderName: optionalText('带头人', 32).default(''),
  leaderCustomerId: idSchema.nullable().default(null),
  members: z.array(required('成员姓名', 32)).max(500, '成员最多 500 人').default([]),
  memberCount: z.number().int().min(0).max(100000).default(0),
  strategy: optionalText('应对策略', 4000).default(''),
  complaintIds: z.array(idSchema).max(500).default([]),
});
export const groupComplaintUpdate = z.object({
  version: versionField,
  title: required('群诉名称', 100).optional(),
  type: z.enum(GROUP_COMPLAINT_TYPES).optional(),
  status: z.enum(GROUP_COMPLAINT_STATUSES).optional(),
  leaderName: optionalText('带头人', 32).optional(),
  members: z.array(required('成员姓名', 32)).max(500).optional(),
  memberCount: z.number().int().min(0).max(100000).optional(),
  strategy: optionalText('应对策略', 4000).optional(),
  complaintIds: z.array(idSchema).max(500).optional(),
});
export const groupComplaintSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  title: z.string(),
  type: z.enum(GROUP_COMPLAINT_TYPES),
  status: z.enum(GROUP_COMPLAINT_STATUSES),
  leaderName: z.string(),
  leaderCustomerId: z.string().nullable(),
  members: z.array(z.string()),
  memberCount: z.number().int(),
  strategy: z.string(),
  complaints: z.array(complaintListItem),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const groupComplaintListQuery = listQuery.extend({ projectId: idSchema.optional(), status: z.enum(GROUP_COMPLAINT_STATUSES).optional() });

export const alertSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  companyId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  buildingName: z.string().nullable(),
  specialty: z.enum(SPECIALTIES).nullable(),
  issueTitle: z.string().nullable(),
  customerCount: z.number().int(),
  complaintIds: z.array(z.string()),
  open: z.boolean(),
  raisedAt: isoDateTime,
  clearedAt: isoDateTime.nullable(),
});

// Early warnings within the caller's scope, optionally of one company or project, newest first,
// keyset-paged, with the total of the filter.
export const alertListQuery = listQuery.extend({
  open: z.enum(['true', 'false']).default('true'),
  companyId: idSchema.optional(),
  projectId: idSchema.optional(),
});
export const alertPage = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable(), total: z.number().int() });

export type GroupComplaint = z.infer<typeof groupComplaintSchema>;
export type ComplaintAlert = z.infer<typeof alertSchema>;
