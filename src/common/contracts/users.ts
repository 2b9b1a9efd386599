import { z } from 'zod';
import { DATA_SCOPES, ROLES } from '../roles.ts';
import { passwordSchema } from '../validators.ts';
import { idSchema, listQuery, versionField } from './common.ts';

const named = z.object({ id: z.string(), name: z.string() });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  // Where notification e-mails go (when SMTP is configured); empty for none.
  email: z.string(),
  role: z.enum(ROLES),
  scope: z.enum(DATA_SCOPES),
  company: named.nullable(),
  team: named.nullable(),
  projects: z.array(named),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const emailField = z.string().trim().max(120, '邮箱不能超过 120 个字符').refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), '请输入正确的邮箱地址');

const assignment = {
  role: z.enum(ROLES, { error: '请选择角色' }),
  scope: z.enum(DATA_SCOPES, { error: '请选择数据范围' }),
  companyId: idSchema.nullable().default(null),
  teamId: idSchema.nullable().default(null),
  projectIds: z.array(idSchema).max(200).default([]),
};

export const userCreate = z.object({
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须为 3–32 位小写字母开头的字母、数字、下划线、点或短横线'),
  displayName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(32, '姓名不能超过 32 个字'),
  email: emailField.default(''),
  password: passwordSchema,
  ...assignment,
});
export const userUpdate = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(32, '姓名不能超过 32 个字').optional(),
  email: emailField.optional(),
  role: assignment.role.optional(),
  scope: assignment.scope.optional(),
  companyId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
  projectIds: z.array(idSchema).max(200).optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export const resetPasswordBody = z.object({ newPassword: passwordSchema });
export const userListQuery = listQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  companyId: idSchema.optional(),
});

export const teamSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  name: z.string(),
  leader: named.nullable(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamCreate = z.object({
  companyId: idSchema,
  projectId: idSchema.nullable().default(null),
  name: z.string({ error: '请输入团队名称' }).trim().min(1, '请输入团队名称').max(32, '团队名称不能超过 32 个字'),
  leaderId: idSchema.nullable().default(null),
});
// No defaults on update: zod 4 applies them inside .partial(), so a rename would clear the project and leader.
export const teamUpdate = teamCreate
  .omit({ companyId: true })
  .extend({ projectId: idSchema.nullable(), leaderId: idSchema.nullable() })
  .partial()
  .extend({ version: versionField });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  owner: named,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenCreate = z.object({
  name: z.string({ error: '请输入令牌名称' }).trim().min(1, '请输入令牌名称').max(64, '令牌名称不能超过 64 个字'),
  role: z.enum(ROLES, { error: '请选择角色' }),
});
// The secret is returned once, at creation; only its hash is stored.
export const apiTokenCreated = apiTokenSchema.extend({ token: z.string() });

export const roleInfoSchema = z.object({
  code: z.enum(ROLES),
  label: z.string(),
  defaultScope: z.enum(DATA_SCOPES),
  permissions: z.array(z.string()),
});
