import { z } from 'zod';
import { idSchema } from '../../../../common/contracts/common.ts';
import { SOURCE_CHANNELS } from '../../../../common/customers.ts';
import { IMPORT_FIELDS } from './fields.ts';

// Contracts of the customer import endpoints (the web app reads them through the OpenAPI doc).
// A base64 .xlsx or .csv of up to ~22 MB fits the routes' 30 MB body limit.
export const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

const file = {
  fileName: z.string({ error: '请选择文件' }).trim().min(1, '请选择文件').max(200, '文件名过长'),
  fileBase64: z.string({ error: '请选择文件' }).min(1, '请选择文件').max(IMPORT_BODY_LIMIT, '文件过大').regex(/^[A-Za-z0-9+/=\r\n]*$/, '文件内容须为 base64 编码'),
};
const importField = z.enum(IMPORT_FIELDS);

export const importPreviewBody = z.object(file);
export const importPreviewSchema = z.object({
  columns: z.array(z.string()),
  sample: z.array(z.array(z.string())).describe('前 5 行数据'),
  suggested: z.record(z.string(), importField).describe('按表头建议的「列 → 字段」对应'),
  fields: z.array(z.object({ field: importField, label: z.string() })).describe('可对应的客户字段'),
});

export const importCreateBody = z.object({
  projectId: idSchema,
  ...file,
  mapping: z.record(z.string(), z.union([importField, z.literal('')])).optional().describe('列 → 字段；省略时按表头建议'),
  defaultSourceChannel: z.enum(SOURCE_CHANNELS).optional().describe('来源渠道为空的行使用的渠道'),
});
export type ImportCreateBody = z.infer<typeof importCreateBody>;

export const importStatusSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  fileName: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  merged: z.number().int(),
  rejected: z.number().int(),
  columns: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportStatusView = z.infer<typeof importStatusSchema>;
