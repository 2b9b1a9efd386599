import { z } from 'zod';
import { versionField } from './common.ts';

// The group's customer tag catalogue (标签库). Customers carry tag names; a name must be an active
// catalogue entry when it is newly given to a customer.
export const TAG_NAME_MAX = 16;
export const TAG_CATEGORY_MAX = 16;
export const OTHER_TAG_CATEGORY = '其他';
// Categories of the default catalogue, in display order (others follow by their sort order).
export const SUGGESTED_TAG_CATEGORIES = ['关注点', '购房偏好', '家庭', '渠道偏好', '客户特征', OTHER_TAG_CATEGORY] as const;

export const unknownTagMessage = (name: string) => `标签「${name}」不在标签库中`;
export const inactiveTagMessage = (name: string) => `标签「${name}」已停用，不能再选用`;

const tagName = z.string({ error: '请输入标签名称' }).trim().min(1, '请输入标签名称').max(TAG_NAME_MAX, `标签名称不能超过 ${TAG_NAME_MAX} 个字`)
  .refine((s) => !/[,，、;；]/.test(s), '标签名称不能包含逗号、顿号或分号');
const tagCategory = z.string({ error: '请输入分类' }).trim().min(1, '请输入分类').max(TAG_CATEGORY_MAX, `分类不能超过 ${TAG_CATEGORY_MAX} 个字`);
const sortOrder = z.number({ error: '排序须为数字' }).int('排序须为整数').min(0, '排序不能为负').max(9999, '排序不能超过 9999');

export const customerTagSchema = z.object({
  id: z.string(),
  category: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerTag = z.infer<typeof customerTagSchema>;

export const customerTagListQuery = z.object({
  // 'true' lists only the tags that may be chosen (pickers); by default every tag.
  active: z.enum(['true', 'false']).optional(),
});

export const customerTagCreate = z.object({
  category: tagCategory,
  name: tagName,
  // Omitted: after the category's last tag (a new category: after every other).
  sortOrder: sortOrder.optional(),
});
export type CustomerTagCreate = z.infer<typeof customerTagCreate>;

// Rename, move, reorder, deactivate or reactivate. Renaming renames the tag on every customer.
export const customerTagUpdate = z.object({
  category: tagCategory.optional(),
  name: tagName.optional(),
  sortOrder: sortOrder.optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export type CustomerTagUpdate = z.infer<typeof customerTagUpdate>;
