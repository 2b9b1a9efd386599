import { z } from 'zod';
import { SOURCE_CHANNELS } from '../customers.ts';
import { mobileSchema } from '../validators.ts';
import { idSchema, isoDateTime, listQuery, pageOf, versionField } from './common.ts';

const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`);

const campaignFields = {
  name: z.string({ error: '请填写活动名称' }).trim().min(1, '请填写活动名称').max(64, '活动名称不能超过 64 个字'),
  channel: z.enum(SOURCE_CHANNELS, { error: '请选择渠道' }),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
  cost: z.number({ error: '请填写费用' }).min(0, '费用不能为负').max(1e10, '费用过大'),
};

export const campaignCreate = z
  .object({ projectId: idSchema, ...campaignFields })
  .refine((c) => c.endsOn >= c.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });

// Editing a campaign: any of its fields (not its project: prospects attributed to it belong to
// that project), with the version read. The period must still hold the first visits of the
// prospects attributed to it.
export const campaignUpdate = z
  .object({ version: versionField, ...campaignFields })
  .partial({ name: true, channel: true, startsOn: true, endsOn: true, cost: true })
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export const campaignDeleteQuery = z.object({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1, '缺少版本号') });

// A campaign with what it brought: prospects (visits), deals, and what each cost.
export const campaignSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  name: z.string(),
  channel: z.enum(SOURCE_CHANNELS),
  startsOn: z.string(),
  endsOn: z.string(),
  cost: z.number(),
  prospects: z.number().int(),
  visits: z.number().int(),
  deals: z.number().int(),
  contractValue: z.number(),
  costPerVisit: z.number().nullable(),
  costPerDeal: z.number().nullable(),
  // Contract value per yuan spent (成交额 / 费用).
  returnRatio: z.number().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
});
export type Campaign = z.infer<typeof campaignSchema>;
// Keyset-paged, newest period first.
export const campaignListQuery = listQuery.extend({ projectId: idSchema.optional() });
export const campaignPage = pageOf(campaignSchema);

export const attributionBody = z.object({
  campaignId: idSchema.nullable().optional(),
  // The referring owner (老带新), found by their mobile; null clears it.
  referrerMobile: mobileSchema.nullable().optional(),
});
export const attributionSchema = z.object({ interestId: z.string(), campaignId: z.string().nullable(), referrer: z.object({ id: z.string(), name: z.string() }).nullable() });

// Per referring owner: prospects referred, those holding a contract that still stands (退房 not
// counted), and the reward entitlements still owed or paid (voided ones not counted).
export const referralStatSchema = z.object({
  referrer: z.object({ id: z.string(), name: z.string() }),
  referrals: z.number().int(),
  deals: z.number().int(),
  rewards: z.number().int(),
});
// Keyset-paged, most deals first.
export const referralListQuery = listQuery.extend({ projectId: idSchema.optional() });
export const referralPage = pageOf(referralStatSchema);
