import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProjectFilter } from '../../components/scope-filters.tsx';
import { CampaignCreateModal } from './campaign-create-modal.tsx';
import { CampaignTable } from './campaign-table.tsx';
import { ReferralTable } from './referral-table.tsx';

type CampaignTab = 'campaigns' | 'referrals';

const TAB_HINTS: Record<CampaignTab, string> = {
  campaigns: '各推广活动带来的客户、来访与成交，以及每来访、每成交的成本和投入产出比。成交只计未退订/退房的认购与签约；客户归属活动时，其首次来访（未来访则为登记当天）须在活动期间内。',
  referrals: '老带新：已签约业主推荐的客户及有效成交（不含退房）；推荐登记与推荐成交各计一次奖励，更换推荐业主或退房时相应奖励作废。',
};

/** 「推广与老带新」: campaigns with their cost and results, and owner referrals (老带新). */
export function CampaignsPage() {
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: CampaignTab = searchParams.get('tab') === 'referrals' ? 'referrals' : 'campaigns';
  const projectId = searchParams.get('projectId') ?? undefined;
  const [creating, setCreating] = useState(false);

  const patch = (name: string, value: string | undefined) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const projectPicker = (
    <ProjectFilter ariaLabel="选择项目" minWidth={200} value={projectId} onChange={(value) => patch('projectId', value)} />
  );

  return (
    <>
      <PageHeader
        title="推广与老带新"
        extra={
          tab === 'campaigns' &&
          can('channels.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建活动
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">{TAB_HINTS[tab]}</Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">{projectPicker}</div>
        <Tabs
          activeKey={tab}
          onChange={(key) => patch('tab', key === 'referrals' ? 'referrals' : undefined)}
          destroyOnHidden
          items={[
            { key: 'campaigns', label: '推广活动', children: <CampaignTable projectId={projectId} /> },
            { key: 'referrals', label: '老带新', children: <ReferralTable projectId={projectId} /> },
          ]}
        />
      </Card>
      {creating && <CampaignCreateModal defaultProjectId={projectId} onClose={() => setCreating(false)} />}
    </>
  );
}
