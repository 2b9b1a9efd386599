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
const TagCataloguePage = lazyPage(() => import('./pages/customers/tag-catalogue-page.tsx'), 'TagCataloguePage');
const ComplaintListPage = lazyPage(() => import('./pages/complaints/complaint-list-page.tsx'), 'ComplaintListPage');
const ComplaintCreatePage = lazyPage(() => import('./pages/complaints/complaint-create-page.tsx'), 'ComplaintCreatePage');
const ComplaintDetailPage = lazyPage(() => import('./pages/complaints/complaint-detail-page.tsx'), 'ComplaintDetailPage');
const CaseLibraryPage = lazyPage(() => import('./pages/complaints/case-library-page.tsx'), 'CaseLibraryPage');
const GroupComplaintsPage = lazyPage(() => import('./pages/complaints/group-complaints-page.tsx'), 'GroupComplaintsPage');
const ComplaintSettingsPage = lazyPage(() => import('./pages/complaints/complaint-settings-page.tsx'), 'ComplaintSettingsPage');
const ComplaintDashboardPage = lazyPage(() => import('./pages/complaints/dashboard-page.tsx'), 'ComplaintDashboardPage');
const ComplaintReportsPage = lazyPage(() => import('./pages/complaints/reports-page.tsx'), 'ComplaintReportsPage');
const NotificationsPage = lazyPage(() => import('./pages/notifications/notifications-page.tsx'), 'NotificationsPage');
const PublicComplainPage = lazyPage(() => import('./pages/public/complain-page.tsx'), 'PublicComplainPage');
const PublicComplaintStatusPage = lazyPage(() => import('./pages/public/complaint-status-page.tsx'), 'PublicComplaintStatusPage');
const SalesBoardPage = lazyPage(() => import('./pages/sales/sales-board-page.tsx'), 'SalesBoardPage');
const DealsPage = lazyPage(() => import('./pages/sales/deals-page.tsx'), 'DealsPage');
const BrokerRegistrationsPage = lazyPage(() => import('./pages/channels/broker-registrations-page.tsx'), 'BrokerRegistrationsPage');
const RegistrationsPage = lazyPage(() => import('./pages/channels/registrations-page.tsx'), 'RegistrationsPage');
const AppealsPage = lazyPage(() => import('./pages/channels/appeals-page.tsx'), 'AppealsPage');
const ChannelSettingsPage = lazyPage(() => import('./pages/channels/channel-settings-page.tsx'), 'ChannelSettingsPage');
const FunnelPage = lazyPage(() => import('./pages/analytics/funnel-page.tsx'), 'FunnelPage');
const AgenciesPage = lazyPage(() => import('./pages/channels/agencies-page.tsx'), 'AgenciesPage');
const CampaignsPage = lazyPage(() => import('./pages/channels/campaigns-page.tsx'), 'CampaignsPage');
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
  // The owners' own pages: no login, phone-first.
  {
    path: '/complain',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullScreenSpin />}>
        <PublicComplainPage />
      </Suspense>
    ),
  },
  {
    path: '/complain/status',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullScreenSpin />}>
        <PublicComplaintStatusPage />
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
          { path: 'customers/tags', element: guarded('customers.tags', TagCataloguePage) },
          { path: 'customers/:id', element: guarded('customers.read', CustomerDetailPage) },
          { path: 'sales/board', element: guarded('sales.read', SalesBoardPage) },
          { path: 'sales/deals', element: guarded('sales.read', DealsPage) },
          { path: 'channels/my', element: guarded('channels.register', BrokerRegistrationsPage) },
          { path: 'channels/registrations', element: guarded('channels.read', RegistrationsPage) },
          { path: 'channels/appeals', element: guarded('channels.manage', AppealsPage) },
          { path: 'channels/settings', element: guarded('channels.manage', ChannelSettingsPage) },
          { path: 'sales/funnel', element: guarded('sales.read', FunnelPage) },
          { path: 'channels/campaigns', element: guarded('channels.read', CampaignsPage) },
          { path: 'channels/agencies', element: guarded('channels.read', AgenciesPage) },
          { path: 'complaints', element: guarded('complaints.read', ComplaintListPage) },
          { path: 'complaints/new', element: guarded('complaints.write', ComplaintCreatePage) },
          { path: 'complaints/cases', element: guarded('complaints.read', CaseLibraryPage) },
          { path: 'complaints/groups', element: guarded('complaints.read', GroupComplaintsPage) },
          { path: 'complaints/settings', element: guarded('complaints.manage', ComplaintSettingsPage) },
          { path: 'complaints/dashboard', element: guarded('complaints.reports', ComplaintDashboardPage) },
          { path: 'complaints/reports', element: guarded('complaints.reports', ComplaintReportsPage) },
          { path: 'complaints/:id', element: guarded('complaints.read', ComplaintDetailPage) },
          { path: 'notifications', element: <NotificationsPage /> },
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
