import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import { useSession } from '../../auth/session.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import type { Agency } from '../../data/hooks/agencies.ts';
import { useAgency } from '../../data/hooks/agencies.ts';
import { EMPTY_TEXT, formatNumber } from '../../lib/format.ts';
import { AgencyBrokers } from './agency-brokers.tsx';
import { AgencyStatusButton, AgencyStatusTag } from './agency-status-button.tsx';

type AgencyDrawerProps = { agencyId: string; period: { from: string; to: string }; onEdit: (a: Agency) => void; onClose: () => void };

/** One agency: its facts and counts for the list's period, and its brokers (添加/移出 for managers). */
export function AgencyDrawer({ agencyId, period, onEdit, onClose }: AgencyDrawerProps) {
  const { can } = useSession();
  const canManage = can('channels.manage');
  const isPhone = useIsPhone();
  const agency = useAgency(agencyId, period);
  const a = agency.data;

  let body;
  if (agency.isError) body = <QueryError error={agency.error} onRetry={() => void agency.refetch()} />;
  else if (!a) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    body = (
      <>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'company', label: '合作公司', children: a.companyName },
            { key: 'status', label: '状态', children: <AgencyStatusTag status={a.status} /> },
            { key: 'contact', label: '联系人', children: `${a.contactName} ${a.contactMobile}` },
            { key: 'note', label: '备注', children: a.note || EMPTY_TEXT },
            {
              key: 'stats',
              label: `${a.from} 至 ${a.to}`,
              children: `报备 ${formatNumber(a.stats.registrations)} · 到访 ${formatNumber(a.stats.visits)} · 成交 ${formatNumber(a.stats.deals)} · 可结佣 ${formatNumber(a.stats.commissionEligible)}`,
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          经纪人（{a.brokers.length}）
        </Typography.Title>
        <AgencyBrokers agency={a} canManage={canManage} />
      </>
    );
  }

  return (
    <Drawer
      open
      title={a?.name ?? '渠道机构'}
      size={isPhone ? '100%' : 480}
      onClose={onClose}
      destroyOnHidden
      footer={
        canManage && a ? (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => onEdit(a)}>
              编辑
            </Button>
            <AgencyStatusButton agency={a} type="default" size="middle" />
          </Space>
        ) : undefined
      }
    >
      {body}
    </Drawer>
  );
}
