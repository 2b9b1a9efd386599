import type { ComponentType } from 'react';
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '../common/roles.ts';
import { FullScreenSpin, RequireAuth } from './auth/require-auth.tsx';
import { RequirePermission } from './auth/require-permission.tsx';
import { AppShell } from './components/app-shell.tsx';
import { RouteError } from './components/route-error.tsx';

// Pages are split into their own chunks: the first load carries only the shell.
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyPage(() => import('./pages/login/login-page.tsx'), 'LoginPage');
const HomePage = lazyPage(() => import('./pages/home/home-page.tsx'), 'HomePage');
const CustomerListPage = lazyPage(() => import('./pages/customers/customer-list-page.tsx'), 'CustomerListPage');
const CustomerDetailPage = lazyPage(() => import('./pages/customers/customer-detail-page.tsx'), 'CustomerDetailPage');
const MyBoardPage = lazyPage(() => import('./pages/customers/my-board-page.tsx'), 'MyBoardPage');
const TeamBoardPage = lazyPage(() => import('./pages/customers/team-board-page.tsx'), 'TeamBoardPage');
const PoolPage = lazyPage(() => import('./pages/customers/pool-page.tsx'), 'PoolPage');
const ImportPage = lazyPage(() => import('./pages/customers/import-page.tsx'), 'ImportPage');
const OrgPage = lazyPage(() => import('./pages/org/org-page.tsx'), 'OrgPage');
const ProjectDetailPage = lazyPage(() => import('./pages/org/project-detail-page.tsx'), 'ProjectDetailPage');
const TeamsPage = lazyPage(() => import('./pages/teams/teams-page.tsx'), 'TeamsPage');
const UsersPage = lazyPage(() => import('./pages/users/users-page.tsx'), 'UsersPage');
const TokensPage = lazyPage(() => import('./pages/tokens/tokens-page.tsx'), 'TokensPage');
const AuditPage = lazyPage(() => import('./pages/audit/audit-page.tsx'), 'AuditPage');
const ProfilePage = lazyPage(() => import('./pages/profile/profile-page.tsx'), 'ProfilePage');
const NotFoundPage = lazyPage(() => import('./pages/not-found/not-found-page.tsx'), 'NotFoundPage');

function guarded(permission: Permission, Page: ComponentType) {
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullScreenSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'customers', element: guarded('customers.read', CustomerListPage) },
          { path: 'customers/board', element: guarded('customers.write', MyBoardPage) },
          { path: 'customers/team-board', element: guarded('customers.assign', TeamBoardPage) },
          { path: 'customers/pool', element: guarded('customers.pool', PoolPage) },
          { path: 'customers/import', element: guarded('customers.import', ImportPage) },
          { path: 'customers/:id', element: guarded('customers.read', CustomerDetailPage) },
          { path: 'org', element: guarded('org.read', OrgPage) },
          { path: 'org/projects/:id', element: guarded('org.read', ProjectDetailPage) },
          { path: 'teams', element: guarded('users.read', TeamsPage) },
          { path: 'users', element: guarded('users.read', UsersPage) },
          { path: 'tokens', element: guarded('tokens.manage', TokensPage) },
          { path: 'audit', element: guarded('audit.read', AuditPage) },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
