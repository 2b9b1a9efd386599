import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { RolesTab } from './roles-tab.tsx';
import { UsersTab } from './users-tab.tsx';

export function UsersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'roles' ? 'roles' : 'users';

  return (
    <>
      <PageHeader title="用户与角色" />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams(key === 'roles' ? { tab: 'roles' } : {}, { replace: true })}
          items={[
            { key: 'users', label: '用户', children: <UsersTab /> },
            { key: 'roles', label: '角色权限', children: <RolesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
