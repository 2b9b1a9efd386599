import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { schemaRule } from '../lib/form-rules.ts';
import { useApiErrorHandler } from './use-api-error.ts';

type RevealValueModalProps = {
  title: string;
  /** Whose data, shown above the reason (「客户：张伟」). */
  subject: string;
  /** Shown above the revealed value (「张伟 的手机号：」). */
  valueLabel: string;
  reasonSchema: z.ZodType;
  placeholder: string;
  pending: boolean;
  reveal: (reason: string) => Promise<string>;
  onClose: () => void;
};

/** 「查看完整号码」: asks for a reason (audited on the server), then shows the full value once. */
export function RevealValueModal({ title, subject, valueLabel, reasonSchema, placeholder, pending, reveal, onClose }: RevealValueModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
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
      setValue(await reveal(reason));
    } catch (error) {
      handleError(error, form);
    }
  };

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
            <Button type="primary" loading={pending} onClick={() => void submit()}>
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
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="查看完整个人信息将记录在审计日志中" description={subject} />
          <Form.Item label="查看原因" name="reason" required rules={[schemaRule(reasonSchema, '请填写查看原因')]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={placeholder} />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{valueLabel}</Typography.Text>
          <Typography.Text className="secret-box" copyable={{ text: value }} data-testid="revealed-value">
            {value}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
