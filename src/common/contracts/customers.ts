import { z } from 'zod';
import {
  AGE_BANDS, BUYER_TYPES, CONSENT_CHANNELS, CONSENT_PURPOSES, FAMILY_SEGMENTS, GENDERS, GRADES, INTERACTION_TYPES,
  INTEREST_EVENT_TYPES, PAYMENT_METHODS, PURPOSES, REACTIONS, SOURCE_CHANNELS, STAGES,
} from '../customers.ts';
import { chineseIdSchema, mobileSchema } from '../validators.ts';
import { idSchema, listQuery, versionField } from './common.ts';
import { TAG_NAME_MAX } from './customer-tags.ts';

const text = (label: string, max = 64) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const named = z.object({ id: z.string(), name: z.string() });

// The standard customer fields (统一字段). Mobile and ID number are validated, never stored bad.
export const customerProfileFields = {
  name: z.string({ error: '请输入客户姓名' }).trim().min(1, '请输入客户姓名').max(32, '姓名不能超过 32 个字'),
  gender: z.enum(GENDERS).default('unknown'),
  ageBand: z.enum(AGE_BANDS).nullable().default(null),
  mobile: mobileSchema,
  idNumber: chineseIdSchema.nullable().default(null),
  familyStructure: text('家庭结构').default(''),
  occupation: text('职业').default(''),
  incomeBand: text('收入水平').default(''),
  residenceArea: text('居住区域').default(''),
  workArea: text('工作区域').default(''),
  needLayout: text('需求户型').default(''),
  needAreaMin: z.number().min(0).max(10000).nullable().default(null),
  needAreaMax: z.number().min(0).max(10000).nullable().default(null),
  budgetMin: z.number().min(0, '预算不能为负').max(100000, '预算过大').nullable().default(null), // 万元
  budgetMax: z.number().min(0, '预算不能为负').max(100000, '预算过大').nullable().default(null),
  purpose: z.enum(PURPOSES).nullable().default(null),
  focusFactors: z.array(text('关注因素', 16)).max(10).default([]),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable().default(null),
  fundsReady: z.boolean().nullable().default(null),
  decisionMaker: text('决策人').default(''),
  decisionCycle: text('决策周期').default(''),
  competingProjects: text('竞品项目', 200).default(''),
  sourceChannel: z.enum(SOURCE_CHANNELS, { error: '请选择来源渠道' }),
  // Names from the group's tag catalogue (标签库): the server refuses a name that is not an active
  // entry (标签「X」不在标签库中), except one the customer already carries.
  tags: z.array(text('标签', TAG_NAME_MAX).min(1, '标签不能为空')).max(20, '标签最多 20 个').refine((a) => new Set(a).size === a.length, '标签不能重复').default([]),
  buyerType: z.enum(BUYER_TYPES).nullable().default(null),
  familySegment: z.enum(FAMILY_SEGMENTS).nullable().default(null),
};

export const consentInput = z.object({
  purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1, '请至少选择一项授权用途'),
  channel: z.enum(CONSENT_CHANNELS, { error: '请选择授权方式' }),
});

export const customerCreate = z
  .object({
    ...customerProfileFields,
    projectId: idSchema,
    grade: z.enum(GRADES).default('C'),
    stage: z.enum(['potential', 'intending']).default('potential'),
    // A manager may assign the new prospect directly; a consultant owns what they record.
    ownerId: idSchema.optional(),
    referrerName: text('推荐人').default(''),
    consent: consentInput.optional(),
  })
  .refine((c) => c.needAreaMin === null || c.needAreaMax === null || c.needAreaMin <= c.needAreaMax, { message: '面积下限不能大于上限', path: ['needAreaMax'] })
  .refine((c) => c.budgetMin === null || c.budgetMax === null || c.budgetMin <= c.budgetMax, { message: '预算下限不能大于上限', path: ['budgetMax'] });
export type CustomerCreate = z.infer<typeof customerCreate>;

// PATCH takes any subset of the profile. The create defaults are unwrapped first: in zod 4 an
// optional field with a default would fill the default in and overwrite stored values.
type ProfileKey = keyof typeof customerProfileFields;
const withoutDefault = (t: z.ZodType): z.ZodType => (t instanceof z.ZodDefault ? (t.unwrap() as z.ZodType) : t);
const profileUpdateShape = Object.fromEntries(
  Object.entries(customerProfileFields).map(([k, v]) => [k, withoutDefault(v).optional()]),
) as { [K in ProfileKey]: z.ZodOptional<z.ZodType<z.output<(typeof customerProfileFields)[K]>>> };
export const customerUpdate = z.object({ ...profileUpdateShape, version: versionField });

