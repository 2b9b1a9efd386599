import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { App, Button, Popconfirm, Tag } from 'antd';
import { AGENCY_STATUS_LABELS, type AgencyStatus } from '../../../common/channels.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import type { Agency } from '../../data/hooks/agencies.ts';
import { useSetAgencyStatus } from '../../data/hooks/agencies.ts';

export function AgencyStatusTag({ status }: { status: AgencyStatus }) {
  return <Tag color={status === 'active' ? 'green' : 'default'}>{AGENCY_STATUS_LABELS[status]}</Tag>;
}

type AgencyStatusButtonProps = { agency: Pick<Agency, 'id' | 'name' | 'status' | 'version'>; type?: ButtonProps['type']; size?: ButtonProps['size']; block?: boolean };

/** 「暂停合作」/「恢复合作」 behind a confirmation: suspending stops the agency's brokers registering. */
export function AgencyStatusButton({ agency, type = 'link', size = 'small', block }: AgencyStatusButtonProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const setStatus = useSetAgencyStatus();
  const suspending = agency.status === 'active';
  const label = suspending ? '暂停合作' : '恢复合作';

  const confirm = async () => {
    try {
      await setStatus.mutateAsync({ id: agency.id, version: agency.version, action: suspending ? 'suspend' : 'resume' });
      void message.success(`已${label}：${agency.name}`);
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <Popconfirm
      title={`${label}「${agency.name}」？`}
      description={suspending ? '暂停后该机构的经纪人不能再报备客户；已有报备的保护期不受影响。' : '恢复后该机构的经纪人可以继续报备。'}
      okText={label}
      cancelText="取消"
      okButtonProps={{ danger: suspending }}
      onConfirm={confirm}
    >
      <Button type={type} size={size} block={block} danger={suspending} loading={setStatus.isPending} icon={suspending ? <PauseCircleOutlined /> : <PlayCircleOutlined />}>
        {label}
      </Button>
    </Popconfirm>
  );
}
