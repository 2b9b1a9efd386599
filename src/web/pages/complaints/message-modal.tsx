import { App, Checkbox, Form, Input, Typography } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { noteBody, replyBody } from '../../../common/contracts/complaints.ts';
import { useAddComplaintNote, useReplyComplaint } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

type MessageValues = { content: string; public?: boolean };

type MessageModalProps = { complaint: ComplaintDetail; kind: 'reply' | 'note'; onClose: () => void };

/** 答复客户 (an answer to the complainant; the first one counts as the response) or 内部备注. */
export function MessageModal({ complaint: c, kind, onClose }: MessageModalProps) {
  const [form] = Form.useForm<MessageValues>();
  const { message } = App.useApp();
  const reply = useReplyComplaint(c.id);
  const note = useAddComplaintNote(c.id);
  const { run } = useComplaintWrite(c.id);
  const isReply = kind === 'reply';

  return (
    <FormModal<MessageValues>
      title={isReply ? '答复客户' : '内部备注'}
      form={form}
      width={520}
      okText={isReply ? '发送答复' : '保存'}
      initialValues={{ public: true }}
      onClose={onClose}
      onSubmit={async (values) => {
        const content = values.content.trim();
        const done = await run(() =>
          isReply
            ? reply.mutateAsync({ version: c.version, content, public: values.public ?? true })
            : note.mutateAsync({ version: c.version, content }),
        );
        if (done) void message.success(isReply ? '答复已记录' : '备注已保存');
      }}
    >
      {isReply && !c.acknowledgedAt && (
        <Typography.Paragraph type="secondary">首次答复即视为已响应客户，响应时限据此计算。</Typography.Paragraph>
      )}
      <Form.Item
        label={isReply ? '答复内容' : '备注'}
        name="content"
        required
        rules={[schemaRule(isReply ? replyBody.shape.content : noteBody.shape.content, isReply ? '请填写答复内容' : '请填写备注')]}
      >
        <Input.TextArea
          maxLength={2000}
          showCount
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder={isReply ? '对客户的答复' : '仅内部可见的备注'}
        />
      </Form.Item>
      {isReply && (
        <Form.Item name="public" valuePropName="checked" extra="勾选后，客户可在投诉查询页面看到这条答复">
          <Checkbox>客户可见</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
