import type { TableProps } from 'antd';
import { Tag, Tooltip, Typography } from 'antd';
import type { Campaign } from '../../../common/contracts/campaigns.ts';
import { SOURCE_CHANNEL_LABELS } from '../../../common/customers.ts';
import { formatNumber } from '../../lib/format.ts';
import { campaignPhase, exactMoney, formatMoney, formatReturn } from './campaign-format.ts';

const PHASES = {
  upcoming: { color: 'blue', text: '未开始' },
  running: { color: 'green', text: '进行中' },
  ended: { color: 'default', text: '已结束' },
} as const;

function Money({ value }: { value: number | null }) {
  return (
    <Tooltip title={exactMoney(value)}>
      <span>{formatMoney(value)}</span>
    </Tooltip>
  );
}

// Sorts nulls (nothing to divide by) last, whichever the direction.
const byNumber = (pick: (c: Campaign) => number | null) => (a: Campaign, b: Campaign) =>
  (pick(a) ?? Number.POSITIVE_INFINITY) - (pick(b) ?? Number.POSITIVE_INFINITY);

const count = (value: number) => formatNumber(value);

/** The campaigns table: what each campaign cost and what it brought. `today` is YYYY-MM-DD in Shanghai. */
export function campaignColumns(today: string): TableProps<Campaign>['columns'] {
  return [
    { title: '项目', dataIndex: 'projectName', ellipsis: true },
    {
      title: '活动名称',
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: '渠道', dataIndex: 'channel', render: (channel: Campaign['channel']) => SOURCE_CHANNEL_LABELS[channel] },
    {
      title: '活动期间',
      key: 'period',
      render: (_: unknown, c: Campaign) => {
        const phase = PHASES[campaignPhase(c.startsOn, c.endsOn, today)];
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {c.startsOn} ~ {c.endsOn} <Tag color={phase.color}>{phase.text}</Tag>
          </span>
        );
      },
    },
    { title: '费用', dataIndex: 'cost', align: 'right', sorter: byNumber((c) => c.cost), render: (v: number) => <Money value={v} /> },
    { title: '客户', dataIndex: 'prospects', align: 'right', sorter: byNumber((c) => c.prospects), render: count },
    { title: '来访', dataIndex: 'visits', align: 'right', sorter: byNumber((c) => c.visits), render: count },
    { title: '成交', dataIndex: 'deals', align: 'right', sorter: byNumber((c) => c.deals), render: count },
    {
      title: '签约额',
      dataIndex: 'contractValue',
      align: 'right',
      sorter: byNumber((c) => c.contractValue),
      render: (v: number) => <Money value={v} />,
    },
    {
      title: '来访成本',
      dataIndex: 'costPerVisit',
      align: 'right',
      sorter: byNumber((c) => c.costPerVisit),
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: '成交成本',
      dataIndex: 'costPerDeal',
      align: 'right',
      sorter: byNumber((c) => c.costPerDeal),
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: <Tooltip title="签约额 ÷ 费用：每投入 1 元带来的签约额">投入产出比</Tooltip>,
      dataIndex: 'returnRatio',
      align: 'right',
      sorter: byNumber((c) => c.returnRatio),
      render: (v: number | null) => formatReturn(v),
    },
  ];
}
