import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useLinkSuggestedCustomer } from '../../data/hooks/complaints.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

/**
 * 「关联客户档案」 for a public filing whose mobile matches a customer file: the public page never
 * links by what an anonymous caller typed, so staff confirm it (audited) before the complaint
 * appears on that customer's timeline.
 */
export function CustomerLinkButton({ complaint: c }: { complaint: Pick<ComplaintDetail, 'id' | 'version' | 'customerId' | 'suggestedCustomerId'> }) {
  const { message } = App.useApp();
  const link = useLinkSuggestedCustomer(c.id);
  const { run, handleError } = useComplaintWrite(c.id);
  if (c.customerId || !c.suggestedCustomerId) return null;

  const confirm = async () => {
    try {
      if (await run(() => link.mutateAsync({ version: c.version }))) void message.success('已关联客户档案');
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <Popconfirm
      title="关联客户档案？"
      description="系统中已有该手机号的客户档案。请先与投诉人核实身份；关联后，本投诉将出现在该客户的时间线上。"
      okText="确认关联"
      cancelText="取消"
      onConfirm={confirm}
    >
      <Button icon={<LinkOutlined />} loading={link.isPending}>
        关联客户档案
      </Button>
    </Popconfirm>
  );
}
