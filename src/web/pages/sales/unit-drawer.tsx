import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import type { ReactElement } from 'react';
import { useState } from 'react';
import type { Deal } from '../../../common/contracts/sales.ts';
import { cancellationLabel } from '../../../common/sales.ts';
import { useSession } from '../../auth/session.tsx';
import { isApiError } from '../../data/client.ts';
import type { BoardUnit } from '../../data/hooks/sales.ts';
import { useDeal } from '../../data/hooks/sales.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { formatArea, formatNumber, formatPrice } from '../../lib/format.ts';
import { CancelDealModal } from './cancel-deal-modal.tsx';
import { DealDetails } from './deal-details.tsx';
import type { DealFormTarget } from './deal-form-modal.tsx';
import { DealFormModal } from './deal-form-modal.tsx';
import { BoardStatusTag, formatWan } from './sales-tags.tsx';

type Action = DealFormTarget | { kind: 'cancel'; deal: Deal };

type UnitDrawerProps = {
  unit: BoardUnit;
  buildingName: string;
  projectId: string;
  onClose: () => void;
};

function UnitFacts({ unit, buildingName }: { unit: BoardUnit; buildingName: string }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'place', label: '房号', children: `${buildingName} ${unit.number}` },
        { key: 'floor', label: '楼层', children: `${unit.floor} 层` },
        { key: 'layout', label: '户型', children: unit.layout },
        { key: 'area', label: '面积', children: formatArea(unit.area) },
        { key: 'listPrice', label: '列表价', children: `${formatPrice(unit.listPrice)}（${formatWan(unit.listPrice)}）` },
        { key: 'unitPrice', label: '单价', children: unit.area > 0 ? `${formatNumber(Math.round(unit.listPrice / unit.area))} 元/㎡` : '—' },
        { key: 'status', label: '状态', children: <BoardStatusTag status={unit.status} /> },
      ]}
    />
  );
}

/** A unit of the board: its facts, its active deal, and what the reader may do with it. */
export function UnitDrawer({ unit, buildingName, projectId, onClose }: UnitDrawerProps) {
  const { can } = useSession();
  const canWrite = can('sales.write');
  const isPhone = useIsPhone();
  const deal = useDeal(unit.dealId);
  const [action, setAction] = useState<Action | null>(null);
  const active = deal.data && deal.data.id === unit.dealId && deal.data.status === 'active' ? deal.data : null;
  // Outside the reader's scope the server answers 404 (or 403): the unit is taken by someone else's buyer.
  const hidden = isApiError(deal.error) && (deal.error.status === 404 || deal.error.status === 403);

  const create = (stage: 'pledge' | 'subscription' | 'contract') => setAction({ kind: 'create', stage, projectId, buildingName, unit });
  const buttons: ReactElement[] = [];
  if (canWrite && unit.status === 'available' && !unit.dealId) {
    buttons.push(
      <Button key="pledge" onClick={() => create('pledge')}>
        认筹
      </Button>,
      <Button key="subscription" type="primary" onClick={() => create('subscription')}>
        认购
      </Button>,
      <Button key="contract" onClick={() => create('contract')}>
        签约
      </Button>,
    );
  }
  if (canWrite && active) {
    if (active.stage === 'pledge') {
      buttons.push(
        <Button key="advance" type="primary" onClick={() => setAction({ kind: 'advance', stage: 'subscription', deal: active })}>
          转认购
        </Button>,
      );
    }
    if (active.stage === 'subscription') {
      buttons.push(
        <Button key="advance" type="primary" onClick={() => setAction({ kind: 'advance', stage: 'contract', deal: active })}>
          签约
        </Button>,
      );
    }
    buttons.push(
      <Button key="cancel" danger onClick={() => setAction({ kind: 'cancel', deal: active })}>
        {cancellationLabel(active.stage)}
      </Button>,
    );
  }

  let dealSection;
  if (!unit.dealId) {
    dealSection = (
      <Typography.Text type="secondary">
        {unit.status === 'available' ? '暂无认筹、认购或签约' : unit.status === 'delivered' ? '该房源已交付，不可销售' : '暂无成交记录'}
      </Typography.Text>
    );
  } else if (deal.isPending) dealSection = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (hidden) {
    dealSection = (
      <Alert
        type="info"
        showIcon
        title={unit.customerName ? `客户：${unit.customerName}` : '该房源已有成交'}
        description="成交详情不在您的数据范围内"
      />
    );
  } else if (deal.isError) dealSection = <QueryError error={deal.error} onRetry={() => void deal.refetch()} />;
  else if (deal.data) dealSection = <DealDetails deal={deal.data} linkCustomer={can('customers.read')} />;

  return (
    <>
      <Drawer
        open
        title={`${buildingName} ${unit.number}`}
        size={isPhone ? '100%' : 460}
        onClose={onClose}
        destroyOnHidden
        footer={buttons.length > 0 ? <Space wrap>{buttons}</Space> : undefined}
      >
        <UnitFacts unit={unit} buildingName={buildingName} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          成交
        </Typography.Title>
        {dealSection}
      </Drawer>
      {action?.kind === 'cancel' && <CancelDealModal deal={action.deal} onClose={() => setAction(null)} />}
      {action && action.kind !== 'cancel' && <DealFormModal target={action} onClose={() => setAction(null)} />}
    </>
  );
}
