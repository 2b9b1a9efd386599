import { z } from 'zod';

export const idSchema = z.uuid('无效的编号');
export const idParams = z.object({ id: idSchema });

// Keyset pagination: `cursor` is opaque to clients (base64url of the last row's sort key).
export const listQuery = z.object({
  limit: z.coerce.number().int('每页条数须为整数').min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(20),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

// Writes carry the version read; a stale one gets 409 VERSION_CONFLICT.
export const versionField = z.number({ error: '缺少版本号' }).int().min(1);

export const okSchema = z.object({ ok: z.literal(true) });

// RFC 9457 problem details, with a stable code and per-field errors for validation.
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const isoDateTime = z.string().describe('ISO-8601 timestamp with offset');
