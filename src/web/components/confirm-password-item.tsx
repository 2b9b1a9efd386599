import { Form, Input } from 'antd';

// 「确认新密码」: must repeat the `newPassword` field of the same form.
export function ConfirmPasswordItem() {
  return (
    <Form.Item
      label="确认新密码"
      name="confirmPassword"
      required
      dependencies={['newPassword']}
      rules={[
        { required: true, message: '请再次输入新密码' },
        ({ getFieldValue }) => ({
          validator: async (_rule, value: unknown) => {
            if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
          },
        }),
      ]}
    >
      <Input.Password maxLength={128} autoComplete="new-password" />
    </Form.Item>
  );
}
