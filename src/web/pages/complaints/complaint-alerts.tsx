import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ALERT_KIND_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';
import { useComplaintAlerts } from '../../data/hooks/complaints.ts';
import { QueryError } from '../../components/query-error.tsx';
import { formatDateTime } from '../../lib/format.ts';

function alertTitle(a: ComplaintAlert): string {
  const where = [a.projectName, a.buildingName].filter(Boolean).join(' ');
  const what = a.issueTitle ?? (a.specialty ? SPECIALTY_LABELS[a.specialty] : '');
  return `投诉预警（${ALERT_KIND_LABELS[a.kind]}）：${where}${what ? ` · ${what}` : ''}，30 天内 ${a.customerCount} 位客户投诉`;
}

/** 投诉预警 still open: 3+ customers on one issue, or in one building and specialty, within 30 days. */
export function ComplaintAlerts() {
  const alerts = useComplaintAlerts(true);
  if (alerts.isPending) return null;
  if (alerts.isError) return <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  if (alerts.data.length === 0) return null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {alerts.data.map((a) => (
        <Alert
          key={a.id}
          type="warning"
          showIcon
          title={alertTitle(a)}
          description={
            <Space wrap size={[12, 4]}>
              <Typography.Text type="secondary">预警时间 {formatDateTime(a.raisedAt)}</Typography.Text>
              <span>相关投诉：</span>
              {a.complaintIds.map((id, index) => (
                <Link key={id} to={`/complaints/${id}`}>
                  投诉 {index + 1}
                </Link>
              ))}
            </Space>
          }
        />
      ))}
    </Space>
  );
}
