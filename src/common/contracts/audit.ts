import { z } from 'zod';
import { idSchema, listQuery } from './common.ts';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login.success',
  'login.failure',
  'logout',
  'password.change',
  'password.reset',
  'token.create',
  'token.revoke',
  'reveal',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  'login.success': '登录成功',
  'login.failure': '登录失败',
  logout: '退出登录',
  'password.change': '修改密码',
  'password.reset': '重置密码',
  'token.create': '创建令牌',
  'token.revoke': '吊销令牌',
  reveal: '查看敏感信息',
  export: '导出',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  group: '集团',
  company: '公司',
  project: '项目',
  building: '楼栋',
  unit: '房源',
  team: '团队',
  user: '用户',
  api_token: 'API 令牌',
  session: '会话',
  complaint: '投诉',
  complaint_case: '投诉案例',
  complaint_issue: '投诉问题归集',
  complaint_contingency: '应急预案事项',
  group_complaint: '群诉',
  complaint_settings: '投诉时限设置',
  complaint_report: '投诉报表',
  deal: '成交',
  broker_registration: '渠道报备',
  registration_appeal: '报备申诉',
  channel_settings: '渠道规则',
  campaign: '推广活动',
  channel_agency: '渠道机构',
  project_interest: '客户意向',
  saved_filter: '保存的筛选',
  customer_tag: '客户标签',
};

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityLabel: z.string(),
  companyId: z.string().nullable(),
  // Changed fields only: { field: { before, after } }; null for events without a record change.
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuery = listQuery.extend({
  actorId: idSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: z.string().max(32).optional(),
  entityId: idSchema.optional(),
  q: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
});
