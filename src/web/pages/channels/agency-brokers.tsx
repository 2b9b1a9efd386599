import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { ConfirmDeleteButton } from '../../components/confirm-delete-button.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import type { AgencyDetail } from '../../data/hooks/agencies.ts';
import { useAddAgencyBroker, useBrokerCandidates, useRemoveAgencyBroker } from '../../data/hooks/agencies.ts';
import { formatDate } from '../../lib/format.ts';

/** 「添加经纪人」: the company's broker users; one already in an agency is shown but cannot be picked. */
function AddBroker({ agency }: { agency: AgencyDetail }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [brokerId, setBrokerId] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const candidates = useBrokerCandidates(agency.id, open);
  const add = useAddAgencyBroker();

  const submit = async () => {
    if (!brokerId) return;
    try {
      await add.mutateAsync({ id: agency.id, brokerId });
      void message.success('已加入本机构');
      setBrokerId(undefined);
    } catch (error) {
      handleError(error);
    }
  };

  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: c.agency ? `${c.name}（${c.username}，已属于${c.agency.name}）` : `${c.name}（${c.username}）`,
    disabled: Boolean(c.agency),
  }));
  return (
    <Space.Compact style={{ width: '100%' }}>
      <LeanSelect<string>
        aria-label="选择经纪人"
        placeholder="选择本公司的渠道经纪人"
        style={{ flex: 1, minWidth: 0 }}
        value={brokerId}
        loading={candidates.isPending && open}
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        notFoundContent={candidates.isPending ? '加载中…' : '本公司暂无渠道经纪人账号'}
        onOpenChange={(next) => next && setOpen(true)}
        onChange={(value: string | undefined) => setBrokerId(value)}
      />
      <Button type="primary" icon={<UserAddOutlined />} disabled={!brokerId} loading={add.isPending} onClick={() => void submit()}>
        添加
      </Button>
    </Space.Compact>
  );
}

/** The agency's brokers; managers add and remove them (removal is confirmed). */
export function AgencyBrokers({ agency, canManage }: { agency: AgencyDetail; canManage: boolean }) {
  const remove = useRemoveAgencyBroker();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canManage && <AddBroker agency={agency} />}
      <List
        size="small"
        bordered
        dataSource={agency.brokers}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无经纪人，报备时将显示为独立经纪人" /> }}
        renderItem={(b) => (
          <List.Item
            actions={
              canManage
                ? [
                    <ConfirmDeleteButton
                      key="remove"
                      title={`将 ${b.name} 移出本机构？`}
                      description="其已有报备仍归本机构；之后的报备将不再属于本机构。"
                      okText="移出"
                      successMessage={`已将 ${b.name} 移出本机构`}
                      onConfirm={() => remove.mutateAsync({ id: agency.id, brokerId: b.id })}
                    >
                      移出
                    </ConfirmDeleteButton>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta title={`${b.name}（${b.username}）`} description={<Typography.Text type="secondary">{formatDate(b.joinedAt)} 加入</Typography.Text>} />
          </List.Item>
        )}
      />
    </Space>
  );
}
