import { App, Form, Input, Select } from 'antd';
import type { Project, ProjectStatus } from '../../../common/contracts/org.ts';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, projectCreate } from '../../../common/contracts/org.ts';
import type { ProjectCreateBody } from '../../data/hooks/org.ts';
import { useCompanyOptions, useSaveProject } from '../../data/hooks/org.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type ProjectFormValues = {
  companyId?: string;
  name: string;
  code: string;
  city: string;
  address?: string;
  status: ProjectStatus;
};

export const PROJECT_STATUS_OPTIONS = PROJECT_STATUSES.map((value) => ({ value, label: PROJECT_STATUS_LABELS[value] }));

type ProjectFormModalProps = {
  project?: Project;
  defaultCompanyId?: string;
  onClose: () => void;
  onSaved?: (project: Project) => void;
};

export function ProjectFormModal({ project, defaultCompanyId, onClose, onSaved }: ProjectFormModalProps) {
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  const companies = useCompanyOptions();
  const { message } = App.useApp();
  const shape = projectCreate.shape;

  const initialValues: Partial<ProjectFormValues> = project
    ? {
        companyId: project.companyId,
        name: project.name,
        code: project.code,
        city: project.city,
        address: project.address,
        status: project.status,
      }
    : { companyId: defaultCompanyId, status: 'planning' };

  return (
    <FormModal<ProjectFormValues>
      title={project ? '编辑项目' : '新建项目'}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      onValuesChange={(changed: Partial<ProjectFormValues>) => {
        // A new project is usually in its company's city: fill it in when still empty.
        if (changed.companyId && !form.getFieldValue('city')) {
          const company = companies.data?.find((c) => c.id === changed.companyId);
          if (company) form.setFieldValue('city', company.city);
        }
      }}
      onSubmit={async (values) => {
        const common = {
          name: values.name,
          code: values.code,
          city: values.city,
          address: values.address?.trim() ?? '',
          status: values.status,
        };
        const saved = project
          ? await save.mutateAsync({ id: project.id, body: { ...common, version: project.version } })
          : await save.mutateAsync({ body: { ...common, companyId: values.companyId ?? '' } satisfies ProjectCreateBody });
        void message.success(project ? '项目已保存' : '项目已创建');
        onSaved?.(saved);
      }}
    >
      <Form.Item label="项目名称" name="name" required rules={[schemaRule(shape.name, '请输入项目名称')]}>
        <Input maxLength={64} placeholder="如：西溪云庐" />
      </Form.Item>
      <Form.Item
        label="项目编码"
        name="code"
        required
        rules={[schemaRule(shape.code, '请输入项目编码')]}
        extra="2–32 位字母、数字、下划线或短横线"
      >
        <Input maxLength={32} placeholder="如：XXYL" />
      </Form.Item>
      <Form.Item
        label="所属公司"
        name="companyId"
        required={!project}
        rules={project ? [] : [schemaRule(shape.companyId, '请选择所属公司')]}
        extra={project ? '项目创建后不能更换所属公司' : undefined}
      >
        <Select
          disabled={Boolean(project)}
          loading={companies.isPending}
          placeholder="请选择公司"
          showSearch={{ optionFilterProp: 'label' }}
          options={
            companies.data?.map((c) => ({ value: c.id, label: c.name })) ??
            (project ? [{ value: project.companyId, label: project.companyName }] : [])
          }
          notFoundContent={companies.isPending ? '加载中…' : '暂无公司，请先新建公司'}
        />
      </Form.Item>
      <Form.Item label="城市" name="city" required rules={[schemaRule(shape.city, '请输入城市')]}>
        <Input maxLength={32} placeholder="如：杭州" />
      </Form.Item>
      <Form.Item label="地址" name="address" rules={[schemaRule(shape.address)]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} placeholder="项目详细地址（选填）" />
      </Form.Item>
      <Form.Item label="项目状态" name="status" required rules={[schemaRule(shape.status, '请选择项目状态')]}>
        <Select options={PROJECT_STATUS_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}
