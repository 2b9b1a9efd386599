import { Card, Col, Row, Statistic } from 'antd';
import type { ComplaintDashboard } from '../../../common/contracts/complaint-reports.ts';
import { formatNumber } from '../../lib/format.ts';

const countOf = (dashboard: ComplaintDashboard, key: string) => dashboard.bySeverity.find((row) => row.key === key)?.count ?? 0;

export type CountItem = { key: string; title: string; value: number; danger?: boolean };

/** A row of counts (件), red where something needs attention; shared by the dashboard and reports. */
export function CountCards({ items }: { items: CountItem[] }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col key={item.key} xs={12} xl={6}>
          <Card size="small">
            <Statistic
              title={item.title}
              value={item.value}
              suffix="件"
              formatter={(v) => formatNumber(Number(v))}
              styles={item.danger ? { content: { color: '#cf1322' } } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The year's headline numbers. */
export function DashboardTotals({ dashboard }: { dashboard: ComplaintDashboard }) {
  const major = countOf(dashboard, 'major');
  const items = [
    { key: 'total', title: '投诉总数', value: dashboard.total },
    { key: 'open', title: '未关闭', value: dashboard.open, danger: false },
    { key: 'major', title: '重大投诉', value: major, danger: major > 0 },
    { key: 'alerts', title: '未解除预警', value: dashboard.openAlerts, danger: dashboard.openAlerts > 0 },
  ];
  return <CountCards items={items} />;
}
