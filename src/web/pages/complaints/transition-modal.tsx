import { App, Form, Input, Typography } from 'antd';
import { COMPLAINT_STATUS_LABELS } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { transitionBody } from '../../../common/contracts/complaints.ts';
import type { TransitionTarget } from '../../data/hooks/complaints.ts';
import { useTransitionComplaint } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

type TransitionValues = { note?: string; solution?: string };

type TransitionModalProps = { complaint: ComplaintDetail; to: TransitionTarget; label: string; onClose: () => void };

/** One step forward (or back) in the eight steps, with a note; 「提出方案」 also takes the solution. */
export function TransitionModal({ complaint: c, to, label, onClose }: TransitionModalProps) {
  const [form] = Form.useForm<TransitionValues>();
  const { message } = App.useApp();
  const transition = useTransitionComplaint(c.id);
  const { run } = useComplaintWrite(c.id);
  const needsSolution = to === 'solution_proposed';

  return (
    <FormModal<TransitionValues>
      title={label}
      form={form}
      width={560}
      okText="确认"
      initialValues={{ solution: c.solution }}
      onClose={onClose}
      onSubmit={async (values) => {
        const done = await run(() =>
          transition.mutateAsync({
            version: c.version,
            to,
            note: values.note?.trim() ?? '',
            ...(needsSolution ? { solution: values.solution?.trim() ?? '' } : {}),
          }),
        );
        if (done) void message.success(`状态已更新为「${COMPLAINT_STATUS_LABELS[to]}」`);
      }}
    >
      <Typography.Paragraph type="secondary">
        {COMPLAINT_STATUS_LABELS[c.status]} → {COMPLAINT_STATUS_LABELS[to]}
      </Typography.Paragraph>
      {needsSolution && (
        <Form.Item
          label="处理方案"
          name="solution"
          required
          rules={[schemaRule(transitionBody.shape.solution.unwrap(), '请填写处理方案')]}
        >
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4, maxRows: 10 }} placeholder="调查结论与拟采取的处理方案" />
        </Form.Item>
      )}
      <Form.Item label="说明" name="note" rules={[schemaRule(transitionBody.shape.note)]}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} placeholder="本步的情况说明（可不填）" />
      </Form.Item>
    </FormModal>
  );
}
