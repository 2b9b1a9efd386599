import { PermissionTags } from '../../components/permission-tags.tsx';
import { Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import type { Project } from '../../../common/contracts/org.ts';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../common/roles.ts';
import { useProjects } from '../../data/hooks/org.ts';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ProjectStatusTag } from '../../components/status-tags.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { SCOPE_EXPLANATIONS } from '../../lib/labels.ts';
import { ComplaintTasksCard } from './complaint-tasks-card.tsx';

const projectColumns: TableProps<Project>['columns'] = [
  {
    title: '项目名称',
    dataIndex: 'name',
    render: (name: string, project) => <Link to={`/org/projects/${project.id}`}>{name}</Link>,
  },
  { title: '所属公司', dataIndex: 'companyName' },
  { title: '城市', dataIndex: 'city' },
  { title: '状态', dataIndex: 'status', render: (_: unknown, project) => <ProjectStatusTag status={project.status} /> },
];

function VisibleProjects() {
  const query = useProjects({}, 10);
  const projects = query.data?.pages[0]?.items ?? [];
  return (
    <Card title="我可见的项目" extra={<Link to="/org">查看全部</Link>}>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Project>
          size="small"
          rowKey="id"
          columns={projectColumns}
          dataSource={projects}
          loading={query.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: query.isPending ? ' ' : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您的数据范围内暂无项目" />
            ),
          }}
        />
      )}
    </Card>
  );
}

export function HomePage() {
  const { me, can } = useSession();

  return (
    <>
      <PageHeader title="工作台">
        <Typography.Text type="secondary">
          {me.displayName}，您好！上次登录：{formatDateTime(me.lastLoginAt)}
        </Typography.Text>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="我的组织" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'group', label: '集团', children: me.group.name },
                { key: 'company', label: '公司', children: me.company?.name ?? '集团总部（不限公司）' },
                { key: 'team', label: '团队', children: me.team?.name ?? '未加入团队' },
                {
                  key: 'projects',
                  label: '负责项目',
                  children:
                    me.projects.length > 0 ? (
                      <Space size={[4, 4]} wrap>
                        {me.projects.map((project) =>
                          can('org.read') ? (
                            <Link key={project.id} to={`/org/projects/${project.id}`}>
                              <Tag color="blue">{project.name}</Tag>
                            </Link>
                          ) : (
                            <Tag key={project.id} color="blue">
                              {project.name}
                            </Tag>
                          ),
                        )}
                      </Space>
                    ) : (
                      '未分配项目'
                    ),
                },
                { key: 'username', label: '用户名', children: me.username },
                { key: 'lastLogin', label: '上次登录', children: formatDateTime(me.lastLoginAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="数据范围" style={{ height: '100%' }}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <div>
                <Tag color="geekblue" style={{ fontSize: 14, padding: '2px 10px' }}>
                  {DATA_SCOPE_LABELS[me.scope]}
                </Tag>
                <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                  {DATA_SCOPE_LABELS[me.scope]}：{SCOPE_EXPLANATIONS[me.scope]}
                </Typography.Paragraph>
              </div>
              <Statistic title="可见项目数" value={me.visibleProjectCount} formatter={(v) => formatNumber(Number(v))} suffix="个" />
            </Space>
          </Card>
        </Col>
        {can('complaints.read') && (
          <Col xs={24}>
            <ComplaintTasksCard />
          </Col>
        )}
        <Col xs={24}>
          <Card title="角色与权限">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'role', label: '角色', children: ROLE_LABELS[me.role] },
                {
                  key: 'permissions',
                  label: '权限',
                  children: <PermissionTags permissions={me.permissions} empty={<Typography.Text type="secondary">当前角色暂无后台管理权限，如需开通请联系系统管理员</Typography.Text>} />,
                },
              ]}
            />
          </Card>
        </Col>
        {can('org.read') && (
          <Col xs={24}>
            <VisibleProjects />
          </Col>
        )}
      </Row>
    </>
  );
}
