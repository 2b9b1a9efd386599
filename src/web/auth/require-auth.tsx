import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../common/roles.ts';
import { errorMessage } from '../data/client.ts';
import { logoutRequest, useMeQuery } from '../data/hooks/auth.ts';
import { ME_KEY } from '../data/keys.ts';
import type { Session } from './session.tsx';
import { SessionContext } from './session.tsx';

export function FullScreenSpin() {
  return (
    <div className="center-fill full-screen">
      <Spin size="large" description="加载中…" />
    </div>
  );
}

/** Renders its children only for a signed-in user; otherwise goes to /login?redirect=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const meQuery = useMeQuery();
  const location = useLocation();
  const client = useQueryClient();
  const me = meQuery.data;

  // Set while signing out, so the guard sends the user to a plain /login (no 「redirect」 back here).
  const [loggingOut, setLoggingOut] = useState(false);

  const logout = useCallback(async () => {
    setLoggingOut(true);
    try {
      await logoutRequest();
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    client.setQueryData(ME_KEY, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  }, [client]);

  const session = useMemo<Session | null>(
    () =>
      me
        ? {
            me,
            can: (permission: Permission) => me.permissions.includes(permission),
            logout,
          }
        : null,
    [me, logout],
  );

  if (meQuery.isPending) return <FullScreenSpin />;
  if (meQuery.isError && me === undefined) {
    return (
      <Result
        className="full-screen"
        status="error"
        title="无法连接服务器"
        subTitle={errorMessage(meQuery.error)}
        extra={
          <Button type="primary" onClick={() => void meQuery.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!session) {
    if (loggingOut) return <Navigate to="/login" replace />;
    const target = `${location.pathname}${location.search}${location.hash}`;
    const search = target === '/' ? '' : `?redirect=${encodeURIComponent(target)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
