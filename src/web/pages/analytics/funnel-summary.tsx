import { Card, Col, Row, Statistic } from 'antd';
import type { Funnel } from '../../../common/contracts/analytics.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRate, rateOf } from './funnel-filters.ts';

type SummaryItem = { key: string; title: string; value: string; suffix?: string; hint?: string };

/** The period's headline numbers: leads beside broker registrations, deals, overall conversion, cycle. */
export function FunnelSummary({ funnel }: { funnel: Funnel }) {
  const { total } = funnel;
  const median = funnel.medianDaysVisitToContract;
  const items: SummaryItem[] = [
    { key: 'leads', title: '新增线索', value: formatNumber(total.leads), suffix: '人' },
    { key: 'registrations', title: '经纪人报备', value: formatNumber(funnel.registrations), suffix: '组' },
    { key: 'contracts', title: '签约', value: formatNumber(total.contracts), suffix: '人' },
    { key: 'overall', title: '线索到签约转化率', value: formatRate(rateOf(total.contracts, total.leads)) },
    {
      key: 'median',
      title: '首次来访到签约（中位数）',
      value: median === null ? '—' : formatNumber(median),
      suffix: median === null ? undefined : '天',
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col key={item.key} flex="1 1 170px">
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={item.title} value={item.value} suffix={item.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
