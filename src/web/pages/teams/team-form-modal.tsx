import { App, Form, Input, Select } from 'antd';
import type { Team } from '../../../common/contracts/users.ts';
import { teamCreate } from '../../../common/contracts/users.ts';
import { useCompanyOptions, useProjectOptions } from '../../data/hooks/org.ts';
import { useSaveTeam } from '../../data/hooks/teams.ts';
import { useUserOptions } from '../../data/hooks/users.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type TeamFormValues = {
  name: string;
  companyId?: string;
  projectId?: string | null;
  leaderId?: string | null;
};

type TeamFormModalProps = { team?: Team; defaultCompanyId?: string; onClose: () => void };

export function TeamFormModal({ team, defaultCompanyId, onClose }: TeamFormModalProps) {
  const [form] = Form.useForm<TeamFormValues>();
  const companyId = Form.useWatch('companyId', form) ?? team?.companyId ?? defaultCompanyId;
  const companies = useCompanyOptions();
  const projects = useProjectOptions(companyId);
  const users = useUserOptions(companyId);
  const save = useSaveTeam();
  const { message } = App.useApp();

  const projectOptions = projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? [];
  if (team?.projectId && !projectOptions.some((o) => o.value === team.projectId)) {
    projectOptions.unshift({ value: team.projectId, label: team.projectName ?? team.projectId });
  }
  const leaderOptions =
    users.data?.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })) ?? [];
  if (team?.leader && !leaderOptions.some((o) => o.value === team.leader?.id)) {
    leaderOptions.unshift({ value: team.leader.id, label: team.leader.name });
  }

  return (
    <FormModal<TeamFormValues>
      title={team ? '编辑团队' : '新建团队'}
      form={form}
      initialValues={
        team
          ? { name: team.name, companyId: team.companyId, projectId: team.projectId, leaderId: team.leader?.id ?? null }
          : { companyId: defaultCompanyId, projectId: null, leaderId: null }
      }
      onValuesChange={(changed: Partial<TeamFormValues>) => {
        // Project and leader belong to the company: a new company clears them.
        if ('companyId' in changed) form.setFieldsValue({ projectId: null, leaderId: null });
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const common = { name: values.name, projectId: values.projectId ?? null, leaderId: values.leaderId ?? null };
        if (team) await save.mutateAsync({ id: team.id, body: { ...common, version: team.version } });
        else await save.mutateAsync({ body: { ...common, companyId: values.companyId ?? '' } });
        void message.success(team ? '团队已保存' : '团队已创建');
      }}
    >
      <Form.Item label="团队名称" name="name" required rules={[schemaRule(teamCreate.shape.name, '请输入团队名称')]}>
        <Input maxLength={32} placeholder="如：销售一组" />
      </Form.Item>
      <Form.Item
        label="所属公司"
        name="companyId"
        required={!team}
        rules={team ? [] : [schemaRule(teamCreate.shape.companyId, '请选择所属公司')]}
        extra={team ? '团队创建后不能更换所属公司' : undefined}
      >
        <Select
          disabled={Boolean(team)}
          placeholder="请选择公司"
          loading={companies.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={
            companies.data?.map((c) => ({ value: c.id, label: c.name })) ??
            (team ? [{ value: team.companyId, label: team.companyName }] : [])
          }
        />
      </Form.Item>
      <Form.Item label="所属项目" name="projectId" extra="选填：团队只服务一个项目时选择">
        <Select
          allowClear
          disabled={!companyId}
          placeholder={companyId ? '不限项目' : '请先选择公司'}
          loading={projects.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={projectOptions}
          notFoundContent="该公司暂无项目"
        />
      </Form.Item>
      <Form.Item label="团队负责人" name="leaderId">
        <Select
          allowClear
          disabled={!companyId}
          placeholder={companyId ? '选择本公司的用户' : '请先选择公司'}
          loading={users.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={leaderOptions}
          notFoundContent="该公司暂无用户"
        />
      </Form.Item>
    </FormModal>
  );
}
