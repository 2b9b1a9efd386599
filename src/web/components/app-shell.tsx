import {
  AlertOutlined,
  ShopOutlined,
  FunnelPlotOutlined,
  NotificationOutlined,
  SettingOutlined,
  SolutionOutlined,
  TagsOutlined,
  AppstoreOutlined,
  TransactionOutlined,
  BellOutlined,
  BookOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  UsergroupAddOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  ContactsOutlined,
  InboxOutlined,
  ScheduleOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Button, Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../common/roles.ts';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../common/roles.ts';
import { useSession } from '../auth/session.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { PageLoading } from './page-loading.tsx';

type NavItem = { path: string; label: string; icon: ReactNode; permission?: Permission };

// The side menu: an entry appears only when the role holds its permission.
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/customers', label: '客户', icon: <ContactsOutlined />, permission: 'customers.read' },
  { path: '/customers/board', label: '我的跟进', icon: <ScheduleOutlined />, permission: 'customers.write' },
  { path: '/customers/team-board', label: '团队跟进', icon: <ClusterOutlined />, permission: 'customers.assign' },
  { path: '/customers/pool', label: '公客池', icon: <InboxOutlined />, permission: 'customers.pool' },
  { path: '/customers/tags', label: '客户标签库', icon: <TagsOutlined />, permission: 'customers.tags' },
  { path: '/sales/board', label: '销控', icon: <AppstoreOutlined />, permission: 'sales.read' },
  { path: '/sales/deals', label: '成交', icon: <TransactionOutlined />, permission: 'sales.read' },
  { path: '/sales/funnel', label: '销售漏斗', icon: <FunnelPlotOutlined />, permission: 'sales.read' },
  { path: '/channels/campaigns', label: '推广与老带新', icon: <NotificationOutlined />, permission: 'channels.read' },
  { path: '/channels/my', label: '我的报备', icon: <SolutionOutlined />, permission: 'channels.register' },
  { path: '/channels/registrations', label: '渠道报备', icon: <SolutionOutlined />, permission: 'channels.read' },
  { path: '/channels/agencies', label: '渠道机构', icon: <ShopOutlined />, permission: 'channels.read' },
  { path: '/channels/appeals', label: '报备申诉', icon: <AuditOutlined />, permission: 'channels.manage' },
  { path: '/channels/settings', label: '渠道规则', icon: <SettingOutlined />, permission: 'channels.manage' },
  { path: '/complaints', label: '投诉', icon: <AlertOutlined />, permission: 'complaints.read' },
  { path: '/complaints/dashboard', label: '投诉看板', icon: <DashboardOutlined />, permission: 'complaints.reports' },
  { path: '/complaints/reports', label: '投诉报表', icon: <FileTextOutlined />, permission: 'complaints.reports' },
  { path: '/complaints/cases', label: '案例库', icon: <BookOutlined />, permission: 'complaints.read' },
  { path: '/complaints/groups', label: '群诉管理', icon: <UsergroupAddOutlined />, permission: 'complaints.read' },
  { path: '/complaints/settings', label: '投诉时限设置', icon: <FieldTimeOutlined />, permission: 'complaints.manage' },
  { path: '/notifications', label: '消息中心', icon: <BellOutlined /> },
  { path: '/org', label: '组织与房源', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/teams', label: '团队', icon: <TeamOutlined />, permission: 'users.read' },
  { path: '/users', label: '用户与角色', icon: <UserOutlined />, permission: 'users.read' },
  { path: '/tokens', label: 'API 令牌', icon: <KeyOutlined />, permission: 'tokens.manage' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/profile', label: '个人资料', icon: <IdcardOutlined /> },
];

const MOBILE_QUERY = '(max-width: 991.98px)'; // below antd's `lg` breakpoint

// The deepest entry containing the page: /customers/board is 「我的跟进」, /customers/123 is 「客户」.
function selectedPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
  const deepest = match.sort((a, b) => b.path.length - a.path.length)[0];
  return deepest?.path ?? (pathname === '/' ? '/' : '');
}

export function AppShell() {
  const { me, can, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [isMobile, setIsMobile] = useState(() => window.matchMedia(MOBILE_QUERY).matches);
  const [collapsed, setCollapsed] = useState(isMobile);
  const [loggingOut, setLoggingOut] = useState(false);

  const items: MenuProps['items'] = NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map(
    (item) => ({ key: item.path, icon: item.icon, label: item.label }),
  );
  const current = selectedPath(location.pathname);

  const signOut = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={216}
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        collapsed={collapsed}
        trigger={null}
        onBreakpoint={(broken) => {
          setIsMobile(broken);
          setCollapsed(broken);
        }}
        style={
          isMobile
            ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 100, height: '100vh', overflow: 'auto' }
            : { borderInlineEnd: '1px solid #f0f0f0' }
        }
      >
        <div className="app-brand">
          <ApartmentOutlined />
          <span>客源 CRM</span>
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={current ? [current] : []}
          onClick={({ key }) => {
            if (isMobile) setCollapsed(true);
            if (key !== location.pathname) void navigate(key);
          }}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      {isMobile && !collapsed && <div className="app-sider-mask" onClick={() => setCollapsed(true)} aria-hidden />}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((value) => !value)}
            aria-label={collapsed ? '展开菜单' : '收起菜单'}
          />
          <div className="app-header-user">
            <NotificationBell />
            <div className="app-header-identity">
              <Typography.Text strong>{me.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ROLE_LABELS[me.role]} · {DATA_SCOPE_LABELS[me.scope]}
              </Typography.Text>
            </div>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} loading={loggingOut}>
              退出登录
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
