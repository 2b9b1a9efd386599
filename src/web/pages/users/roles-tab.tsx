import { CheckOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Table, Tag, Typography } from 'antd';
import { DATA_SCOPE_LABELS, PERMISSIONS, ROLE_LABELS } from '../../../common/roles.ts';
import type { RoleInfo } from '../../data/hooks/users.ts';
import { useRoles } from '../../data/hooks/users.ts';
import { useSession } from '../../auth/session.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { permissionLabel } from '../../lib/labels.ts';

/** Roles × permissions: what each role may do, and the data scope it gets by default. */
export function RolesTab() {
  const { me } = useSession();
  const roles = useRoles();
  if (roles.isError) return <QueryError error={roles.error} onRetry={() => void roles.refetch()} />;

  const extra = [...new Set((roles.data ?? []).flatMap((r) => r.permissions))].filter(
    (p) => !(PERMISSIONS as readonly string[]).includes(p),
  );
  const permissions: string[] = [...PERMISSIONS, ...extra];

  const columns: TableProps<RoleInfo>['columns'] = [
    {
      title: '角色',
      dataIndex: 'code',
      fixed: 'left',
      render: (_: unknown, role) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {ROLE_LABELS[role.code] ?? role.label}
          {role.code === me.role && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              当前角色
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: '默认数据范围',
      dataIndex: 'defaultScope',
      render: (_: unknown, role) => DATA_SCOPE_LABELS[role.defaultScope],
    },
    ...permissions.map((permission) => ({
      title: permissionLabel(permission),
      key: permission,
      align: 'center' as const,
      render: (_: unknown, role: RoleInfo) =>
        role.permissions.includes(permission) ? (
          <CheckOutlined style={{ color: '#52c41a' }} aria-label="有此权限" />
        ) : (
          <Typography.Text type="secondary" aria-label="无此权限">
            —
          </Typography.Text>
        ),
    })),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        角色决定能做什么，数据范围决定能看到哪些数据。新建用户时按角色自动填入默认数据范围，管理员可按需调整。
      </Typography.Paragraph>
      <Table<RoleInfo>
        rowKey="code"
        size="middle"
        bordered
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
