import { Alert, App, Form, Input, Radio, Rate } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { callbackBody } from '../../../common/contracts/complaints.ts';
import { useAddCallback } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

type CallbackValues = { satisfaction?: number; solved?: boolean; content?: string };

export const SATISFACTION_LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];

/** 回访: the complainant's satisfaction (1–5) and whether the problem is solved. */
export function CallbackModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<CallbackValues>();
  const { message } = App.useApp();
  const callback = useAddCallback(c.id);
  const { run } = useComplaintWrite(c.id);
  const solved = Form.useWatch('solved', form);

  return (
    <FormModal<CallbackValues>
      title="回访"
      form={form}
      width={520}
      onClose={onClose}
      onSubmit={async (values) => {
        const done = await run(() =>
          callback.mutateAsync({
            version: c.version,
            satisfaction: values.satisfaction ?? 0,
            solved: values.solved ?? false,
            content: values.content?.trim() ?? '',
          }),
        );
        if (done) void message.success(values.solved ? '回访已记录，可以关闭投诉' : '回访已记录，投诉退回「处理中」');
      }}
    >
      <Form.Item label="满意度" name="satisfaction" required rules={[{ required: true, message: '请选择满意度' }]}>
        <Rate tooltips={SATISFACTION_LABELS} aria-label="满意度" />
      </Form.Item>
      <Form.Item label="问题是否解决" name="solved" required rules={[{ required: true, message: '请选择问题是否解决' }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: '已解决' },
            { value: false, label: '未解决' },
          ]}
        />
      </Form.Item>
      {solved === false && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="客户表示未解决：投诉将退回「处理中」继续处理" />
      )}
      <Form.Item label="回访记录" name="content" rules={[schemaRule(callbackBody.shape.content)]}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder="客户的反馈（可不填）" />
      </Form.Item>
    </FormModal>
  );
}
