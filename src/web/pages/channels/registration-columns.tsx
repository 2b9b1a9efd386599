import type { TableProps } from 'antd';
import { Button, Space, Typography } from 'antd';
import { INDEPENDENT_BROKER_LABEL } from '../../../common/channels.ts';
import type { Registration } from '../../../common/contracts/channels.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { awaitsVisit, CommissionTag, DealDue, EndReason, PendingAppealTag, RegistrationStatusTag, VisitDue } from './channel-tags.tsx';

/** 「到访确认」 for whoever may confirm, on a registration still waiting for its visit. */
export type OnConfirmVisit = ((r: Registration) => void) | null;

function ConfirmButton({ r, onConfirm, block }: { r: Registration; onConfirm: OnConfirmVisit; block?: boolean }) {
  if (!onConfirm || !awaitsVisit(r)) return null;
  return (
    <Button type="primary" size={block ? 'middle' : 'small'} block={block} onClick={() => onConfirm(r)}>
      到访确认
    </Button>
  );
}

function BrokerText({ r }: { r: Registration }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{r.broker.name}</span>
      <Typography.Text type="secondary">{r.agency || INDEPENDENT_BROKER_LABEL}</Typography.Text>
    </Space>
  );
}

/** The sales office's registrations (项目 … 结佣). */
export function registrationColumns(onConfirm: OnConfirmVisit): NonNullable<TableProps<Registration>['columns']> {
  return [
    { title: '项目', key: 'project', render: (_: unknown, r) => r.projectName },
    { title: '经纪人/机构', key: 'broker', render: (_: unknown, r) => <BrokerText r={r} /> },
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
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <RegistrationStatusTag status={r.status} />
            {r.pendingAppeal && <PendingAppealTag />}
          </Space>
          <EndReason r={r} />
        </Space>
      ),
    },
    { title: '报备时间', key: 'registeredAt', render: (_: unknown, r) => formatDateTime(r.registeredAt) },
    { title: '到访截止（含当天）', key: 'visitDueAt', render: (_: unknown, r) => <VisitDue r={r} /> },
    { title: '成交截止（含当天）', key: 'dealDueAt', render: (_: unknown, r) => <DealDue r={r} /> },
    {
      title: '结佣',
      key: 'commission',
      render: (_: unknown, r) => (r.commissionEligible ? <CommissionTag eligible /> : r.status === 'dealt' ? '不可结佣' : EMPTY_TEXT),
    },
    ...(onConfirm
      ? [{ title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, r: Registration) => <ConfirmButton r={r} onConfirm={onConfirm} /> }]
      : []),
  ];
}

/** One registration as a card (the list on a phone). */
export function RegistrationCard({ r, onConfirm }: { r: Registration; onConfirm: OnConfirmVisit }) {
  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>
          {r.customerName} {r.mobile}
        </Typography.Text>
        <Space size={4} wrap>
          <RegistrationStatusTag status={r.status} />
          <CommissionTag eligible={r.commissionEligible} />
          {r.pendingAppeal && <PendingAppealTag />}
        </Space>
      </div>
      <div className="stack-card-meta">
        {r.projectName} · 经纪人 {r.broker.name}
        {`（${r.agency || INDEPENDENT_BROKER_LABEL}）`}
      </div>
      <div className="stack-card-meta">报备时间：{formatDateTime(r.registeredAt)}</div>
      <div className="stack-card-meta">
        到访截止（含当天）：<VisitDue r={r} />
      </div>
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
      {onConfirm && awaitsVisit(r) && (
        <div className="stack-card-actions">
          <ConfirmButton r={r} onConfirm={onConfirm} block />
        </div>
      )}
    </>
  );
}
