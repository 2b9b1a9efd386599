import { createContext, useContext } from 'react';
import type { Me } from '../../common/contracts/auth.ts';
import type { Permission } from '../../common/roles.ts';

export type Session = {
  me: Me;
  can: (permission: Permission) => boolean;
  logout: () => Promise<void>;
};

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only inside the authenticated part of the app (below RequireAuth). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession 只能在已登录的页面中使用');
  return session;
}

/** Where to go after signing in: only same-site paths, never another origin. */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}
