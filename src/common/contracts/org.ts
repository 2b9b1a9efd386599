import { z } from 'zod';
import { idSchema, listQuery, versionField } from './common.ts';

export const PROJECT_STATUSES = ['planning', 'selling', 'sold_out', 'delivered'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: '筹备中',
  selling: '在售',
  sold_out: '售罄',
  delivered: '已交付',
};

export const UNIT_STATUSES = ['available', 'reserved', 'subscribed', 'contracted', 'delivered'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  available: '可售',
  reserved: '已预留',
  subscribed: '已认购',
  contracted: '已签约',
  delivered: '已交付',
};

const name = (label: string, max = 64) =>
  z.string({ error: `请输入${label}` }).trim().min(1, `请输入${label}`).max(max, `${label}不能超过 ${max} 个字`);
const code = z
  .string({ error: '请输入编码' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,32}$/, '编码须为 2–32 位字母、数字、下划线或短横线');

export const groupSchema = z.object({ id: z.string(), name: z.string(), version: z.number().int(), updatedAt: z.string() });
export type Group = z.infer<typeof groupSchema>;
export const groupUpdate = z.object({ name: name('集团名称'), version: versionField });

export const companySchema = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  city: z.string(),
  code: z.string(),
  projectCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Company = z.infer<typeof companySchema>;
export const companyCreate = z.object({ name: name('公司名称'), city: name('城市', 32), code });
export const companyUpdate = companyCreate.partial().extend({ version: versionField });

export const projectSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  name: z.string(),
  code: z.string(),
  city: z.string(),
  address: z.string(),
  status: z.enum(PROJECT_STATUSES),
  buildingCount: z.number().int(),
  unitCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;
const projectAddress = z.string().trim().max(200, '地址不能超过 200 个字');
const projectStatus = z.enum(PROJECT_STATUSES, { error: '项目状态无效' });
export const projectCreate = z.object({
  companyId: idSchema,
  name: name('项目名称'),
  code,
  city: name('城市', 32),
  address: projectAddress.default(''),
  status: projectStatus.default('planning'),
});
// Updates take no defaults: zod 4 applies a default inside .partial(), which would reset every
// field a PATCH does not send.
export const projectUpdate = projectCreate.omit({ companyId: true }).extend({ address: projectAddress, status: projectStatus }).partial().extend({ version: versionField });
export const projectListQuery = listQuery.extend({
  companyId: idSchema.optional(),
  q: z.string().trim().max(64).optional(),
  sort: z.enum(['name', '-createdAt']).default('name'),
});

export const buildingSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  projectId: z.string(),
  name: z.string(),
  floors: z.number().int(),
  unitCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Building = z.infer<typeof buildingSchema>;
export const buildingCreate = z.object({
  name: name('楼栋名称', 32),
  floors: z.coerce.number({ error: '请输入楼层数' }).int('楼层数须为整数').min(1, '楼层数至少为 1').max(200, '楼层数不能超过 200'),
});
export const buildingUpdate = buildingCreate.partial().extend({ version: versionField });

const area = z.coerce.number({ error: '请输入面积' }).positive('面积须大于 0').max(10000, '面积不能超过 10000 平方米');
const price = z.coerce.number({ error: '请输入价格' }).min(0, '价格不能为负').max(1e10, '价格过大');

export const unitSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  projectId: z.string(),
  buildingId: z.string(),
  number: z.string(),
  floor: z.number().int(),
  layout: z.string(),
  area: z.number(),
  listPrice: z.number(),
  status: z.enum(UNIT_STATUSES),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
const unitStatus = z.enum(UNIT_STATUSES, { error: '房源状态无效' });
export const unitCreate = z.object({
  number: z.string({ error: '请输入房号' }).trim().regex(/^[A-Za-z0-9-]{1,16}$/, '房号须为 1–16 位字母、数字或短横线'),
  floor: z.coerce.number({ error: '请输入楼层' }).int('楼层须为整数').min(-5, '楼层不能低于 -5').max(200, '楼层不能超过 200'),
  layout: name('户型', 32),
  area,
  listPrice: price,
  status: unitStatus.default('available'),
});
// No defaults on update (see projectUpdate): a PATCH without status must not make a sold unit available.
export const unitUpdate = unitCreate.extend({ status: unitStatus }).partial().extend({ version: versionField });
// Generate a block of units: floors floorFrom..floorTo, unitsPerFloor each, numbered 1201, 1202…
export const unitBatchCreate = z
  .object({
    floorFrom: z.coerce.number().int().min(1, '起始楼层至少为 1').max(200),
    floorTo: z.coerce.number().int().min(1).max(200, '结束楼层不能超过 200'),
    unitsPerFloor: z.coerce.number().int().min(1, '每层至少 1 户').max(20, '每层最多 20 户'),
    layout: name('户型', 32),
    area,
    listPrice: price,
  })
  .refine((b) => b.floorTo >= b.floorFrom, { message: '结束楼层不能低于起始楼层', path: ['floorTo'] });
export const unitListQuery = listQuery.extend({
  status: z.enum(UNIT_STATUSES).optional(),
});
