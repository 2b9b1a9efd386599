import { ConfirmPasswordItem } from '../../components/confirm-password-item.tsx';
import { App, Form, Input } from 'antd';
import type { User } from '../../../common/contracts/users.ts';
import { passwordSchema } from '../../../common/validators.ts';
import { useResetPassword } from '../../data/hooks/users.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type ResetValues = { newPassword: string; confirmPassword: string };

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetPassword();
  const { message } = App.useApp();

  return (
    <FormModal<ResetValues>
      title={`重置密码：${user.displayName}（${user.username}）`}
      form={form}
      width={440}
      onClose={onClose}
      onSubmit={async (values) => {
        await reset.mutateAsync({ id: user.id, newPassword: values.newPassword });
        void message.success(`已重置 ${user.displayName} 的密码`);
      }}
    >
      <Form.Item
        label="新密码"
        name="newPassword"
        required
        rules={[schemaRule(passwordSchema, '请输入新密码')]}
        extra="至少 8 位，须同时包含字母和数字；请通过安全渠道告知用户"
      >
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordItem />
    </FormModal>
  );
}
