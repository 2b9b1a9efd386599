import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, listQuery, okSchema, pageOf, idSchema } from '../../../common/contracts/common.ts';
import { resetPasswordBody, roleInfoSchema, teamCreate, teamSchema, teamUpdate, userCreate, userListQuery, userSchema, userUpdate } from '../../../common/contracts/users.ts';
import { DEFAULT_SCOPE, ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from '../../../common/roles.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { createTeam, deleteTeam, listTeams, updateTeam } from './teams.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const read = { permission: 'users.read' } as const;
const manage = { permission: 'users.manage' } as const;
const orgManage = { permission: 'org.manage' } as const;

export function registerUserRoutes(app: App, { db, clock }: Deps) {
  const ctx = (request: FastifyRequest) => ({ db, now: clock.now(), actor: actorOf(request), principal: principalOf(request) });

  app.get('/api/v1/roles', {
    config: { access: read },
    schema: { tags: ['users'], summary: '角色与权限', response: { 200: z.object({ items: z.array(roleInfoSchema) }) } },
    handler: async () => ({ items: ROLES.map((code) => ({ code, label: ROLE_LABELS[code], defaultScope: DEFAULT_SCOPE[code], permissions: [...ROLE_PERMISSIONS[code]] })) }),
  });

  app.get('/api/v1/users', {
    config: { access: read },
    schema: { tags: ['users'], summary: '用户列表（按数据范围）', querystring: userListQuery, response: { 200: pageOf(userSchema) } },
    handler: (request) => listUsers(db, principalOf(request), request.query),
  });
  app.get('/api/v1/users/:id', {
    config: { access: read },
    schema: { tags: ['users'], summary: '用户详情', params: idParams, response: { 200: userSchema } },
    handler: (request) => getUser(db, principalOf(request), request.params.id),
  });
  app.post('/api/v1/users', {
    config: { access: manage },
    schema: { tags: ['users'], summary: '新建用户', body: userCreate, response: { 201: userSchema } },
    handler: async (request, reply) => reply.status(201).send(await createUser(ctx(request), request.body)),
  });
  app.patch('/api/v1/users/:id', {
    config: { access: manage },
    schema: { tags: ['users'], summary: '修改用户（角色、数据范围、分配、启用）', params: idParams, body: userUpdate, response: { 200: userSchema } },
    handler: (request) => updateUser(ctx(request), principalOf(request), request.params.id, request.body),
  });
  app.post('/api/v1/users/:id/reset-password', {
    config: { access: manage },
    schema: { tags: ['users'], summary: '重置用户密码（结束其所有会话）', params: idParams, body: resetPasswordBody, response: { 200: okSchema } },
    handler: async (request) => {
      await resetPassword(ctx(request), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/teams', {
    config: { access: read },
    schema: { tags: ['users'], summary: '团队列表', querystring: listQuery.extend({ companyId: idSchema.optional() }), response: { 200: pageOf(teamSchema) } },
    handler: (request) => listTeams(db, principalOf(request), request.query),
  });
  app.post('/api/v1/teams', {
    config: { access: orgManage },
    schema: { tags: ['users'], summary: '新建团队', body: teamCreate, response: { 201: teamSchema } },
    handler: async (request, reply) => reply.status(201).send(await createTeam(ctx(request), request.body)),
  });
  app.patch('/api/v1/teams/:id', {
    config: { access: orgManage },
    schema: { tags: ['users'], summary: '修改团队', params: idParams, body: teamUpdate, response: { 200: teamSchema } },
    handler: (request) => updateTeam(ctx(request), request.params.id, request.body),
  });
  app.delete('/api/v1/teams/:id', {
    config: { access: orgManage },
    schema: { tags: ['users'], summary: '删除团队（须无成员）', params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1) }), response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteTeam(ctx(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
