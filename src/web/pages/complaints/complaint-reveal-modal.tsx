import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { revealComplaintBody } from '../../../common/contracts/complaints.ts';
import { useRevealComplaintMobile } from '../../data/hooks/complaints.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';

/** 「查看完整号码」 of the complainant: asks for a reason (audited on the server), then shows it once. */
export function ComplaintRevealModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealComplaintMobile(c.id);
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
      setValue((await reveal.mutateAsync({ reason })).value);
    } catch (error) {
      handleError(error, form);
    }
  };

  return (
    <Modal
      open
      title="查看完整手机号"
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
            description={`投诉人：${c.contactName}（投诉 ${c.no}）`}
          />
          <Form.Item label="查看原因" name="reason" required rules={[schemaRule(revealComplaintBody.shape.reason, '请填写查看原因')]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：回访客户" />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{c.contactName} 的手机号：</Typography.Text>
          <Typography.Text className="secret-box" copyable={{ text: value }} data-testid="revealed-value">
            {value}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
