import { PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card } from 'antd';
import { useState } from 'react';
import type { Company } from '../../../common/contracts/org.ts';
import { useCompanies, useDeleteCompany } from '../../data/hooks/org.ts';
import { useSession } from '../../auth/session.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatNumber } from '../../lib/format.ts';
import { CompanyFormModal } from './company-form-modal.tsx';
import { EditDeleteActions } from '../../components/edit-delete-actions.tsx';

export function CompaniesCard() {
  const { can } = useSession();
  const canManage = can('org.manage');
  const query = useCompanies();
  const remove = useDeleteCompany();
  const [editing, setEditing] = useState<Company | 'new' | null>(null);

  const columns: TableProps<Company>['columns'] = [
    { title: '公司名称', dataIndex: 'name' },
    { title: '城市', dataIndex: 'city' },
    { title: '编码', dataIndex: 'code' },
    { title: '项目数', dataIndex: 'projectCount', align: 'right', render: (n: number) => formatNumber(n) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, company) => (
        <EditDeleteActions onEdit={() => setEditing(company)} onDelete={() => remove.mutateAsync({ id: company.id, version: company.version })} deletedMessage="公司已删除" deleteNote={company.projectCount > 0 ? '该公司下仍有项目，需先删除项目' : undefined} />
      ),
    });
  }

  return (
    <Card
      title="公司"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建公司
          </Button>
        )
      }
    >
      <PagedTable<Company>
        query={query}
        rowKey="id"
        size="middle"
        columns={columns}
        emptyText={canManage ? '暂无公司，点击“新建公司”添加' : '暂无公司'}
      />
      {editing && <CompanyFormModal company={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
