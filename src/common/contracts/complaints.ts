import { z } from 'zod';
import {
  COMPLAINT_CHANNELS, COMPLAINT_EVENT_KINDS, COMPLAINT_SOURCES, COMPLAINT_STATUSES, CONTINGENCY_ITEMS, CONTINGENCY_STATUSES,
  ESCALATION_LEVELS, SEVERITIES, SEVERITY_REASONS, SPECIALTIES,
} from '../complaints.ts';
import { mobileSchema } from '../validators.ts';
import { idSchema, isoDateTime, listQuery, versionField } from './common.ts';

export const required = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const named = z.object({ id: z.string(), name: z.string() });

// Photos travel as base64 in JSON (the public page has no upload session); the server checks
// the bytes are really an image and caps each at 2 MB.
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
export const attachmentInput = z.object({
  fileName: required('文件名', 120),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: '仅支持 JPG、PNG、WebP 图片' }),
  dataBase64: z.string().min(1, '图片内容为空').max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, '单张图片不能超过 2 MB'),
});

const complaintFacts = {
  complainantCount: z.number({ error: '请填写投诉人数' }).int('投诉人数须为整数').min(1, '投诉人数至少为 1').max(10000, '投诉人数过大'),
  collective: z.boolean(),
  mediaExposed: z.boolean(),
  lawsuitFiled: z.boolean(),
  lawsuitOrMediaRisk: z.boolean(),
  needsOutsideSupport: z.boolean(),
};

export const complaintCreate = z.object({
  projectId: idSchema,
  buildingId: idSchema.nullable().default(null),
  unitId: idSchema.nullable().default(null),
  customerId: idSchema.nullable().default(null),
  contactName: required('投诉人姓名', 32),
  contactMobile: mobileSchema,
  channel: z.enum(COMPLAINT_CHANNELS, { error: '请选择受理渠道' }),
  specialty: z.enum(SPECIALTIES, { error: '请选择投诉专业' }),
  title: required('投诉标题', 100),
  description: required('投诉内容', 4000),
  remedyWanted: optionalText('诉求', 1000).default(''),
  complainantCount: complaintFacts.complainantCount.default(1),
  collective: z.boolean().default(false),
  // Absent: set from the channel (法律诉讼 → lawsuit filed, 媒体 → media exposed).
  mediaExposed: z.boolean().optional(),
  lawsuitFiled: z.boolean().optional(),
  lawsuitOrMediaRisk: z.boolean().default(false),
  needsOutsideSupport: z.boolean().default(false),
  issueId: idSchema.nullable().default(null),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS, `最多上传 ${MAX_ATTACHMENTS} 张图片`).default([]),
});

// Changes to the facts; severity is re-evaluated and every change is an event. No defaults here:
// an absent field stays as it is.
export const complaintUpdate = z.object({
  version: versionField,
  specialty: z.enum(SPECIALTIES).optional(),
  title: required('投诉标题', 100).optional(),
  description: required('投诉内容', 4000).optional(),
  remedyWanted: optionalText('诉求', 1000).optional(),
  buildingId: idSchema.nullable().optional(),
  unitId: idSchema.nullable().optional(),
  complainantCount: complaintFacts.complainantCount.optional(),
  collective: z.boolean().optional(),
  mediaExposed: z.boolean().optional(),
  lawsuitFiled: z.boolean().optional(),
  lawsuitOrMediaRisk: z.boolean().optional(),
  needsOutsideSupport: z.boolean().optional(),
  companyFault: z.boolean().optional(),
  reason: optionalText('修改原因', 500).optional(),
});

export const complaintListQuery = listQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum([...COMPLAINT_STATUSES, 'open']).optional(),
  severity: z.enum(SEVERITIES).optional(),
  specialty: z.enum(SPECIALTIES).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  companyId: idSchema.optional(),
  projectId: idSchema.optional(),
  handlerId: idSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

export const complaintCountQuery = complaintListQuery.omit({ cursor: true, limit: true });
export const complaintCount = z.object({ total: z.number().int() });
export type ComplaintCount = z.infer<typeof complaintCount>;