export const interestSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  project: named,
  companyId: z.string(),
  owner: named.nullable(),
  channel: z.enum(SOURCE_CHANNELS),
  stage: z.enum(STAGES),
  lostReason: z.string(),
  grade: z.enum(GRADES),
  inPool: z.boolean(),
  poolReason: z.string(),
  lastContactAt: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Interest = z.infer<typeof interestSchema>;

// Personal data as the caller may see it: `mobile` is masked (138****5678) unless the caller owns
// the prospect; `mobileMasked` says which.
export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS).nullable(),
  mobile: z.string(),
  mobileMasked: z.boolean(),
  idNumber: z.string().nullable(),
  familyStructure: z.string(),
  occupation: z.string(),
  incomeBand: z.string(),
  residenceArea: z.string(),
  workArea: z.string(),
  needLayout: z.string(),
  needAreaMin: z.number().nullable(),
  needAreaMax: z.number().nullable(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  purpose: z.enum(PURPOSES).nullable(),
  focusFactors: z.array(z.string()),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  fundsReady: z.boolean().nullable(),
  decisionMaker: z.string(),
  decisionCycle: z.string(),
  competingProjects: z.string(),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  tags: z.array(z.string()),
  buyerType: z.enum(BUYER_TYPES).nullable(),
  familySegment: z.enum(FAMILY_SEGMENTS).nullable(),
  referrerName: z.string(),
  erased: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  interests: z.array(interestSchema),
  consents: z.array(z.object({ id: z.string(), purpose: z.enum(CONSENT_PURPOSES), channel: z.enum(CONSENT_CHANNELS), grantedAt: z.string(), recordedBy: z.string() })),
});
export type Customer = z.infer<typeof customerSchema>;

// One row of the prospect list: a project interest with its customer's summary.
export const prospectSchema = interestSchema.extend({
  customer: z.object({ id: z.string(), name: z.string(), mobile: z.string(), mobileMasked: z.boolean(), tags: z.array(z.string()), sourceChannel: z.enum(SOURCE_CHANNELS), buyerType: z.enum(BUYER_TYPES).nullable(), familySegment: z.enum(FAMILY_SEGMENTS).nullable() }),
});
export type Prospect = z.infer<typeof prospectSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

export const prospectListQuery = listQuery.extend({
  q: z.string().trim().max(32).optional(), // name, pinyin, initials, 4-digit mobile tail or full mobile
  projectId: idSchema.optional(),
  ownerId: idSchema.optional(),
  stage: csv(z.enum(STAGES)),
  grade: csv(z.enum(GRADES)),
  tag: z.string().trim().max(TAG_NAME_MAX).optional(),
  sourceChannel: z.enum(SOURCE_CHANNELS).optional(),
  buyerType: z.enum(BUYER_TYPES).optional(),
  familySegment: z.enum(FAMILY_SEGMENTS).optional(),
  lastContactFrom: z.iso.datetime({ offset: true }).optional(),
  // A half-open range: lastContactFrom <= last contact < lastContactTo. To include a whole last
  // day, send 00:00 (Asia/Shanghai) of the day after it, as the web app does.
  lastContactTo: z.iso.datetime({ offset: true }).optional().describe('不含该时刻（半开区间）：含整天请传次日 00:00（+08:00）'),
  sort: z.enum(['nextFollowUp', '-createdAt']).default('nextFollowUp'),
});
export type ProspectListQuery = z.infer<typeof prospectListQuery>;

export const customerExistsSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  mobile: z.string(),
  // One entry per project the customer is registered in. `visible`: the caller may open the
  // customer through it (it is in their data scope). In a project outside the caller's scope
  // (`masked`) only the fact is told: project, owner and stage are null, and if no entry is in
  // scope the name is masked too (张*).
  interests: z.array(
    z.object({
      projectId: z.string().nullable(),
      projectName: z.string().nullable(),
      ownerName: z.string().nullable(), // null: in the public pool, or masked
      stage: z.enum(STAGES).nullable(),
      masked: z.boolean(),
      visible: z.boolean(),
    }),
  ),
});

export const interestCreate = z.object({ projectId: idSchema, channel: z.enum(SOURCE_CHANNELS, { error: '请选择来源渠道' }), grade: z.enum(GRADES).default('C'), ownerId: idSchema.optional() });
export const interestUpdate = z
  .object({ stage: z.enum(STAGES).optional(), grade: z.enum(GRADES).optional(), lostReason: text('流失原因', 200).optional(), version: versionField })
  .refine((b) => b.stage !== 'lost' || (b.lostReason ?? '').length > 0, { message: '标记流失须填写原因', path: ['lostReason'] });

