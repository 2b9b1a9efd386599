import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiToken } from '../../../common/contracts/users.ts';
import type { Role } from '../../../common/roles.ts';
import { ROLE_LABELS } from '../../../common/roles.ts';
import type { ApiTokenCreated } from '../../data/hooks/tokens.ts';
import { useApiTokens, useRevokeApiToken } from '../../data/hooks/tokens.ts';
import { ConfirmDeleteButton } from '../../components/confirm-delete-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { TokenCreateModal } from './token-create-modal.tsx';
import { TokenSecretModal } from './token-secret-modal.tsx';

export function TokensPage() {
  const query = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const columns: TableProps<ApiToken>['columns'] = [
    { title: '名称', dataIndex: 'name' },
    { title: '角色', dataIndex: 'role', render: (role: Role) => ROLE_LABELS[role] },
    { title: '前缀', dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: '创建人', key: 'owner', render: (_: unknown, token) => token.owner.name },
    { title: '创建时间', dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
    { title: '最近使用', dataIndex: 'lastUsedAt', render: (value: string | null) => (value ? formatDateTime(value) : '从未使用') },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, token) =>
        token.revokedAt ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, token) =>
        token.revokedAt ? (
          <Typography.Text type="secondary">吊销于 {formatDateTime(token.revokedAt)}</Typography.Text>
        ) : (
          <ConfirmDeleteButton
            onConfirm={() => revoke.mutateAsync(token.id)}
            title="确定吊销？此操作不可撤销"
            description="使用该令牌的集成将立即无法调用接口。"
            okText="吊销"
            successMessage="吊销成功"
            icon={<StopOutlined />}
          >
            吊销
          </ConfirmDeleteButton>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="API 令牌"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建令牌
          </Button>
        }
      >
        <Typography.Text type="secondary">供外部系统（如官网、渠道平台）调用接口使用，每个令牌拥有所选角色的权限。</Typography.Text>
      </PageHeader>
      <Card>
        <PagedTable<ApiToken>
          query={query}
          rowKey="id"
          size="middle"
          columns={columns}
          emptyText="暂无令牌，点击“新建令牌”创建"
        />
      </Card>
      {creating && (
        <TokenCreateModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreated(token);
          }}
        />
      )}
      {created && <TokenSecretModal token={created} onClose={() => setCreated(null)} />}
    </>
  );
}
