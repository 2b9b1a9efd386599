import { Descriptions, Space } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { PAYMENT_METHOD_LABELS } from '../../../common/customers.ts';
import type { Deal } from '../../../common/contracts/sales.ts';
import { cancellationLabel } from '../../../common/sales.ts';
import { EMPTY_TEXT, formatDateTime, formatPrice } from '../../lib/format.ts';
import { DealStageTag, DealStatusTag } from './sales-tags.tsx';

const money = (value: number | null) => (value === null ? EMPTY_TEXT : formatPrice(value));

/** Stage stamps that were reached: 认筹 2026-03-01 10:20 / 认购 … */
export function dealTimes(d: Deal): { label: string; at: string }[] {
  const times = [
    { label: '认筹', at: d.pledgedAt },
    { label: '认购', at: d.subscribedAt },
    { label: '签约', at: d.contractedAt },
    { label: cancellationLabel(d.stage), at: d.cancelledAt },
  ];
  return times.filter((t): t is { label: string; at: string } => Boolean(t.at));
}

/** One deal's terms and dates (in the unit drawer). `linkCustomer`: the reader may open customers. */
export function DealDetails({ deal: d, linkCustomer }: { deal: Deal; linkCustomer: boolean }) {
  const items: DescriptionsProps['items'] = [
    {
      key: 'customer',
      label: '客户',
      children: (
        <Space size={6} wrap>
          {linkCustomer ? <Link to={`/customers/${d.customer.id}`}>{d.customer.name}</Link> : d.customer.name}
          <span>{d.customer.mobile}</span>
        </Space>
      ),
    },
    { key: 'consultant', label: '置业顾问', children: d.consultant?.name ?? EMPTY_TEXT },
    {
      key: 'stage',
      label: '阶段',
      children: (
        <Space size={4}>
          <DealStageTag stage={d.stage} />
          <DealStatusTag status={d.status} />
        </Space>
      ),
    },
  ];
  if (d.pledgeAmount !== null) items.push({ key: 'pledgeAmount', label: '认筹金', children: money(d.pledgeAmount) });
  if (d.deposit !== null) items.push({ key: 'deposit', label: '定金', children: money(d.deposit) });
  if (d.paymentMethod) items.push({ key: 'paymentMethod', label: '付款方式', children: PAYMENT_METHOD_LABELS[d.paymentMethod] });
  if (d.contractDueDate) items.push({ key: 'contractDueDate', label: '约定签约日期', children: d.contractDueDate });
  if (d.price !== null) items.push({ key: 'price', label: '成交价', children: money(d.price) });
  if (d.signedOn) items.push({ key: 'signedOn', label: '签约日期', children: d.signedOn });
  for (const t of dealTimes(d)) items.push({ key: `at-${t.label}`, label: `${t.label}时间`, children: formatDateTime(t.at) });
  if (d.status === 'cancelled') items.push({ key: 'cancelReason', label: `${cancellationLabel(d.stage)}原因`, children: d.cancelReason || EMPTY_TEXT });

  return <Descriptions size="small" column={1} bordered items={items} />;
}
