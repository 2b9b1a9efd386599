import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Deal } from '../../../common/contracts/sales.ts';
import { dealCancel } from '../../../common/contracts/sales.ts';
import { cancellationLabel, DEAL_STAGE_LABELS } from '../../../common/sales.ts';
import { useCancelDeal } from '../../data/hooks/sales.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { useDealWrite } from './use-deal-write.ts';

type CancelValues = { reason?: string };

/** 退订 (before the contract) or 退房 (after): a reason, then an explicit, red confirmation. */
export function CancelDealModal({ deal, onClose }: { deal: Deal; onClose: () => void }) {
  const [form] = Form.useForm<CancelValues>();
  const { message } = App.useApp();
  const cancel = useCancelDeal();
  const write = useDealWrite();
  const handleError = useApiErrorHandler();
  const [submitting, setSubmitting] = useState(false);
  const label = cancellationLabel(deal.stage);
  const place = `${deal.buildingName} ${deal.unit.number}`;

  const submit = async () => {
    if (submitting) return;
    let values: CancelValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const done = await write(() => cancel.mutateAsync({ id: deal.id, body: { version: deal.version, reason: values.reason?.trim() ?? '' } }));
      if (done) void message.success(`${place} 已${label}，房源恢复可售`);
      onClose();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${place}`}
      width={480}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={submitting}>
            取消
          </Button>
          <Button type="primary" danger loading={submitting} onClick={() => void submit()}>
            确认{label}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        客户 <Typography.Text strong>{deal.customer.name}</Typography.Text> 当前为「{DEAL_STAGE_LABELS[deal.stage]}」，确认{label}？
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${label}后不可撤销`}
        description={`房源将恢复「可售」，客户阶段退回「意向」${deal.stage === 'contract' ? '，并不再是该房源的业主' : ''}。`}
      />
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={`${label}原因`} name="reason" required rules={[schemaRule(dealCancel.shape.reason, '请填写原因')]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder={`请填写${label}原因`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
