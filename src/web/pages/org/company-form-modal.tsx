import { App, Form, Input } from 'antd';
import type { Company } from '../../../common/contracts/org.ts';
import { companyCreate } from '../../../common/contracts/org.ts';
import type { CompanyCreateBody } from '../../data/hooks/org.ts';
import { useSaveCompany } from '../../data/hooks/org.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

export function CompanyFormModal({ company, onClose }: { company?: Company; onClose: () => void }) {
  const [form] = Form.useForm<CompanyCreateBody>();
  const save = useSaveCompany();
  const { message } = App.useApp();

  return (
    <FormModal<CompanyCreateBody>
      title={company ? '编辑公司' : '新建公司'}
      form={form}
      initialValues={company ? { name: company.name, city: company.city, code: company.code } : undefined}
      onClose={onClose}
      onSubmit={async (values) => {
        await save.mutateAsync(
          company ? { id: company.id, body: { ...values, version: company.version } } : { body: values },
        );
        void message.success(company ? '公司已保存' : '公司已创建');
      }}
    >
      <Form.Item label="公司名称" name="name" required rules={[schemaRule(companyCreate.shape.name, '请输入公司名称')]}>
        <Input maxLength={64} placeholder="如：杭州置业有限公司" />
      </Form.Item>
      <Form.Item label="城市" name="city" required rules={[schemaRule(companyCreate.shape.city, '请输入城市')]}>
        <Input maxLength={32} placeholder="如：杭州" />
      </Form.Item>
      <Form.Item
        label="公司编码"
        name="code"
        required
        rules={[schemaRule(companyCreate.shape.code, '请输入公司编码')]}
        extra="2–32 位字母、数字、下划线或短横线，集团内唯一"
      >
        <Input maxLength={32} placeholder="如：HZ01" />
      </Form.Item>
    </FormModal>
  );
}
