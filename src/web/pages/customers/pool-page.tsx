import { ImportOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Prospect } from '../../../common/contracts/customers.ts';
import { isApiError } from '../../data/client.ts';
import { useClaimProspect, usePool } from '../../data/hooks/prospects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { ProjectFilter } from '../../components/scope-filters.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { EMPTY_TEXT } from '../../lib/format.ts';
import { ProspectCard, prospectColumns } from './prospect-columns.tsx';

// The pool has no owner and no due date: those columns say nothing here.
const HIDDEN_KEYS = new Set(['owner', 'nextFollowUpAt']);

/** 「公客池」: prospects reclaimed for lack of follow-up, open to any consultant of the project. */
export function PoolPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const projectId = searchParams.get('projectId') ?? undefined;
  const query = usePool(projectId);
  const claim = useClaimProspect();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const isPhone = useIsPhone();
  const [claimingId, setClaimingId] = useState<string | null>(null);
  const [limitMessage, setLimitMessage] = useState<string | null>(null);

  const claimOne = async (prospect: Prospect) => {
    setClaimingId(prospect.id);
    try {
      await claim.mutateAsync(prospect.id);
      setLimitMessage(null);
      void message.success(`已领取：${prospect.customer.name}`);
    } catch (error) {
      // The limit is worth keeping on screen; anything else (e.g. claimed by someone first) is a toast.
      if (isApiError(error, 'POOL_CLAIM_LIMIT')) setLimitMessage(error.userMessage);
      else handleError(error);
      void query.refetch();
    } finally {
      setClaimingId(null);
    }
  };

  const claimButton = (prospect: Prospect) => (
    <Button
      type="primary"
      size={isPhone ? 'middle' : 'small'}
      icon={<ImportOutlined />}
      loading={claimingId === prospect.id}
      disabled={claimingId !== null && claimingId !== prospect.id}
      onClick={() => void claimOne(prospect)}
    >
      领取
    </Button>
  );

  const columns: TableProps<Prospect>['columns'] = [
    ...prospectColumns({ link: false }).filter((column) => !HIDDEN_KEYS.has(String(column.key))),
    { title: '回收原因', dataIndex: 'poolReason', render: (reason: string) => reason || EMPTY_TEXT },
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, prospect) => claimButton(prospect) },
  ];

  return (
    <>
      <PageHeader title="公客池" />
      <Card>
        <div className="toolbar">
          <ProjectFilter
            ariaLabel="选择项目"
            minWidth={220}
            value={projectId}
            onChange={(value) => setSearchParams(value ? { projectId: value } : {}, { replace: true })}
          />
        </div>
        {limitMessage && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={limitMessage}
            closable={{ onClose: () => setLimitMessage(null) }}
          />
        )}
        {isPhone ? (
          <PagedCards<Prospect>
            query={query}
            rowKey={(p) => p.id}
            emptyText="公客池暂无客户"
            renderItem={(p) => (
              <ProspectCard prospect={p} link={false} showOwner={false} showDue={false} actions={claimButton(p)}>
                <div className="stack-card-meta">回收原因：{p.poolReason || EMPTY_TEXT}</div>
              </ProspectCard>
            )}
          />
        ) : (
          <PagedTable<Prospect> query={query} rowKey="id" size="middle" columns={columns} emptyText="公客池暂无客户" />
        )}
      </Card>
    </>
  );
}
