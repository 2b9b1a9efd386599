import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, Input, Select } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Project } from '../../../common/contracts/org.ts';
import { useCompanyOptions, useDeleteProject, useProjects } from '../../data/hooks/org.ts';
import { useSession } from '../../auth/session.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { ProjectStatusTag } from '../../components/status-tags.tsx';
import { formatNumber } from '../../lib/format.ts';
import { ProjectFormModal } from './project-form-modal.tsx';
import { EditDeleteActions } from '../../components/edit-delete-actions.tsx';

export function ProjectsCard() {
  const { can } = useSession();
  const canManage = can('org.manage');
  // Filters live in the address so 「返回」 from a project keeps them.
  const [searchParams, setSearchParams] = useSearchParams();
  const companyId = searchParams.get('companyId') ?? undefined;
  const q = searchParams.get('q') ?? undefined;
  const [searchText, setSearchText] = useState(q ?? '');
  const companies = useCompanyOptions();
  const query = useProjects({ companyId, q });
  const remove = useDeleteProject();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);

  const setFilter = (key: 'companyId' | 'q', value: string | undefined) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const columns: TableProps<Project>['columns'] = [
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (name: string, project) => <Link to={`/org/projects/${project.id}`}>{name}</Link>,
    },
    { title: '项目编码', dataIndex: 'code' },
    { title: '所属公司', dataIndex: 'companyName' },
    { title: '城市', dataIndex: 'city' },
    { title: '状态', dataIndex: 'status', render: (_: unknown, project) => <ProjectStatusTag status={project.status} /> },
    { title: '楼栋数', dataIndex: 'buildingCount', align: 'right', render: (n: number) => formatNumber(n) },
    { title: '房源数', dataIndex: 'unitCount', align: 'right', render: (n: number) => formatNumber(n) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, project) => (
        <EditDeleteActions onEdit={() => setEditing(project)} onDelete={() => remove.mutateAsync({ id: project.id, version: project.version })} deletedMessage="项目已删除" deleteNote={project.buildingCount > 0 ? '该项目下仍有楼栋，需先删除楼栋' : undefined} />
      ),
    });
  }

  const filtered = Boolean(companyId || q);

  return (
    <Card
      title="项目"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建项目
          </Button>
        )
      }
    >
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
          onChange={(value: string | undefined) => setFilter('companyId', value)}
        />
        <Input.Search
          allowClear
          placeholder="搜索项目名称或编码"
          aria-label="搜索项目"
          style={{ maxWidth: 320 }}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          enterButton="搜索"
        />
      </div>
      <PagedTable<Project>
        query={query}
        rowKey="id"
        size="middle"
        columns={columns}
        emptyText={filtered ? '没有符合条件的项目' : canManage ? '暂无项目，点击“新建项目”添加' : '您的数据范围内暂无项目'}
      />
      {editing && (
        <ProjectFormModal
          project={editing === 'new' ? undefined : editing}
          defaultCompanyId={companyId}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
