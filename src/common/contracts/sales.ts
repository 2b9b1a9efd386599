import { z } from 'zod';
import { PAYMENT_METHODS } from '../customers.ts';
import { DEAL_STAGES, DEAL_STATUSES } from '../sales.ts';
import { idSchema, isoDateTime, listQuery, versionField } from './common.ts';
import { UNIT_STATUSES } from './org.ts';

const money = (label: string) => z.number({ error: `请填写${label}` }).min(0, `${label}不能为负`).max(1e10, `${label}过大`);
const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);

// The terms each stage records. A deal starts at pledge (认筹) or subscription (认购), or straight
// at contract for a cash sale signed on the day.
export const pledgeTerms = z.object({ pledgeAmount: money('认筹金') });
export const subscriptionTerms = z.object({
  deposit: money('定金'),
  paymentMethod: z.enum(PAYMENT_METHODS, { error: '请选择付款方式' }),
  contractDueDate: day('约定签约日期'),
});
export const contractTerms = z.object({ price: money('成交价').refine((v) => v > 0, '成交价须大于 0'), signedOn: day('签约日期') });

export const dealCreate = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('pledge'), interestId: idSchema, unitId: idSchema, ...pledgeTerms.shape }),
  z.object({ stage: z.literal('subscription'), interestId: idSchema, unitId: idSchema, ...subscriptionTerms.shape }),
  z.object({ stage: z.literal('contract'), interestId: idSchema, unitId: idSchema, ...subscriptionTerms.partial().shape, ...contractTerms.shape }),
], { error: '请选择成交阶段' });
export const dealAdvance = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('subscription'), version: versionField, ...subscriptionTerms.shape }),
  z.object({ stage: z.literal('contract'), version: versionField, ...contractTerms.shape }),
], { error: '请选择下一阶段' });
export const dealCancel = z.object({ version: versionField, reason: z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(500, '原因不能超过 500 个字') });

export const dealSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  buildingName: z.string(),
  unit: z.object({ id: z.string(), number: z.string(), layout: z.string(), area: z.number(), listPrice: z.number() }),
  customer: z.object({ id: z.string(), name: z.string(), mobile: z.string() }),
  interestId: z.string(),
  consultant: z.object({ id: z.string(), name: z.string() }).nullable(),
  stage: z.enum(DEAL_STAGES),
  status: z.enum(DEAL_STATUSES),
  pledgeAmount: z.number().nullable(),
  deposit: z.number().nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  contractDueDate: z.string().nullable(),
  price: z.number().nullable(),
  signedOn: z.string().nullable(),
  pledgedAt: isoDateTime.nullable(),
  subscribedAt: isoDateTime.nullable(),
  contractedAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  cancelReason: z.string(),
  version: z.number().int(),
  createdAt: isoDateTime,
});
export type Deal = z.infer<typeof dealSchema>;
export const dealListQuery = listQuery.extend({
  projectId: idSchema.optional(),
  unitId: idSchema.optional(),
  customerId: idSchema.optional(),
  consultantId: idSchema.optional(),
  // The buyer's name (part of it) or the unit's number.
  q: z.string().trim().max(32, '搜索内容不能超过 32 个字').optional(),
  stage: z.enum(DEAL_STAGES).optional(),
  status: z.enum(DEAL_STATUSES).optional(),
});

// 业主: a unit the customer owns now (a contract made them its owner; a 退房 ends it), with the
// contract deal that did.
export const ownedUnitSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  buildingName: z.string(),
  unit: z.object({ id: z.string(), number: z.string(), layout: z.string(), area: z.number() }),
  since: isoDateTime,
  dealId: z.string(),
  price: z.number().nullable(),
  signedOn: z.string().nullable(),
});
export type OwnedUnit = z.infer<typeof ownedUnitSchema>;
export const ownedUnitsSchema = z.object({ items: z.array(ownedUnitSchema) });

// The sales-control board (销控): a project's buildings by floor and unit.
export const boardQuery = z.object({
  layout: z.string().trim().max(32).optional(),
  priceMin: z.coerce.number().min(0).optional(),
  priceMax: z.coerce.number().min(0).optional(),
});
export const boardUnitSchema = z.object({
  id: z.string(),
  number: z.string(),
  floor: z.number().int(),
  layout: z.string(),
  area: z.number(),
  listPrice: z.number(),
  status: z.enum(UNIT_STATUSES),
  // Whether the unit passes the layout/price filter (the board keeps every cell in place).
  match: z.boolean(),
  dealId: z.string().nullable(),
  customerName: z.string().nullable(),
});
export const boardSchema = z.object({
  project: z.object({ id: z.string(), name: z.string() }),
  counts: z.record(z.enum(UNIT_STATUSES), z.number().int()),
  layouts: z.array(z.string()),
  buildings: z.array(z.object({
    id: z.string(),
    name: z.string(),
    floors: z.array(z.object({ floor: z.number().int(), units: z.array(boardUnitSchema) })),
  })),
});
export type SalesBoard = z.infer<typeof boardSchema>;
