import type { EChartsOption } from 'echarts';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { Funnel } from '../../../common/contracts/analytics.ts';
import { FUNNEL_STEP_LABELS, FUNNEL_STEPS } from '../../../common/contracts/analytics.ts';
import type { FunnelStep } from '../../../common/contracts/analytics.ts';
import { EChart } from '../../components/echart.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRate } from './funnel-filters.ts';

const STEP_COLORS: Record<FunnelStep, string> = {
  leads: '#91caff',
  visits: '#4096ff',
  pledges: '#1677ff',
  subscriptions: '#0958d9',
  contracts: '#389e0d',
};

type Step = { key: FunnelStep; label: string; count: number; rate: number | null };

// Each step with its conversion from the step before (the first step has none).
function stepsOf(funnel: Funnel): Step[] {
  const { conversion: c } = funnel;
  const rates: Record<FunnelStep, number | null> = {
    leads: null,
    visits: c.visitRate,
    pledges: c.pledgeRate,
    subscriptions: c.subscriptionRate,
    contracts: c.contractRate,
  };
  return FUNNEL_STEPS.map((key) => ({ key, label: FUNNEL_STEP_LABELS[key], count: funnel.total[key], rate: rates[key] }));
}

function funnelOption(steps: Step[], registrations: number, compact: boolean): EChartsOption {
  const max = Math.max(1, ...steps.map((s) => s.count));
  const text = (s: Step) => `${s.label}  ${formatNumber(s.count)} 人`;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const step = steps[Array.isArray(params) ? 0 : params.dataIndex];
        if (!step) return '';
        const lines = [`${step.label}：${formatNumber(step.count)} 人`];
        if (step.key === 'leads') lines.push(`经纪人报备：${formatNumber(registrations)} 组`);
        else lines.push(`较上一步转化：${formatRate(step.rate)}`);
        return lines.join('<br/>');
      },
    },
    series: [
      {
        name: '销售漏斗',
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '18%',
        gap: 3,
        left: compact ? '2%' : '4%',
        width: compact ? '96%' : '58%',
        top: 8,
        bottom: 8,
        label: compact
          ? { show: true, position: 'inside', color: '#fff', formatter: (p) => text(steps[p.dataIndex] ?? steps[0]) }
          : {
              show: true,
              position: 'right',
              color: 'rgba(0, 0, 0, 0.88)',
              formatter: (p) => {
                const s = steps[p.dataIndex] ?? steps[0];
                return s.key === 'leads' ? `${text(s)}（报备 ${formatNumber(registrations)} 组）` : `${text(s)}（转化 ${formatRate(s.rate)}）`;
              },
            },
        labelLine: { show: !compact },
        data: steps.map((s) => ({ name: s.label, value: s.count, itemStyle: { color: STEP_COLORS[s.key] } })),
      },
    ],
  };
}

function StepList({ steps, registrations }: { steps: Step[]; registrations: number }) {
  return (
    <ol className="plain-list card-stack" aria-label="各步骤转化率">
      {steps.map((s, index) => (
        <li key={s.key} className="stack-card">
          <div className="stack-card-head">
            <Typography.Text strong>
              {index + 1}. {s.label}
            </Typography.Text>
            <Typography.Text>{formatNumber(s.count)} 人</Typography.Text>
          </div>
          <div className="stack-card-meta">
            {s.key === 'leads' ? (
              <Tag color="purple">经纪人报备 {formatNumber(registrations)} 组</Tag>
            ) : (
              <>较上一步转化 {formatRate(s.rate)}</>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The five steps as an ECharts funnel, each with its count and conversion from the step before. */
export function FunnelChartCard({ funnel }: { funnel: Funnel }) {
  const isPhone = useIsPhone();
  const steps = useMemo(() => stepsOf(funnel), [funnel]);
  const option = useMemo(() => funnelOption(steps, funnel.registrations, isPhone), [steps, funnel.registrations, isPhone]);
  return (
    <Card title="销售漏斗" extra={<Typography.Text type="secondary">各步骤含已进入后续步骤的客户</Typography.Text>}>
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} lg={15}>
          <EChart option={option} height={isPhone ? 260 : 320} ariaLabel="销售漏斗图：线索、来访、认筹、认购、签约" />
        </Col>
        <Col xs={24} lg={9}>
          <StepList steps={steps} registrations={funnel.registrations} />
        </Col>
      </Row>
    </Card>
  );
}
