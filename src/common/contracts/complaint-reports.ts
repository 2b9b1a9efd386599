import { z } from 'zod';
import { SEVERITIES } from '../complaints.ts';
import { idSchema, isoDateTime } from './common.ts';
import { complaintListItem } from './complaints.ts';

// Dashboards and reports.
export const scopeQuery = z.object({ companyId: idSchema.optional(), projectId: idSchema.optional() });
export const dashboardQuery = scopeQuery.extend({ year: z.coerce.number().int().min(2000, '年份有误').max(2100, '年份有误') });
const rate = z.object({ value: z.number().nullable(), target: z.number(), numerator: z.number().int(), denominator: z.number().int(), met: z.boolean().nullable() });
const share = z.object({ key: z.string(), label: z.string(), count: z.number().int(), share: z.number() });
export const dashboardSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  cards: z.object({ satisfaction: rate, onTime: rate, closure: rate, callback: rate }),
  bySpecialty: z.array(share),
  bySeverity: z.array(share),
  byProject: z.array(share),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int(), closed: z.number().int(), major: z.number().int(), hot: z.number().int() })),
  openAlerts: z.number().int(),
});
export const reportQuery = scopeQuery.extend({
  period: z.enum(['week', 'month'], { error: '请选择周报或月报' }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});
export const reportSchema = z.object({
  period: z.object({ kind: z.enum(['week', 'month']), from: isoDateTime, to: isoDateTime, label: z.string() }),
  scopeLabel: z.string(),
  summary: z.object({
    received: z.number().int(),
    closed: z.number().int(),
    openAtEnd: z.number().int(),
    overdueAtEnd: z.number().int(),
    satisfaction: rate,
    onTime: rate,
    closure: rate,
    callback: rate,
  }),
  bySpecialty: z.array(share),
  bySeverity: z.array(share),
  byProject: z.array(share),
  notable: z.array(complaintListItem),
});

export const settingsQuery = z.object({ companyId: idSchema });
const hours = z.number({ error: '请填写时限' }).int('时限须为整数小时').min(1, '时限至少 1 小时').max(24 * 90, '时限不能超过 90 天');
export const settingsBody = z.object({ companyId: idSchema, limits: z.object({ general: hours, important: hours, hot: hours, major: hours }) });
export const settingsSchema = z.object({ companyId: z.string(), limits: z.record(z.enum(SEVERITIES), z.number().int()), isDefault: z.boolean() });

export type ComplaintDashboard = z.infer<typeof dashboardSchema>;
export type ComplaintReport = z.infer<typeof reportSchema>;
