import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { revealBody } from '../../../common/contracts/customers.ts';
import type { RevealField } from '../../data/hooks/customers.ts';
import { useRevealField } from '../../data/hooks/customers.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';

const FIELD_LABELS: Record<RevealField, string> = { mobile: '手机号', idNumber: '身份证号' };

type RevealModalProps = { customerId: string; customerName: string; field: RevealField; onClose: () => void };

/** 「查看完整号码」: asks for a reason (audited on the server), then shows the full value once. */
export function RevealModal({ customerId, customerName, field, onClose }: RevealModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealField(customerId);
  const handleError = useApiErrorHandler();
  const [value, setValue] = useState<string | null>(null);

  const submit = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    try {
      const result = await reveal.mutateAsync({ field, reason });
      setValue(result.value);
    } catch (error) {
      handleError(error, form);
    }
  };

  const title = `查看完整${FIELD_LABELS[field]}`;
  return (
    <Modal
      open
      title={title}
      width={440}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        value === null ? (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={reveal.isPending} onClick={() => void submit()}>
              查看
            </Button>
          </Space>
        ) : (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        )
      }
    >
      {value === null ? (
        <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="查看完整个人信息将记录在审计日志中"
            description={`客户：${customerName}`}
          />
          <Form.Item label="查看原因" name="reason" required rules={[schemaRule(revealBody.shape.reason, '请填写查看原因')]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：客户来电要求回拨" />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {customerName} 的{FIELD_LABELS[field]}：
          </Typography.Text>
          <Typography.Text className="secret-box" copyable={{ text: value }} data-testid="revealed-value">
            {value}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
