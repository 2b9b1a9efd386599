import type { DataScope, Permission, Role } from '../../../common/roles.ts';
import { roleHas } from '../../../common/roles.ts';

// Who is calling: a signed-in user (session cookie) or an integration (bearer API token).
export type Principal = {
  kind: 'user' | 'token';
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
  companyId: string | null;
  teamId: string | null;
  projectIds: string[];
  sessionId?: string;
  tokenId?: string;
};

export function can(principal: Principal, permission: Permission): boolean {
  return roleHas(principal.role, permission);
}

// Route access declarations: every route states one of these; the access-matrix test fails on
// any route that does not.
export type Access = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyContextConfig {
    access?: Access;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyRequest {
    principal: Principal | null;
  }
}

// The actor recorded in the audit log for a change.
export type Actor = { principal: Principal | null; ip: string | null; name?: string };
