import type { ReactNode } from 'react';
import type { Permission } from '../../common/roles.ts';
import { ForbiddenResult } from '../components/forbidden-result.tsx';
import { useSession } from './session.tsx';

/** A page the role may not open shows 403, never the page itself. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenResult />;
}
