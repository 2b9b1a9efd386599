import type { TableProps } from 'antd';
import { Button, Space, Typography } from 'antd';
import { INDEPENDENT_BROKER_LABEL } from '../../../common/channels.ts';
import type { Registration } from '../../../common/contracts/channels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { canAppeal, CommissionTag, DealDue, EndReason, PendingAppealTag, RegistrationStatusTag, VisitDue } from './channel-tags.tsx';

type OnAppeal = (r: Registration) => void;

function StatusCell({ r }: { r: Registration }) {
  return (
    <Space size={4} wrap>
      <RegistrationStatusTag status={r.status} />
      <CommissionTag eligible={r.commissionEligible} />
      {r.pendingAppeal && <PendingAppealTag />}
    </Space>
  );
}

function AppealButton({ r, onAppeal, block }: { r: Registration; onAppeal: OnAppeal; block?: boolean }) {
  if (!canAppeal(r)) return null;
  return (
    <Button size={block ? 'middle' : 'small'} danger onClick={() => onAppeal(r)} block={block}>
      申诉
    </Button>
  );
}

/** The broker's own registrations as table columns (mobiles masked by the server). */
export function brokerRegistrationColumns(onAppeal: OnAppeal): NonNullable<TableProps<Registration>['columns']> {
  return [
    { title: '项目', key: 'project', render: (_: unknown, r) => r.projectName },
    {
      title: '客户',
      key: 'customer',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.customerName}</span>
          <Typography.Text type="secondary">{r.mobile}</Typography.Text>
        </Space>
      ),
    },
    { title: '所属机构', key: 'agency', render: (_: unknown, r) => r.agency || INDEPENDENT_BROKER_LABEL },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <StatusCell r={r} />
          <EndReason r={r} />
        </Space>
      ),
    },
    { title: '报备时间', key: 'registeredAt', render: (_: unknown, r) => formatDateTime(r.registeredAt) },
    { title: '到访截止（含当天）', key: 'visitDueAt', render: (_: unknown, r) => <VisitDue r={r} /> },
    { title: '成交截止（含当天）', key: 'dealDueAt', render: (_: unknown, r) => <DealDue r={r} /> },
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, r) => <AppealButton r={r} onAppeal={onAppeal} /> },
  ];
}

/** One registration as a card (the broker's phone). */
export function BrokerRegistrationCard({ r, onAppeal }: { r: Registration; onAppeal: OnAppeal }) {
  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>
          {r.customerName} {r.mobile}
        </Typography.Text>
        <StatusCell r={r} />
      </div>
      <div className="stack-card-meta">
        {r.projectName}
        {` · ${r.agency || INDEPENDENT_BROKER_LABEL}`}
      </div>
      <div className="stack-card-meta">报备时间：{formatDateTime(r.registeredAt)}</div>
      {(r.status !== 'rejected' || r.visitedAt) && (
        <div className="stack-card-meta">
          到访截止（含当天）：<VisitDue r={r} />
        </div>
      )}
      {r.dealDueAt && (
        <div className="stack-card-meta">
          成交截止（含当天）：<DealDue r={r} />
        </div>
      )}
      {r.endReason && (
        <div className="stack-card-meta">
          <EndReason r={r} />
        </div>
      )}
      {canAppeal(r) && (
        <div className="stack-card-actions">
          <AppealButton r={r} onAppeal={onAppeal} block />
        </div>
      )}
    </>
  );
}
