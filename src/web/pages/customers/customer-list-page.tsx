import { DownloadOutlined, PlusOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Prospect } from '../../../common/contracts/customers.ts';
import { useSession } from '../../auth/session.tsx';
import type { ProspectFilters } from '../../data/hooks/prospects.ts';
import { exportProspects, useProspects } from '../../data/hooks/prospects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { CustomerCreateModal } from './customer-create-modal.tsx';
import { ProspectCard, prospectColumns } from './prospect-columns.tsx';
import { ProspectFilterBar } from './prospect-filter-bar.tsx';
import { filterRecord, isFiltered, readFilters } from './prospect-filters.ts';
import { ReassignModal } from './reassign-modal.tsx';
import { SavedFilters } from './saved-filters.tsx';

export function CustomerListPage() {
  const { can } = useSession();
  const canWrite = can('customers.write');
  const canAssign = can('customers.assign') && can('users.read');
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  // Filters live in the address: 「返回」 from a customer keeps them, and a link can carry them.
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const query = useProspects(filters);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);

  const replaceFilters = (next: ProspectFilters) => {
    setSelected([]);
    setSearchParams(new URLSearchParams(filterRecord(next)), { replace: true });
  };
  const changeFilters = (patch: ProspectFilters) => replaceFilters({ ...filters, ...patch });

  const runExport = async () => {
    setExporting(true);
    try {
      await exportProspects(filters);
      void message.success('导出文件已开始下载');
    } catch (error) {
      handleError(error);
    } finally {
      setExporting(false);
    }
  };

  const emptyText = isFiltered(filters)
    ? '没有符合条件的客户'
    : canWrite
      ? '暂无客户，点击“新增客户”登记'
      : '您的数据范围内暂无客户';

  return (
    <>
      <PageHeader
        title="客户"
        extra={
          <Space wrap>
            {can('customers.import') && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate('/customers/import')}>
                导入
              </Button>
            )}
            {can('customers.export') && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()}>
                导出
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增客户
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <ProspectFilterBar
          filters={filters}
          onChange={changeFilters}
          onClear={() => replaceFilters(filters.sort ? { sort: filters.sort } : {})}
          showOwner={canAssign}
          extra={
            <>
              <SavedFilters filters={filters} onApply={replaceFilters} />
              <span className="toolbar-grow" />
              {canAssign && selected.length > 0 && (
                <Button icon={<SwapOutlined />} onClick={() => setReassigning(true)}>
                  批量调整归属（{selected.length}）
                </Button>
              )}
            </>
          }
        />
        {isPhone ? (
          <PagedCards<Prospect>
            query={query}
            rowKey={(p) => p.id}
            emptyText={emptyText}
            renderItem={(p) => <ProspectCard prospect={p} />}
          />
        ) : (
          <PagedTable<Prospect>
            query={query}
            rowKey="id"
            size="middle"
            columns={prospectColumns()}
            emptyText={emptyText}
            rowSelection={
              canAssign
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (p) => ({ disabled: p.inPool, 'aria-label': `选择 ${p.customer.name}` }),
                  }
                : undefined
            }
          />
        )}
      </Card>
      {creating && <CustomerCreateModal defaultProjectId={filters.projectId} onClose={() => setCreating(false)} />}
      {reassigning && (
        <ReassignModal interestIds={selected} onClose={() => setReassigning(false)} onDone={() => setSelected([])} />
      )}
    </>
  );
}
