import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ComplaintRate } from '../../data/hooks/complaint-reports.ts';
import { formatNumber } from '../../lib/format.ts';

export type TargetRates = { satisfaction: ComplaintRate; onTime: ComplaintRate; closure: ComplaintRate; callback: ComplaintRate };
type RateKey = keyof TargetRates;

// The seeds' service levels (投诉处理目标): satisfaction must exceed its target, the others reach it.
const TARGETS: Array<{ key: RateKey; title: string; strict: boolean; numerator: string; denominator: string }> = [
  { key: 'satisfaction', title: '投诉处理满意率', strict: true, numerator: '满意', denominator: '回访' },
  { key: 'onTime', title: '投诉处理及时率', strict: false, numerator: '按时解决', denominator: '已解决' },
  { key: 'closure', title: '投诉关闭率', strict: false, numerator: '已关闭', denominator: '已受理' },
  { key: 'callback', title: '投诉回访率', strict: false, numerator: '已回访', denominator: '已解决' },
];

const MET_COLOR = '#389e0d';
const MISSED_COLOR = '#cf1322';
const NEUTRAL_COLOR = 'rgba(0, 0, 0, 0.45)';

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${formatNumber(Math.round(value * 1000) / 10)}%`;
}

function MetTag({ met }: { met: boolean | null }) {
  if (met === null) return <Tag>暂无数据</Tag>;
  return met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

function TargetCard({ rate, title, strict, numerator, denominator }: { rate: ComplaintRate } & Omit<(typeof TARGETS)[number], 'key'>) {
  const color = rate.met === null ? NEUTRAL_COLOR : rate.met ? MET_COLOR : MISSED_COLOR;
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${color}` }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        <MetTag met={rate.met} />
      </div>
      <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.4, color }} aria-label={`${title} ${formatRate(rate.value)}`}>
        {formatRate(rate.value)}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 4 }}>
        <Typography.Text type="secondary">
          目标 {strict ? '>' : '≥'} {formatRate(rate.target)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {numerator} {formatNumber(rate.numerator)} / {denominator} {formatNumber(rate.denominator)}
        </Typography.Text>
      </div>
    </Card>
  );
}

/** The four service-level targets, each green when met and red when missed. */
export function TargetCards({ rates }: { rates: TargetRates }) {
  return (
    <Row gutter={[16, 16]}>
      {TARGETS.map(({ key, ...target }) => (
        <Col key={key} xs={24} sm={12} xl={6}>
          <TargetCard rate={rates[key]} {...target} />
        </Col>
      ))}
    </Row>
  );
}
