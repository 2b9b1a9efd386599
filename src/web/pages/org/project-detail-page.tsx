import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../data/client.ts';
import { useBuildings, useDeleteProject, useProject } from '../../data/hooks/org.ts';
import { useSession } from '../../auth/session.tsx';
import { ConfirmDeleteButton } from '../../components/confirm-delete-button.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ProjectStatusTag } from '../../components/status-tags.tsx';
import { EMPTY_TEXT, formatDateTime, formatNumber } from '../../lib/format.ts';
import { BuildingFormModal } from './building-form-modal.tsx';
import { BuildingPanel } from './building-panel.tsx';
import { ProjectFormModal } from './project-form-modal.tsx';

function Buildings({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const buildings = useBuildings(projectId);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = buildings.data ?? [];
  const active = list.find((b) => b.id === activeId) ?? list[0];

  let content;
  if (buildings.isPending) content = <Skeleton active />;
  else if (buildings.isError) content = <QueryError error={buildings.error} onRetry={() => void buildings.refetch()} />;
  else if (list.length === 0) {
    content = (
      <Empty description={canManage ? '暂无楼栋，点击“新建楼栋”添加' : '该项目暂无楼栋'}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建楼栋
          </Button>
        )}
      </Empty>
    );
  } else {
    content = (
      <Tabs
        activeKey={active?.id}
        onChange={setActiveId}
        destroyOnHidden
        items={list.map((building) => ({
          key: building.id,
          label: building.name,
          children: (
            <BuildingPanel building={building} canManage={canManage} onDeleted={() => setActiveId(undefined)} />
          ),
        }))}
      />
    );
  }

  return (
    <Card
      title={`楼栋与房源${list.length > 0 ? `（${list.length} 栋）` : ''}`}
      extra={
        canManage &&
        list.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建楼栋
          </Button>
        )
      }
    >
      {content}
      {creating && (
        <BuildingFormModal
          projectId={projectId}
          onClose={() => setCreating(false)}
          onSaved={(building) => setActiveId(building.id)}
        />
      )}
    </Card>
  );
}

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const canManage = can('org.manage');
  const navigate = useNavigate();
  const project = useProject(id);
  const deleteProject = useDeleteProject();
  const [editing, setEditing] = useState(false);

  if (project.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (project.isError) {
    if (isApiError(project.error) && (project.error.status === 404 || project.error.status === 400)) {
      return (
        <Result
          status="404"
          title="项目不存在"
          subTitle="该项目不存在、已被删除，或不在您的数据范围内。"
          extra={
            <Button type="primary" onClick={() => void navigate('/org')}>
              返回项目列表
            </Button>
          }
        />
      );
    }
    if (isApiError(project.error) && project.error.status === 403) {
      return <Result status="403" title="无权访问此项目" subTitle={project.error.userMessage} />;
    }
    return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  }

  const p = project.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/org">组织与房源</Link> }, { title: p.name }]} />
      <Card
        title={
          <Space wrap>
            <Link to="/org" aria-label="返回项目列表">
              <ArrowLeftOutlined />
            </Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {p.name}
            </Typography.Title>
            <ProjectStatusTag status={p.status} />
          </Space>
        }
        extra={
          canManage && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑项目
              </Button>
              <ConfirmDeleteButton
                type="default"
                size="middle"
                onConfirm={() => deleteProject.mutateAsync({ id: p.id, version: p.version })}
                successMessage="项目已删除"
                onDone={() => void navigate('/org', { replace: true })}
                description={p.buildingCount > 0 ? '该项目下仍有楼栋，需先删除楼栋' : undefined}
              >
                删除项目
              </ConfirmDeleteButton>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: '项目编码', children: p.code },
            { key: 'company', label: '所属公司', children: p.companyName },
            { key: 'city', label: '城市', children: p.city },
            { key: 'address', label: '地址', children: p.address || EMPTY_TEXT },
            { key: 'buildings', label: '楼栋数', children: `${formatNumber(p.buildingCount)} 栋` },
            { key: 'units', label: '房源数', children: `${formatNumber(p.unitCount)} 套` },
            { key: 'created', label: '创建时间', children: formatDateTime(p.createdAt) },
            { key: 'updated', label: '更新时间', children: formatDateTime(p.updatedAt) },
          ]}
        />
      </Card>
      <Buildings projectId={p.id} canManage={canManage} />
      {editing && <ProjectFormModal project={p} onClose={() => setEditing(false)} />}
    </Space>
  );
}
