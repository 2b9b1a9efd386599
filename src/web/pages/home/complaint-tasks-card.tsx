import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ComplaintCount, ComplaintListItem } from '../../../common/contracts/complaints.ts';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';
import { COMPLAINT_STATUS_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from '../../../common/complaints.ts';
import type { Page } from '../../../common/contracts/common.ts';
import { request } from '../../data/client.ts';
import { QueryError } from '../../components/query-error.tsx';
import { formatDateTime } from '../../lib/format.ts';

const KEY = ['home', 'complaints'] as const;

/** 投诉待办 on the home page: what I handle, what is overdue in my scope, and open early warnings. */
export function ComplaintTasksCard() {
  const mine = useQuery({ queryKey: [...KEY, 'mine'], queryFn: () => request<Page<ComplaintListItem>>('GET', '/complaints', { query: { mine: 'true', status: 'open', limit: 5 } }) });
  const mineCount = useQuery({ queryKey: [...KEY, 'mine-count'], queryFn: () => request<ComplaintCount>('GET', '/complaints/count', { query: { mine: 'true', status: 'open' } }) });
  const overdue = useQuery({ queryKey: [...KEY, 'overdue'], queryFn: () => request<ComplaintCount>('GET', '/complaints/count', { query: { overdue: 'true' } }) });
  const alerts = useQuery({ queryKey: [...KEY, 'alerts'], queryFn: () => request<{ items: ComplaintAlert[]; total: number }>('GET', '/complaint-alerts', { query: { open: 'true', limit: 1 } }) });
  const error = mine.error ?? mineCount.error ?? overdue.error ?? alerts.error;

  return (
    <Card title="投诉待办" extra={<Link to="/complaints?mine=true">我负责的投诉</Link>}>
      {error ? (
        <QueryError error={error} onRetry={() => void Promise.all([mine.refetch(), mineCount.refetch(), overdue.refetch(), alerts.refetch()])} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={8}>
              <Statistic title="我负责未关闭" value={mineCount.data?.total ?? '—'} loading={mineCount.isPending} />
            </Col>
            <Col span={8}>
              <Link to="/complaints?overdue=true">
                <Statistic title="范围内已超时" value={overdue.data?.total ?? '—'} valueStyle={{ color: overdue.data?.total ? '#cf1322' : undefined }} loading={overdue.isPending} />
              </Link>
            </Col>
            <Col span={8}>
              <Statistic title="群诉预警" value={alerts.data?.total ?? '—'} valueStyle={{ color: alerts.data?.total ? '#d46b08' : undefined }} loading={alerts.isPending} />
            </Col>
          </Row>
          <List<ComplaintListItem>
            size="small"
            loading={mine.isPending}
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无由您负责的未关闭投诉" /> }}
            renderItem={(c) => (
              <List.Item extra={c.overdue ? <Badge status="error" text="已超时" /> : null}>
                <List.Item.Meta
                  title={<Link to={`/complaints/${c.id}`}>{c.no} {c.title}</Link>}
                  description={
                    <Typography.Text type="secondary">
                      <Tag color={SEVERITY_COLORS[c.severity]}>{SEVERITY_LABELS[c.severity]}</Tag>
                      {COMPLAINT_STATUS_LABELS[c.status]} · {c.projectName} · {formatDateTime(c.filedAt)}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
