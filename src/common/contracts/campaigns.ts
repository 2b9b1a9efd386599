import { z } from 'zod';
import { SOURCE_CHANNELS } from '../customers.ts';
import { mobileSchema } from '../validators.ts';
import { idSchema, isoDateTime } from './common.ts';

const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);

export const campaignCreate = z
  .object({
    projectId: idSchema,
    name: z.string({ error: '请填写活动名称' }).trim().min(1, '请填写活动名称').max(64, '活动名称不能超过 64 个字'),
    channel: z.enum(SOURCE_CHANNELS, { error: '请选择渠道' }),
    startsOn: day('开始日期'),
    endsOn: day('结束日期'),
    cost: z.number({ error: '请填写费用' }).min(0, '费用不能为负').max(1e10, '费用过大'),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });

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
  createdAt: isoDateTime,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListQuery = z.object({ projectId: idSchema.optional() });

export const attributionBody = z.object({
  campaignId: idSchema.nullable().optional(),
  // The referring owner (老带新), found by their mobile; null clears it.
  referrerMobile: mobileSchema.nullable().optional(),
});
export const attributionSchema = z.object({ interestId: z.string(), campaignId: z.string().nullable(), referrer: z.object({ id: z.string(), name: z.string() }).nullable() });

export const referralStatSchema = z.object({
  referrer: z.object({ id: z.string(), name: z.string() }),
  referrals: z.number().int(),
  deals: z.number().int(),
  rewards: z.number().int(),
});
export const referralListQuery = z.object({ projectId: idSchema.optional() });
