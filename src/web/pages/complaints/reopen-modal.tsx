import { Alert, App, Form, Input } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { reopenBody } from '../../../common/contracts/complaints.ts';
import { useReopenComplaint } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

/** 重新打开 a closed complaint (二次投诉): back to 「调查中」, with a reason. */
export function ReopenModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const reopen = useReopenComplaint(c.id);
  const { run } = useComplaintWrite(c.id);

  return (
    <FormModal<{ reason: string }>
      title={`重新打开投诉 ${c.no}`}
      form={form}
      width={480}
      okText="确认重新打开"
      onClose={onClose}
      onSubmit={async (values) => {
        const done = await run(() => reopen.mutateAsync({ version: c.version, reason: values.reason.trim() }));
        if (done) void message.success('投诉已重新打开');
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="确认重新打开这条已关闭的投诉？"
        description="投诉将回到「调查中」继续处理；处理完毕后再次投诉，性质至少为「重要」，并重新计算处理时限。"
      />
      <Form.Item label="重新打开原因" name="reason" required rules={[schemaRule(reopenBody.shape.reason, '请填写重新打开原因')]}>
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：客户反映问题再次出现" />
      </Form.Item>
    </FormModal>
  );
}
