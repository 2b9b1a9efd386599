import { App, Form, Input, Typography } from 'antd';
import { appealCreate } from '../../../common/contracts/channels.ts';
import { useCreateAppeal } from '../../data/hooks/channels.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import type { AppealTarget } from './register-modal.tsx';

type AppealValues = { reason: string };

/** 「申诉」 on a registration that expired or was judged invalid: a reason for the project to decide on. */
export function AppealCreateModal({ target, onClose }: { target: AppealTarget; onClose: () => void }) {
  const [form] = Form.useForm<AppealValues>();
  const { message } = App.useApp();
  const appeal = useCreateAppeal();

  return (
    <FormModal<AppealValues>
      title="提交申诉"
      form={form}
      okText="提交申诉"
      width={480}
      onClose={onClose}
      onSubmit={async (values) => {
        await appeal.mutateAsync({ registrationId: target.registrationId, body: { reason: values.reason.trim() } });
        void message.success('申诉已提交，请等待项目渠道负责人处理');
      }}
    >
      <Typography.Paragraph>
        报备：<Typography.Text strong>{target.title}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        请说明您首先带来该客户的依据（如带看时间、沟通记录）。申诉获支持后，报备将恢复并重新计算保护期；同一报备同时只能有一条申诉待处理。
      </Typography.Paragraph>
      <Form.Item label="申诉理由" name="reason" required rules={[schemaRule(appealCreate.shape.reason, '请填写申诉理由')]}>
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 4, maxRows: 8 }} placeholder="请填写申诉理由" />
      </Form.Item>
    </FormModal>
  );
}
