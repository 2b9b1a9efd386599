import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, Select } from 'antd';
import { useState } from 'react';
import type { Team } from '../../../common/contracts/users.ts';
import { useCompanyOptions } from '../../data/hooks/org.ts';
import { useDeleteTeam, useTeams } from '../../data/hooks/teams.ts';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { EMPTY_TEXT, formatNumber } from '../../lib/format.ts';
import { TeamFormModal } from './team-form-modal.tsx';
import { EditDeleteActions } from '../../components/edit-delete-actions.tsx';

export function TeamsPage() {
  const { can } = useSession();
  const canManage = can('org.manage');
  const canReadOrg = can('org.read');
  const [companyId, setCompanyId] = useState<string | undefined>(undefined);
  const companies = useCompanyOptions(canReadOrg);
  const query = useTeams(companyId);
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  const columns: TableProps<Team>['columns'] = [
    { title: '团队名称', dataIndex: 'name' },
    { title: '所属公司', dataIndex: 'companyName' },
    { title: '所属项目', dataIndex: 'projectName', render: (name: string | null) => name ?? '不限项目' },
    { title: '负责人', dataIndex: 'leader', render: (_: unknown, team) => team.leader?.name ?? EMPTY_TEXT },
    { title: '成员数', dataIndex: 'memberCount', align: 'right', render: (n: number) => formatNumber(n) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, team) => (
        <EditDeleteActions onEdit={() => setEditing(team)} onDelete={() => remove.mutateAsync({ id: team.id, version: team.version })} deletedMessage="团队已删除" deleteNote={team.memberCount > 0 ? '团队成员将不再属于任何团队' : undefined} />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="团队"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建团队
            </Button>
          )
        }
      />
      <Card>
        {canReadOrg && (
          <div className="toolbar">
            <Select
              allowClear
              placeholder="全部公司"
              aria-label="按公司筛选"
              style={{ minWidth: 200 }}
              value={companyId}
              loading={companies.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? []}
              onChange={(value: string | undefined) => setCompanyId(value)}
            />
          </div>
        )}
        <PagedTable<Team>
          query={query}
          rowKey="id"
          size="middle"
          columns={columns}
          emptyText={companyId ? '该公司暂无团队' : canManage ? '暂无团队，点击“新建团队”添加' : '暂无团队'}
        />
      </Card>
      {editing && (
        <TeamFormModal
          team={editing === 'new' ? undefined : editing}
          defaultCompanyId={companyId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
