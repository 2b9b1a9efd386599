import { Segmented, Typography } from 'antd';
import { useState } from 'react';
import { APPEAL_STATUSES, REGISTRATION_STATUS_LABELS, type AppealStatus } from '../../../common/channels.ts';
import type { Appeal } from '../../../common/contracts/channels.ts';
import { PagedCards } from '../../components/paged-cards.tsx';
import { useBrokerAppeals } from '../../data/hooks/channels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { APPEAL_STATUS_OPTIONS } from './channel-options.ts';
import { AppealStatusTag, dueText, RegistrationStatusTag } from './channel-tags.tsx';

const ALL = 'all';
const SEGMENTS = [{ value: ALL, label: '全部' }, ...APPEAL_STATUS_OPTIONS];
const isAppealStatus = (value: string): value is AppealStatus => (APPEAL_STATUSES as readonly string[]).includes(value);

/** What the decision meant for the registration, in the broker's words. */
function outcomeText(a: Appeal): string {
  const r = a.registration;
  if (a.status === 'pending') return '等待销售经理裁决';
  if (a.status === 'rejected') return `申诉已驳回，报备维持「${REGISTRATION_STATUS_LABELS[r.status]}」`;
  if (r.status === 'registered') return `申诉已支持，报备已恢复，请于 ${dueText(r.visitDueAt)} 前带客户到访`;
  if (r.status === 'visited') return `申诉已支持，报备已恢复，成交截止 ${dueText(r.dealDueAt)}`;
  return `申诉已支持，报备当前为「${REGISTRATION_STATUS_LABELS[r.status]}」`;
}

/** One of the broker's appeals: the registration, the reason given, and the outcome with the manager's note. */
function BrokerAppealCard({ appeal: a }: { appeal: Appeal }) {
  const r = a.registration;
  return (
    <>
      <div className="stack-card-head">
        <Typography.Text strong>
          {r.customerName} {r.mobile}
        </Typography.Text>
        <AppealStatusTag status={a.status} />
      </div>
      <div className="stack-card-meta">
        {r.projectName} · 申诉时间：{formatDateTime(a.createdAt)}
      </div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>
        <Typography.Text type="secondary">申诉理由：</Typography.Text>
        {a.reason}
      </Typography.Paragraph>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type={a.status === 'rejected' ? 'danger' : a.status === 'approved' ? 'success' : 'secondary'}>{outcomeText(a)}</Typography.Text>
      </div>
      {a.status !== 'pending' && (
        <div className="stack-card-meta">
          裁决时间：{formatDateTime(a.decidedAt)} · 裁决说明：{a.decisionNote || '（无）'}
        </div>
      )}
      <div className="stack-card-meta">
        报备当前状态：<RegistrationStatusTag status={r.status} />
        {r.endReason ? r.endReason : ''}
      </div>
    </>
  );
}

/** 我的申诉: the broker's appeals, newest first, filtered by outcome. */
export function BrokerAppealList() {
  const [segment, setSegment] = useState<string>(ALL);
  const query = useBrokerAppeals({ status: isAppealStatus(segment) ? segment : undefined });
  return (
    <>
      <div className="toolbar">
        <Segmented aria-label="按处理状态筛选申诉" value={segment} options={SEGMENTS} onChange={(value) => setSegment(String(value))} />
      </div>
      <PagedCards<Appeal>
        query={query}
        rowKey={(a) => a.id}
        emptyText={segment === ALL ? '暂无申诉。报备失效或判客无效时，可在“我的报备”中点击“申诉”' : '没有该状态的申诉'}
        renderItem={(a) => <BrokerAppealCard appeal={a} />}
      />
    </>
  );
}
