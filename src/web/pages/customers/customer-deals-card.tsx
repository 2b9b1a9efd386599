import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Deal, OwnedUnit } from '../../../common/contracts/sales.ts';
import { cancellationLabel } from '../../../common/sales.ts';
import { useDeals, useOwnedUnits } from '../../data/hooks/sales.ts';
import { PagedCards } from '../../components/paged-cards.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { formatArea, formatDate, formatDateTime, formatPrice } from '../../lib/format.ts';
import { dealTimes } from '../sales/deal-details.tsx';
import { DealStageTag, formatWan } from '../sales/sales-tags.tsx';

/** The unit's cell on the sales-control board, where its deal opens in the unit drawer. */
function boardLink(projectId: string, unitId: string) {
  return `/sales/board?${new URLSearchParams({ projectId, unitId }).toString()}`;
}

/** 有效, or 已退订 / 已退房 (by the stage the deal had reached). */
function DealState({ deal: d }: { deal: Deal }) {
  if (d.status === 'active') return <Tag color="processing">有效</Tag>;
  return <Tag color="default">已{cancellationLabel(d.stage)}</Tag>;
}

/** The amount a deal stands on: the price once signed, else the deposit, else the pledge. */
function dealAmount(d: Deal): string | null {
  if (d.price !== null) return `成交价 ${formatWan(d.price)}元`;
  if (d.deposit !== null) return `定金 ${formatPrice(d.deposit)}`;
  if (d.pledgeAmount !== null) return `认筹金 ${formatPrice(d.pledgeAmount)}`;
  return null;
}

function DealItem({ deal: d }: { deal: Deal }) {
  const amount = dealAmount(d);
  const times = dealTimes(d);
  return (
    <>
      <div className="stack-card-head">
        <Space size={6} wrap>
          <Link to={boardLink(d.projectId, d.unit.id)}>{`${d.buildingName} ${d.unit.number}`}</Link>
          <DealStageTag stage={d.stage} />
          <DealState deal={d} />
        </Space>
        <Typography.Text type="secondary">{d.projectName}</Typography.Text>
      </div>
      <div className="stack-card-meta">
        {d.unit.layout} · {formatArea(d.unit.area)}
        {amount && ` · ${amount}`}
        {d.signedOn && ` · 签约日期 ${d.signedOn}`}
      </div>
      {times.length > 0 && (
        <div className="stack-card-meta">{times.map((t) => `${t.label} ${formatDateTime(t.at)}`).join('；')}</div>
      )}
      {d.status === 'cancelled' && d.cancelReason && (
        <div className="stack-card-meta">
          {cancellationLabel(d.stage)}原因：{d.cancelReason}
        </div>
      )}
    </>
  );
}

function OwnedUnits({ units }: { units: OwnedUnit[] }) {
  return (
    <div className="card-stack" data-testid="owned-units">
      {units.map((o) => (
        <div className="stack-card" key={o.id}>
          <div className="stack-card-head">
            <Space size={6} wrap>
              <Link to={boardLink(o.projectId, o.unit.id)}>{`${o.buildingName} ${o.unit.number}`}</Link>
              <Tag color="green">业主</Tag>
            </Space>
            <Typography.Text type="secondary">{o.projectName}</Typography.Text>
          </div>
          <div className="stack-card-meta">
            {o.unit.layout} · {formatArea(o.unit.area)}
            {o.price !== null && ` · 成交价 ${formatWan(o.price)}元`}
          </div>
          <div className="stack-card-meta">业主自 {formatDate(o.since)}</div>
        </div>
      ))}
    </div>
  );
}

/** 房产与交易: the units the customer owns (业主) and their deals, as far as the reader's scope shows. */
export function CustomerDealsCard({ customerId }: { customerId: string }) {
  const deals = useDeals({ customerId });
  const owned = useOwnedUnits(customerId);

  return (
    <Card title="房产与交易" data-testid="customer-deals-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {owned.isError && <QueryError error={owned.error} onRetry={() => void owned.refetch()} />}
        {owned.data && owned.data.length > 0 && (
          <div>
            <Typography.Title level={5}>名下房产</Typography.Title>
            <OwnedUnits units={owned.data} />
          </div>
        )}
        <div>
          {owned.data && owned.data.length > 0 && <Typography.Title level={5}>交易记录</Typography.Title>}
          <PagedCards<Deal> query={deals} rowKey={(d) => d.id} emptyText="暂无交易" renderItem={(d) => <DealItem deal={d} />} />
        </div>
      </Space>
    </Card>
  );
}
