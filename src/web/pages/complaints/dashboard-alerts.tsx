import { WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ALERT_KIND_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';
import { QueryError } from '../../components/query-error.tsx';
import type { ComplaintScope } from '../../data/hooks/complaint-reports.ts';
import { useOpenComplaintAlerts } from '../../data/hooks/complaint-reports.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

// What the warning is about: 「某项目 · 3号楼 · 工程质量」 or the shared issue's name.
function subject(alert: ComplaintAlert): string {
  const parts = [alert.projectName, alert.buildingName, alert.specialty ? SPECIALTY_LABELS[alert.specialty] : null];
  return parts.filter(Boolean).join(' · ');
}

function AlertItem({ alert }: { alert: ComplaintAlert }) {
  return (
    <li className="stack-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Tag color="volcano" icon={<WarningOutlined />}>
            {ALERT_KIND_LABELS[alert.kind]}
          </Tag>
          <Typography.Text strong>{subject(alert)}</Typography.Text>
          {alert.issueTitle && <Typography.Text>问题：{alert.issueTitle}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          涉及 {formatNumber(alert.customerCount)} 位客户 · 预警时间 {formatDateTime(alert.raisedAt)}
        </Typography.Text>
        <Space wrap size={[12, 4]}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            相关投诉：
          </Typography.Text>
          {alert.complaintIds.map((id, index) => (
            <Link key={id} to={`/complaints/${id}`}>
              投诉 {index + 1}
            </Link>
          ))}
        </Space>
      </Space>
    </li>
  );
}

/** Early warnings (投诉预警) still open in the chosen company or project: filtered and paged by
 * the server, newest first, with the total and 「加载更多」. */
export function OpenAlerts({ scope }: { scope: ComplaintScope }) {
  const alerts = useOpenComplaintAlerts(scope);
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const total = alerts.data?.pages[0]?.total ?? 0;

  return (
    <Card
      title={
        <Space>
          投诉预警
          <Badge count={total} overflowCount={999} showZero={false} />
        </Space>
      }
    >
      {alerts.isError && !alerts.data ? (
        <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Spin spinning={alerts.isPending || (alerts.isFetching && !alerts.isFetchingNextPage && alerts.isPlaceholderData)}>
          {items.length > 0 ? (
            <>
              <ul className="plain-list card-stack">
                {items.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} />
                ))}
              </ul>
              <div className="paged-table-footer">
                {alerts.hasNextPage && (
                  <Button onClick={() => void alerts.fetchNextPage()} loading={alerts.isFetchingNextPage}>
                    加载更多
                  </Button>
                )}
                <Typography.Text type="secondary">
                  共 {formatNumber(total)} 条预警，已显示 {formatNumber(items.length)} 条
                </Typography.Text>
              </div>
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={alerts.isPending ? '加载中…' : '暂无未解除的预警'} />
          )}
        </Spin>
      )}
    </Card>
  );
}
