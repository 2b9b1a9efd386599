import { z } from 'zod';
import { DATA_SCOPES, PERMISSIONS, ROLES } from '../roles.ts';
import { passwordSchema } from '../validators.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});
export type LoginBody = z.infer<typeof loginBody>;

const named = z.object({ id: z.string(), name: z.string() });

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: z.enum(DATA_SCOPES),
  permissions: z.array(z.enum(PERMISSIONS)),
  group: named,
  company: named.nullable(),
  team: named.nullable(),
  projects: z.array(named),
  // Projects the user's data scope reaches (all of the group, their company's, or assigned).
  visibleProjectCount: z.number().int(),
  lastLoginAt: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码'),
    newPassword: passwordSchema,
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    message: '新密码不能与当前密码相同',
    path: ['newPassword'],
  });
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
