import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { closeBody } from '../../../common/contracts/complaints.ts';
import { isApiError } from '../../data/client.ts';
import { useCloseComplaint } from '../../data/hooks/complaints.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

// Closing is refused with these while something is missing; the server's text says what.
const BLOCKED_TITLES: Record<string, string> = {
  CALLBACK_REQUIRED: '尚未回访，不能关闭',
  CASE_REQUIRED: '重大投诉须先完成案例撰写，才能关闭',
  INVALID_TRANSITION: '当前状态不能关闭',
};

/** 关闭: a confirmation with an optional note; a refusal (回访/案例 missing) stays on screen. */
export function CloseModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const close = useCloseComplaint(c.id);
  const { run, handleError } = useComplaintWrite(c.id);
  const [blocked, setBlocked] = useState<{ title: string; detail: string } | null>(null);
  const missingCallback = c.callbacks.length === 0;
  const missingCase = c.severity === 'major' && !c.case;

  const submit = async () => {
    let values: { note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBlocked(null);
    try {
      const done = await run(() => close.mutateAsync({ version: c.version, note: values.note?.trim() ?? '' }));
      if (done) void message.success('投诉已关闭');
      onClose();
    } catch (error) {
      const title = isApiError(error) ? BLOCKED_TITLES[error.code] : undefined;
      if (isApiError(error) && title) setBlocked({ title, detail: error.userMessage });
      else handleError(error, form);
    }
  };

  return (
    <Modal
      open
      title={`关闭投诉 ${c.no}`}
      width={480}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={close.isPending}>
            取消
          </Button>
          <Button type="primary" loading={close.isPending} onClick={() => void submit()}>
            确认关闭
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>确认问题已解决、客户已回访，关闭这条投诉？关闭后如客户再次投诉，可重新打开。</Typography.Paragraph>
      {(missingCallback || missingCase) && !blocked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="关闭前还需完成"
          description={[missingCallback && '回访客户', missingCase && '撰写案例（重大投诉）'].filter(Boolean).join('、')}
        />
      )}
      {blocked && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={blocked.title} description={blocked.detail} role="alert" />
      )}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item label="说明" name="note" rules={[schemaRule(closeBody.shape.note)]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="结案说明（可不填）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
