import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import type { AppealStatus } from '../../../common/channels.ts';
import { APPEAL_STATUSES } from '../../../common/channels.ts';
import type { Appeal } from '../../../common/contracts/channels.ts';
import { useRegistrationAppeals } from '../../data/hooks/channels.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedCards } from '../../components/paged-cards.tsx';
import { AppealCard } from './appeal-card.tsx';
import { AppealDecideModal } from './appeal-decide-modal.tsx';
import { APPEAL_STATUS_OPTIONS } from './channel-options.ts';

const ALL = 'all';
const STATUS_SEGMENTS = [...APPEAL_STATUS_OPTIONS, { value: ALL, label: '全部' }];
const isAppealStatus = (value: string | null): value is AppealStatus => (APPEAL_STATUSES as readonly (string | null)[]).includes(value);

/** 报备申诉: pending appeals first (the default view), each decided with 「支持」/「驳回」 by a manager
 * (channels.decide); others holding channels.manage (marketing) read them only. */
export function AppealsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get('status');
  // No status in the address: what needs a decision; 「全部」 is status=all.
  const segment = raw === ALL ? ALL : isAppealStatus(raw) ? raw : 'pending';
  const query = useRegistrationAppeals({ status: segment === ALL ? undefined : segment });
  const [deciding, setDeciding] = useState<{ appeal: Appeal; approve: boolean } | null>(null);
  const canDecide = useSession().can('channels.decide');

  const emptyText = segment === 'pending' ? '暂无待处理的申诉' : '暂无申诉';

  return (
    <>
      <PageHeader title="报备申诉">
        <Typography.Text type="secondary">经纪人对失效或判客无效的报备提出的申诉，由销售经理裁决；支持后报备恢复并重新计算保护期，必要时作废其他经纪人的报备。</Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">
          <Segmented
            aria-label="按处理状态筛选"
            value={segment}
            options={STATUS_SEGMENTS}
            onChange={(value) =>
              setSearchParams(value === 'pending' ? new URLSearchParams() : new URLSearchParams({ status: String(value) }), { replace: true })
            }
          />
        </div>
        <PagedCards<Appeal>
          query={query}
          rowKey={(a) => a.id}
          emptyText={emptyText}
          renderItem={(a) => <AppealCard appeal={a} onDecide={canDecide ? (approve) => setDeciding({ appeal: a, approve }) : null} />}
        />
      </Card>
      {deciding && <AppealDecideModal appeal={deciding.appeal} approve={deciding.approve} onClose={() => setDeciding(null)} />}
    </>
  );
}