export const interactionCreate = z.object({
  type: z.enum(INTERACTION_TYPES, { error: '请选择跟进方式' }),
  occurredAt: z.iso.datetime({ offset: true, error: '跟进时间格式不正确' }).optional(),
  content: z.string({ error: '请填写跟进内容' }).trim().min(1, '请填写跟进内容').max(2000, '跟进内容不能超过 2000 字'),
  reaction: z.enum(REACTIONS).default('neutral'),
  nextAction: text('下一步', 200).default(''),
  // When omitted, the next follow-up is due by the prospect's grade (A 3 天, B 7 天, C 30 天).
  nextDueAt: z.iso.datetime({ offset: true, error: '下次跟进时间格式不正确' }).optional(),
});
export const interactionSchema = z.object({
  id: z.string(), interestId: z.string(), customerId: z.string(), projectId: z.string(), type: z.enum(INTERACTION_TYPES), occurredAt: z.string(),
  content: z.string(), reaction: z.enum(REACTIONS), nextAction: z.string(), nextDueAt: z.string().nullable(), createdBy: named, createdAt: z.string(),
});

// The consultant's board: a column is a page of prospects in "who is due next" order with the
// column's real total.
export const MY_BOARD_COLUMNS = ['today', 'overdue', 'newlyAssigned'] as const;
export type MyBoardColumn = (typeof MY_BOARD_COLUMNS)[number];
export const boardColumnSchema = z.object({ items: z.array(prospectSchema), total: z.number().int(), nextCursor: z.string().nullable() });
export type BoardColumn = z.infer<typeof boardColumnSchema>;
export const myBoardSchema = z.object({ today: boardColumnSchema, overdue: boardColumnSchema, newlyAssigned: boardColumnSchema });
export type MyBoard = z.infer<typeof myBoardSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['interaction', 'complaint', ...INTEREST_EVENT_TYPES]),
  projectName: z.string(),
  actorName: z.string(),
  // For interactions: type + content; for events: from → to and the reason.
  interactionType: z.enum(INTERACTION_TYPES).nullable(),
  content: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
});

export const revealBody = z.object({
  field: z.enum(['mobile', 'idNumber']),
  reason: z.string({ error: '请填写查看原因' }).trim().min(2, '请填写查看原因（至少 2 个字）').max(200),
});

export const reassignBody = z
  .object({
    interestIds: z.array(idSchema).max(1000).optional(),
    // All prospects of a departing consultant, optionally in one project.
    fromOwnerId: idSchema.optional(),
    projectId: idSchema.optional(),
    toOwnerId: idSchema,
    reason: z.string({ error: '请填写调整原因' }).trim().min(2, '请填写调整原因').max(200),
  })
  .refine((b) => (b.interestIds?.length ?? 0) > 0 || b.fromOwnerId, { message: '请选择要调整的客户，或选择原置业顾问', path: ['interestIds'] });

export const salesSettingsSchema = z.object({
  projectId: z.string(),
  followUpDaysA: z.number().int().min(1).max(90),
  followUpDaysB: z.number().int().min(1).max(180),
  followUpDaysC: z.number().int().min(1).max(365),
  reclaimDays: z.number().int().min(1, '回收天数至少 1 天').max(365),
  poolClaimLimit: z.number().int().min(0).max(1000),
});
export const salesSettingsUpdate = salesSettingsSchema.omit({ projectId: true });

export const savedFilterSchema = z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.string()), createdAt: z.string() });
// A saved filter stores the list's query parameters by name (not the page position): only the
// list's filters, each valid as the list would read it.
const SAVED_FILTER_KEYS = Object.keys(prospectListQuery.shape).filter((k) => k !== 'limit' && k !== 'cursor');
export const savedFilterCreate = z.object({
  name: z.string({ error: '请输入筛选名称' }).trim().min(1, '请输入筛选名称').max(32, '筛选名称不能超过 32 个字'),
  query: z.record(z.string(), z.string().max(200)).superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (!SAVED_FILTER_KEYS.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `未知的筛选条件：${key}` });
    }
    const parsed = prospectListQuery.safeParse(query);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.slice(0, 1) as string[], message: issue.message });
  }),
});

export const eraseBody = z.object({ reason: z.string({ error: '请填写删除依据' }).trim().min(2, '请填写删除依据').max(200) });
