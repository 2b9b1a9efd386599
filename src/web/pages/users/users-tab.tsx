import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../common/contracts/users.ts';
import type { Role } from '../../../common/roles.ts';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../common/roles.ts';
import { useCompanyOptions } from '../../data/hooks/org.ts';
import { useUsers } from '../../data/hooks/users.ts';
import { useSession } from '../../auth/session.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { ROLE_OPTIONS } from './options.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { UserFormModal } from './user-form-modal.tsx';
import { UserStatusTag } from './user-status-tag.tsx';

const MAX_PROJECT_TAGS = 3;

export function UsersTab() {
  const { can } = useSession();
  const canManage = can('users.manage');
  const canReadOrg = can('org.read');
  const [q, setQ] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [companyId, setCompanyId] = useState<string | undefined>(undefined);
  const companies = useCompanyOptions(canReadOrg);
  const query = useUsers({ q, role, companyId });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (value: Role) => ROLE_LABELS[value] },
    { title: '数据范围', dataIndex: 'scope', render: (_: unknown, user) => DATA_SCOPE_LABELS[user.scope] },
    { title: '所属公司', key: 'company', render: (_: unknown, user) => user.company?.name ?? '集团' },
    { title: '所属团队', key: 'team', render: (_: unknown, user) => user.team?.name ?? EMPTY_TEXT },
    {
      title: '负责项目',
      key: 'projects',
      render: (_: unknown, user) =>
        user.projects.length === 0 ? (
          EMPTY_TEXT
        ) : (
          <Space size={[0, 4]} wrap style={{ maxWidth: 260 }}>
            {user.projects.slice(0, MAX_PROJECT_TAGS).map((p) => (
              <Tag key={p.id}>{p.name}</Tag>
            ))}
            {user.projects.length > MAX_PROJECT_TAGS && <Tag>+{user.projects.length - MAX_PROJECT_TAGS}</Tag>}
          </Space>
        ),
    },
    { title: '状态', key: 'status', render: (_: unknown, user) => <UserStatusTag user={user} /> },
    { title: '上次登录', dataIndex: 'lastLoginAt', render: (value: string | null) => formatDateTime(value) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(user)}>
            编辑
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            重置密码
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <div className="toolbar">
        <Input.Search
          allowClear
          placeholder="搜索用户名或姓名"
          aria-label="搜索用户"
          style={{ maxWidth: 280 }}
          onSearch={(value) => setQ(value.trim() || undefined)}
          enterButton="搜索"
        />
        <Select<Role>
          allowClear
          placeholder="全部角色"
          aria-label="按角色筛选"
          style={{ minWidth: 180 }}
          value={role}
          options={ROLE_OPTIONS}
          onChange={(value) => setRole(value ?? undefined)}
        />
        {canReadOrg && (
          <Select
            allowClear
            placeholder="全部公司"
            aria-label="按公司筛选"
            style={{ minWidth: 180 }}
            value={companyId}
            loading={companies.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? []}
            onChange={(value: string | undefined) => setCompanyId(value)}
          />
        )}
        <span className="toolbar-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建用户
          </Button>
        )}
      </div>
      <PagedTable<User>
        query={query}
        rowKey="id"
        size="middle"
        columns={columns}
        emptyText={q || role || companyId ? '没有符合条件的用户' : '暂无用户'}
      />
      {editing && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