export const complaintListItem = z.object({
  id: z.string(),
  no: z.string(),
  companyId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  buildingName: z.string().nullable(),
  unitNumber: z.string().nullable(),
  title: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  specialty: z.enum(SPECIALTIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(COMPLAINT_STATUSES),
  escalationLevel: z.enum(ESCALATION_LEVELS),
  source: z.enum(COMPLAINT_SOURCES),
  contactName: z.string(),
  contactMobile: z.string(),
  handler: named.nullable(),
  filedAt: isoDateTime,
  ackDueAt: isoDateTime,
  resolutionDueAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  // A clock has run out: unanswered past the acknowledgement limit or unresolved past the limit.
  overdue: z.boolean(),
});

export const complaintEventSchema = z.object({
  id: z.string(),
  kind: z.enum(COMPLAINT_EVENT_KINDS),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  content: z.string(),
  public: z.boolean(),
  actorName: z.string(),
  at: isoDateTime,
});

export const callbackSchema = z.object({ id: z.string(), satisfaction: z.number().int(), solved: z.boolean(), content: z.string(), byName: z.string(), at: isoDateTime });
export const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });
// A major complaint's plan has all eight items; an item is stored once someone works on it
// (until then id is null and version 0).
export const contingencyItemSchema = z.object({
  id: z.string().nullable(),
  item: z.enum(CONTINGENCY_ITEMS),
  owner: named.nullable(),
  status: z.enum(CONTINGENCY_STATUSES),
  note: z.string(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export const caseSchema = z.object({
  id: z.string(),
  complaintId: z.string(),
  complaintNo: z.string(),
  projectName: z.string(),
  title: z.string(),
  specialty: z.enum(SPECIALTIES),
  severity: z.enum(SEVERITIES),
  background: z.string(),
  cause: z.string(),
  handling: z.string(),
  lessons: z.string(),
  authorName: z.string(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const complaintSchema = complaintListItem.extend({
  buildingId: z.string().nullable(),
  unitId: z.string().nullable(),
  customerId: z.string().nullable(),
  // A public filing's customer file with the same mobile, not linked until staff confirm.
  suggestedCustomerId: z.string().nullable(),
  description: z.string(),
  remedyWanted: z.string(),
  complainantCount: z.number().int(),
  collective: z.boolean(),
  mediaExposed: z.boolean(),
  lawsuitFiled: z.boolean(),
  lawsuitOrMediaRisk: z.boolean(),
  needsOutsideSupport: z.boolean(),
  companyFault: z.boolean(),
  issue: z.object({ id: z.string(), title: z.string() }).nullable(),
  groupComplaintId: z.string().nullable(),
  severityReasons: z.array(z.enum(SEVERITY_REASONS)),
  reopenCount: z.number().int(),
  firstResponder: named.nullable(),
  solution: z.string(),
  acknowledgedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  // Whether the caller sees the full contact mobile (the handler does; others reveal it).
  mobileMasked: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const complaintDetailSchema = complaintSchema.extend({
  events: z.array(complaintEventSchema),
  callbacks: z.array(callbackSchema),
  attachments: z.array(attachmentSchema),
  contingency: z.array(contingencyItemSchema),
  case: caseSchema.nullable(),
});

export const assignBody = z.object({ version: versionField, handlerId: idSchema, note: optionalText('说明', 500).default('') });
export const transitionBody = z.object({
  version: versionField,
  to: z.enum(['investigating', 'solution_proposed', 'in_progress', 'awaiting_callback'], { error: '请选择下一步' }),
  note: optionalText('说明', 2000).default(''),
  solution: optionalText('处理方案', 4000).optional(),
});
export const replyBody = z.object({ content: required('答复内容', 2000), public: z.boolean().default(true) });
export const noteBody = z.object({ content: required('备注', 2000) });
export const callbackBody = z.object({
  satisfaction: z.number({ error: '请选择满意度' }).int().min(1, '满意度为 1–5 分').max(5, '满意度为 1–5 分'),
  solved: z.boolean({ error: '请选择问题是否解决' }),
  content: optionalText('回访记录', 2000).default(''),
});
export const closeBody = z.object({ version: versionField, note: optionalText('说明', 1000).default('') });
export const reopenBody = z.object({ version: versionField, reason: required('重新打开原因', 1000) });
export const caseBody = z.object({
  title: required('案例标题', 100),
  background: required('背景', 4000),
  cause: required('原因分析', 4000),
  handling: required('处理过程', 4000),
  lessons: required('经验教训', 4000),
});
export const issueLinkBody = z
  .object({ issueId: idSchema.nullable().default(null), newIssueTitle: optionalText('问题名称', 100).optional() })
  .refine((b) => !(b.issueId && b.newIssueTitle), { message: '请选择已有问题或新建问题，不能同时', path: ['newIssueTitle'] });
export const contingencyUpdate = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(0),
  ownerId: idSchema.nullable().optional(),
  status: z.enum(CONTINGENCY_STATUSES).optional(),
  note: optionalText('说明', 1000).optional(),
});
export const customerLinkBody = z.object({ version: versionField });
export const revealComplaintBody = z.object({ reason: required('查看原因', 200) });

export const suggestionQuery = z.object({
  projectId: idSchema,
  buildingId: idSchema.optional(),
  specialty: z.enum(SPECIALTIES).optional(),
  text: z.string().trim().max(200).default(''),
  excludeId: idSchema.optional(),
});
export const suggestionSchema = complaintListItem.extend({ issue: z.object({ id: z.string(), title: z.string() }).nullable(), similarity: z.number() });

export const issueSchema = z.object({ id: z.string(), projectId: z.string(), title: z.string(), complaintCount: z.number().int(), createdAt: isoDateTime });

export const caseListQuery = listQuery.extend({ q: z.string().trim().max(50).optional(), specialty: z.enum(SPECIALTIES).optional() });

export type ComplaintListItem = z.infer<typeof complaintListItem>;
export type Complaint = z.infer<typeof complaintSchema>;
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;
export type ComplaintCase = z.infer<typeof caseSchema>;

