import { Alert, Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ALERT_KIND_LABELS, SPECIALTY_LABELS } from '../../../common/complaints.ts';
import type { ComplaintAlert } from '../../../common/contracts/group-complaints.ts';
import { useOpenComplaintAlerts } from '../../data/hooks/complaint-reports.ts';
import { QueryError } from '../../components/query-error.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

function alertTitle(a: ComplaintAlert): string {
  const where = [a.projectName, a.buildingName].filter(Boolean).join(' ');
  const what = a.issueTitle ?? (a.specialty ? SPECIALTY_LABELS[a.specialty] : '');
  return `投诉预警（${ALERT_KIND_LABELS[a.kind]}）：${where}${what ? ` · ${what}` : ''}，30 天内 ${a.customerCount} 位客户投诉`;
}

const WHOLE_SCOPE = {};

/** 投诉预警 still open in the caller's scope: 3+ customers on one issue, or in one building and
 * specialty, within 30 days. Paged by the server, newest first, with 「加载更多」. */
export function ComplaintAlerts() {
  const alerts = useOpenComplaintAlerts(WHOLE_SCOPE);
  if (alerts.isPending) return null;
  if (alerts.isError && !alerts.data) return <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const total = alerts.data?.pages[0]?.total ?? 0;
  if (items.length === 0) return null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        未解除的投诉预警共 {formatNumber(total)} 条{total > items.length ? `，已显示 ${formatNumber(items.length)} 条` : ''}
      </Typography.Text>
      {items.map((a) => (
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
      {alerts.hasNextPage && (
        <Button onClick={() => void alerts.fetchNextPage()} loading={alerts.isFetchingNextPage}>
          加载更多
        </Button>
      )}
    </Space>
  );
}
