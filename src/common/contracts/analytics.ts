import { z } from 'zod';
import { idSchema } from './common.ts';

export const FUNNEL_STEPS = ['leads', 'visits', 'pledges', 'subscriptions', 'contracts'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export const FUNNEL_STEP_LABELS: Record<FunnelStep, string> = { leads: '线索/报备', visits: '来访', pledges: '认筹', subscriptions: '认购', contracts: '签约' };
export const FUNNEL_GROUPS = ['none', 'channel', 'consultant', 'project'] as const;

// Prospects created in [from, to) (Shanghai days), and how far each has got. The deal steps
// (pledges, subscriptions, contracts) count only deals that still stand: a prospect whose pledge,
// subscription or contract was cancelled (退筹/退订/退房) and who holds no other deal that far is
// not counted at that step, nor as a buyer in the source mix.
export const funnelQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式应为 YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式应为 YYYY-MM-DD'),
  companyId: idSchema.optional(),
  projectId: idSchema.optional(),
  channel: z.string().max(32).optional(),
  // One consultant's prospects (the prospect's owner).
  consultantId: idSchema.optional(),
  groupBy: z.enum(FUNNEL_GROUPS).default('none'),
});
const counts = z.object({ leads: z.number().int(), visits: z.number().int(), pledges: z.number().int(), subscriptions: z.number().int(), contracts: z.number().int() });
// A row's registrations: broker registrations of the period in the row's project or, by channel,
// all of them on the broker row; null on a consultant's row (a registration has no consultant
// until the office confirms the visit).
export const funnelRowSchema = z.object({ key: z.string(), label: z.string(), counts, registrations: z.number().int().nullable() });
export const funnelSchema = z.object({
  total: counts,
  // Broker registrations (报备) made in the period: leads from channels, before any visit.
  registrations: z.number().int(),
  // Step-to-step conversion: visits/leads, pledges/visits, subscriptions/pledges, contracts/subscriptions
  // (each step counts the prospects who reached it or went beyond it).
  conversion: z.object({ visitRate: z.number().nullable(), pledgeRate: z.number().nullable(), subscriptionRate: z.number().nullable(), contractRate: z.number().nullable() }),
  medianDaysVisitToContract: z.number().nullable(),
  rows: z.array(funnelRowSchema),
  // Where buyers (contracted) came from: the source mix.
  sourceMix: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), share: z.number() })),
  ranking: z.array(z.object({ consultant: z.object({ id: z.string(), name: z.string() }), contracts: z.number().int(), subscriptions: z.number().int(), visits: z.number().int() })),
});
export type Funnel = z.infer<typeof funnelSchema>;
