import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, type attachmentInput } from '../../../common/contracts/complaints.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { complaintAttachments } from './tables.ts';

// What each image type's first bytes must be: a file is stored only if it is what it says.
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function checkImage(a: z.infer<typeof attachmentInput>, field: string): Buffer {
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(a.dataBase64)) throw bad('图片内容不是有效的 Base64 编码');
  const bytes = Buffer.from(a.dataBase64, 'base64');
  if (bytes.length === 0) throw bad('图片内容为空');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw bad('单张图片不能超过 2 MB');
  if (!MAGIC[a.contentType](bytes)) throw bad('文件内容与图片格式不符');
  return bytes;
}

export async function listAttachments(db: Db, complaintId: string) {
  return db
    .select({ id: complaintAttachments.id, fileName: complaintAttachments.fileName, contentType: complaintAttachments.contentType, size: complaintAttachments.size })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.complaintId, complaintId))
    .orderBy(complaintAttachments.createdAt, complaintAttachments.id);
}

export async function readAttachment(db: Db, complaintId: string, attachmentId: string) {
  const [row] = await db.select().from(complaintAttachments).where(and(eq(complaintAttachments.id, attachmentId), eq(complaintAttachments.complaintId, complaintId)));
  if (!row) throw new AppError('NOT_FOUND', '附件不存在');
  return row;
}
