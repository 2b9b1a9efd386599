import { WarningOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ALERT_KIND_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';
import { QueryError } from '../../components/query-error.tsx';
import type { ComplaintScope } from '../../data/hooks/complaint-reports.ts';
import { useOpenComplaintAlerts } from '../../data/hooks/complaint-reports.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

function inScope(alert: ComplaintAlert, scope: ComplaintScope): boolean {
  if (scope.projectId) return alert.projectId === scope.projectId;
  if (scope.companyId) return alert.companyId === scope.companyId;
  return true;
}

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

/** Early warnings (投诉预警) still open in the chosen company or project. */
export function OpenAlerts({ scope }: { scope: ComplaintScope }) {
  const alerts = useOpenComplaintAlerts();
  const items = (alerts.data ?? []).filter((alert) => inScope(alert, scope));

  return (
    <Card
      title={
        <Space>
          投诉预警
          <Badge count={items.length} showZero={false} />
        </Space>
      }
    >
      {alerts.isError ? (
        <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Spin spinning={alerts.isPending}>
          {items.length > 0 ? (
            <ul className="plain-list card-stack">
              {items.map((alert) => (
                <AlertItem key={alert.id} alert={alert} />
              ))}
            </ul>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={alerts.isPending ? '加载中…' : '暂无未解除的预警'} />
          )}
        </Spin>
      )}
    </Card>
  );
}
