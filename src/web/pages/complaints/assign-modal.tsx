import { App, Form, Input, Typography } from 'antd';
import { assignBody } from '../../../common/contracts/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import { useAssignComplaint } from '../../data/hooks/complaints.ts';
import { useUserOptions } from '../../data/hooks/users.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

type AssignValues = { handlerId?: string; note?: string };

type AssignModalProps = {
  complaint: ComplaintDetail;
  /** Without users.read: the caller takes the complaint on (由我处理) instead of picking someone. */
  self: boolean;
  onClose: () => void;
};

/** 分派 / 移交: a named handler takes the complaint over (首问责任制: it stays theirs until handed on). */
export function AssignModal({ complaint: c, self, onClose }: AssignModalProps) {
  const [form] = Form.useForm<AssignValues>();
  const { me } = useSession();
  const { message } = App.useApp();
  const assign = useAssignComplaint(c.id);
  const { run } = useComplaintWrite(c.id);
  const users = useUserOptions(self ? null : c.companyId);
  const options =
    users.data
      // A received complaint may be assigned to its current handler (to confirm it); a hand-over goes to someone else.
      ?.filter((u) => u.active && (c.status === 'received' || u.id !== c.handler?.id))
      .map((u) => ({ value: u.id, label: u.id === c.handler?.id ? `${u.displayName}（当前处理人）` : u.displayName })) ?? [];
  const title = self ? '由我处理' : c.status === 'received' ? '分派投诉' : '移交投诉';

  return (
    <FormModal<AssignValues>
      title={title}
      form={form}
      width={480}
      okText={self ? '确认' : '保存'}
      onClose={onClose}
      onSubmit={async (values) => {
        const done = await run(() =>
          assign.mutateAsync({ version: c.version, handlerId: self ? me.id : (values.handlerId ?? ''), note: values.note?.trim() ?? '' }),
        );
        if (done) void message.success(self ? '已由您负责处理' : c.status === 'received' ? '已分派' : '已移交');
      }}
    >
      {c.handler && (
        <Typography.Paragraph type="secondary">当前处理人：{c.handler.name}</Typography.Paragraph>
      )}
      {self ? (
        <Typography.Paragraph>由您（{me.displayName}）负责处理这条投诉{c.status === 'received' ? '，确认后进入「已分派」' : ''}。</Typography.Paragraph>
      ) : (
        <Form.Item label="处理人" name="handlerId" required rules={[{ required: true, message: '请选择处理人' }]}>
          <LeanSelect
            placeholder="请选择处理人"
            loading={users.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
          />
        </Form.Item>
      )}
      <Form.Item label="说明" name="note" rules={[schemaRule(assignBody.shape.note)]}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder="交代情况（可不填）" />
      </Form.Item>
    </FormModal>
  );
}
