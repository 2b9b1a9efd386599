import { Form, Input, Select } from 'antd';
import { apiTokenCreate } from '../../../common/contracts/users.ts';
import type { ApiTokenCreateBody, ApiTokenCreated } from '../../data/hooks/tokens.ts';
import { useCreateApiToken } from '../../data/hooks/tokens.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { ROLE_OPTIONS } from '../users/options.ts';

type TokenCreateModalProps = { onClose: () => void; onCreated: (token: ApiTokenCreated) => void };

export function TokenCreateModal({ onClose, onCreated }: TokenCreateModalProps) {
  const [form] = Form.useForm<ApiTokenCreateBody>();
  const create = useCreateApiToken();

  return (
    <FormModal<ApiTokenCreateBody>
      title="新建令牌"
      form={form}
      width={480}
      onClose={onClose}
      onSubmit={async (values) => {
        onCreated(await create.mutateAsync(values));
      }}
    >
      <Form.Item
        label="令牌名称"
        name="name"
        required
        rules={[schemaRule(apiTokenCreate.shape.name, '请输入令牌名称')]}
        extra="说明用途，如：官网留资对接"
      >
        <Input maxLength={64} placeholder="如：官网留资对接" />
      </Form.Item>
      <Form.Item
        label="角色"
        name="role"
        required
        rules={[schemaRule(apiTokenCreate.shape.role, '请选择角色')]}
        extra="令牌以该角色的权限调用接口，请按最小权限选择"
      >
        <Select placeholder="请选择角色" options={ROLE_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}
