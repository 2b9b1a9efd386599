import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { GROUP_COMPLAINT_STATUS_LABELS, GROUP_COMPLAINT_TYPE_LABELS } from '../../../common/complaints.ts';
import type { GroupComplaint } from '../../../common/contracts/group-complaints.ts';
import { useSession } from '../../auth/session.tsx';
import { useGroupComplaints } from '../../data/hooks/complaints.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { ProjectFilter } from '../../components/scope-filters.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { EMPTY_TEXT, formatDate } from '../../lib/format.ts';
import { ComplaintAlerts } from './complaint-alerts.tsx';
import { complaintColumns } from './complaint-columns.tsx';
import { GROUP_STATUS_OPTIONS } from './complaint-options.ts';
import { GroupComplaintModal } from './group-complaint-modal.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';

function StatusTag({ status }: { status: GroupComplaint['status'] }) {
  return <Tag color={status === 'active' ? 'orange' : 'green'}>{GROUP_COMPLAINT_STATUS_LABELS[status]}</Tag>;
}

function GroupDetail({ group: g }: { group: GroupComplaint }) {
  const columns = useMemo(() => complaintColumns(), []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {g.members.length > 0 && <div>成员：{g.members.join('、')}</div>}
      {g.strategy && <div className="timeline-detail">应对策略：{g.strategy}</div>}
      <Table rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={g.complaints} locale={{ emptyText: '未关联投诉' }} />
    </Space>
  );
}

/** 群诉管理: open early warnings on top, then the group complaints with their linked complaints. */
export function GroupComplaintsPage() {
  const { can } = useSession();
  const canManage = can('complaints.manage');
  const isPhone = useIsPhone();
  const [projectId, setProjectId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const query = useGroupComplaints({ projectId, status });
  const [editing, setEditing] = useState<GroupComplaint | 'new' | null>(null);

  const columns: NonNullable<TableProps<GroupComplaint>['columns']> = [
    { title: '群诉名称', key: 'title', render: (_: unknown, g) => <Typography.Text strong>{g.title}</Typography.Text> },
    { title: '项目', key: 'project', render: (_: unknown, g) => g.projectName },
    { title: '类型', key: 'type', render: (_: unknown, g) => GROUP_COMPLAINT_TYPE_LABELS[g.type] },
    { title: '状态', key: 'status', render: (_: unknown, g) => <StatusTag status={g.status} /> },
    { title: '带头人', key: 'leader', render: (_: unknown, g) => g.leaderName || EMPTY_TEXT },
    { title: '涉及人数', key: 'memberCount', render: (_: unknown, g) => `${g.memberCount} 人` },
    { title: '关联投诉', key: 'complaints', render: (_: unknown, g) => `${g.complaints.length} 条` },
    { title: '登记日期', key: 'createdAt', render: (_: unknown, g) => formatDate(g.createdAt) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, g: GroupComplaint) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(g)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="群诉管理"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建群诉
            </Button>
          )
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ComplaintAlerts />
        <Card>
          <div className="toolbar">
            <ProjectFilter value={projectId} onChange={setProjectId} />
            <FilterSelect label="状态" value={status} options={GROUP_STATUS_OPTIONS} onChange={(value: string | undefined) => setStatus(value)} />
          </div>
          {isPhone ? (
            <PagedCards<GroupComplaint>
              query={query}
              rowKey={(g) => g.id}
              emptyText="暂无群诉"
              renderItem={(g) => (
                <>
                  <div className="stack-card-head">
                    <Typography.Text strong>{g.title}</Typography.Text>
                    <StatusTag status={g.status} />
                  </div>
                  <div className="stack-card-meta">
                    {g.projectName} · {GROUP_COMPLAINT_TYPE_LABELS[g.type]}
                  </div>
                  <div className="stack-card-meta">
                    带头人 {g.leaderName || EMPTY_TEXT} · {g.memberCount} 人 · 关联投诉 {g.complaints.length} 条
                  </div>
                  {canManage && (
                    <div className="stack-card-actions">
                      <Button icon={<EditOutlined />} onClick={() => setEditing(g)}>
                        编辑
                      </Button>
                    </div>
                  )}
                </>
              )}
            />
          ) : (
            <PagedTable<GroupComplaint>
              query={query}
              rowKey="id"
              size="middle"
              columns={columns}
              emptyText={canManage ? '暂无群诉，点击“新建群诉”登记' : '暂无群诉'}
              expandable={{ expandedRowRender: (g) => <GroupDetail group={g} /> }}
            />
          )}
        </Card>
      </Space>
      {editing && <GroupComplaintModal group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
