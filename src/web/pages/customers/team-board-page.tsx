import { ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TeamBoardRow } from '../../data/hooks/prospects.ts';
import { useTeamBoard } from '../../data/hooks/prospects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ProjectFilter } from '../../components/scope-filters.tsx';
import { formatNumber } from '../../lib/format.ts';
import { ReassignModal } from './reassign-modal.tsx';
import { SalesSettingsCard } from './sales-settings-card.tsx';

type Reassigning = { fromOwnerId?: string } | null;

/** 「团队跟进」: each consultant's load and what is due, ownership changes, and the project's rules. */
export function TeamBoardPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const projectId = searchParams.get('projectId') ?? undefined;
  const board = useTeamBoard(projectId);
  const [reassigning, setReassigning] = useState<Reassigning>(null);

  const customersOf = (ownerId: string) => {
    const params = new URLSearchParams({ ownerId });
    if (projectId) params.set('projectId', projectId);
    return `/customers?${params.toString()}`;
  };
  const count = (value: number) => formatNumber(value);

  const columns: TableProps<TeamBoardRow>['columns'] = [
    {
      title: '置业顾问',
      key: 'owner',
      render: (_: unknown, row) => <Link to={customersOf(row.owner.id)}>{row.owner.name}</Link>,
    },
    { title: '负责客户', dataIndex: 'total', align: 'right', render: count },
    { title: '今日待跟进', dataIndex: 'today', align: 'right', render: count },
    {
      title: '逾期',
      dataIndex: 'overdue',
      align: 'right',
      render: (value: number) =>
        value > 0 ? (
          <Typography.Text type="danger" strong className="overdue-count">
            {count(value)}
          </Typography.Text>
        ) : (
          count(value)
        ),
    },
    { title: '新分配', dataIndex: 'newlyAssigned', align: 'right', render: count },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setReassigning({ fromOwnerId: row.owner.id })}>
          调整归属
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="团队跟进"
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={board.isFetching && !board.isPending} onClick={() => void board.refetch()}>
              刷新
            </Button>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setReassigning({})}>
              批量调整归属
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <div className="toolbar">
            <ProjectFilter
              ariaLabel="选择项目"
              minWidth={220}
              value={projectId}
              onChange={(value) => setSearchParams(value ? { projectId: value } : {}, { replace: true })}
            />
          </div>
          {board.isError ? (
            <QueryError error={board.error} onRetry={() => void board.refetch()} />
          ) : (
            <Table<TeamBoardRow>
              rowKey={(row) => row.owner.id}
              size="middle"
              columns={columns}
              dataSource={board.data ?? []}
              loading={board.isPending}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{
                emptyText: board.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无置业顾问的客户数据" />,
              }}
            />
          )}
        </Card>
        <SalesSettingsCard projectId={projectId} editable />
      </Space>
      {reassigning && (
        <ReassignModal
          defaultFromOwnerId={reassigning.fromOwnerId}
          defaultProjectId={projectId}
          onClose={() => setReassigning(null)}
        />
      )}
    </>
  );
}
