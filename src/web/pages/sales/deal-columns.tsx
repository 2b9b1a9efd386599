import type { TableProps } from 'antd';
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { PAYMENT_METHOD_LABELS } from '../../../common/customers.ts';
import type { Deal } from '../../../common/contracts/sales.ts';
import { cancellationLabel } from '../../../common/sales.ts';
import { EMPTY_TEXT, formatArea, formatDateTime, formatPrice } from '../../lib/format.ts';
import { dealTimes } from './deal-details.tsx';
import { DealStageTag, DealStatusTag } from './sales-tags.tsx';

const money = (value: number | null) => (value === null ? EMPTY_TEXT : formatPrice(value));

/** The unit, linked to its cell on the board. */
function UnitLink({ deal: d }: { deal: Deal }) {
  const to = `/sales/board?${new URLSearchParams({ projectId: d.projectId, unitId: d.unit.id }).toString()}`;
  return <Link to={to}>{`${d.buildingName} ${d.unit.number}`}</Link>;
}

function CustomerName({ deal: d, link }: { deal: Deal; link: boolean }) {
  return link ? <Link to={`/customers/${d.customer.id}`}>{d.customer.name}</Link> : <span>{d.customer.name}</span>;
}

function Times({ deal: d }: { deal: Deal }) {
  const times = dealTimes(d);
  if (times.length === 0) return <>{EMPTY_TEXT}</>;
  return (
    <div>
      {times.map((t) => (
        <div key={t.label} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t.label}</Typography.Text> {formatDateTime(t.at)}
        </div>
      ))}
    </div>
  );
}

/** The deal list's columns; times are shown in Shanghai time. */
export function dealColumns({ linkCustomer }: { linkCustomer: boolean }): NonNullable<TableProps<Deal>['columns']> {
  return [
    { title: '项目', key: 'project', render: (_: unknown, d) => d.projectName },
    {
      title: '楼栋/房号',
      key: 'unit',
      render: (_: unknown, d) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <UnitLink deal={d} />
          <div>
            <Typography.Text type="secondary">
              {d.unit.layout} · {formatArea(d.unit.area)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '客户',
      key: 'customer',
      render: (_: unknown, d) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <CustomerName deal={d} link={linkCustomer} />
          <div>
            <Typography.Text type="secondary">{d.customer.mobile}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: '置业顾问', key: 'consultant', render: (_: unknown, d) => d.consultant?.name ?? EMPTY_TEXT },
    { title: '阶段', key: 'stage', render: (_: unknown, d) => <DealStageTag stage={d.stage} /> },
    { title: '状态', key: 'status', render: (_: unknown, d) => <DealStatusTag status={d.status} /> },
    { title: '认筹金', key: 'pledgeAmount', align: 'right', render: (_: unknown, d) => money(d.pledgeAmount) },
    { title: '定金', key: 'deposit', align: 'right', render: (_: unknown, d) => money(d.deposit) },
    { title: '成交价', key: 'price', align: 'right', render: (_: unknown, d) => money(d.price) },
    { title: '付款方式', key: 'paymentMethod', render: (_: unknown, d) => (d.paymentMethod ? PAYMENT_METHOD_LABELS[d.paymentMethod] : EMPTY_TEXT) },
    { title: '约定签约日期', key: 'contractDueDate', render: (_: unknown, d) => d.contractDueDate ?? EMPTY_TEXT },
    { title: '签约日期', key: 'signedOn', render: (_: unknown, d) => d.signedOn ?? EMPTY_TEXT },
    { title: '时间', key: 'times', render: (_: unknown, d) => <Times deal={d} /> },
    {
      title: '退订/退房原因',
      key: 'cancelReason',
      render: (_: unknown, d) =>
        d.status === 'cancelled' && d.cancelReason ? (
          <Typography.Text ellipsis={{ tooltip: d.cancelReason }} style={{ maxWidth: 200 }}>
            {d.cancelReason}
          </Typography.Text>
        ) : (
          EMPTY_TEXT
        ),
    },
  ];
}

/** One deal as a card (the list on a phone). */
export function DealCard({ deal: d, linkCustomer }: { deal: Deal; linkCustomer: boolean }) {
  const amount = d.price ?? d.deposit ?? d.pledgeAmount;
  const amountLabel = d.price !== null ? '成交价' : d.deposit !== null ? '定金' : '认筹金';
  return (
    <>
      <div className="stack-card-head">
        <Space size={6} wrap>
          <UnitLink deal={d} />
          <DealStageTag stage={d.stage} />
          <DealStatusTag status={d.status} />
        </Space>
        <Typography.Text type="secondary">{d.projectName}</Typography.Text>
      </div>
      <div className="stack-card-meta">
        客户 <CustomerName deal={d} link={linkCustomer} /> {d.customer.mobile} · 顾问 {d.consultant?.name ?? EMPTY_TEXT}
      </div>
      <div className="stack-card-meta">
        {amountLabel} {money(amount)}
        {d.paymentMethod && ` · ${PAYMENT_METHOD_LABELS[d.paymentMethod]}`}
        {d.signedOn && ` · 签约日期 ${d.signedOn}`}
      </div>
      <div className="stack-card-meta">
        <Times deal={d} />
      </div>
      {d.status === 'cancelled' && d.cancelReason && (
        <div className="stack-card-meta">
          {cancellationLabel(d.stage)}原因：{d.cancelReason}
        </div>
      )}
    </>
  );
}
