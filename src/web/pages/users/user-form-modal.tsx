import { App, Col, Form, Input, Row, Select, Switch } from 'antd';
import type { User } from '../../../common/contracts/users.ts';
import { userCreate } from '../../../common/contracts/users.ts';
import type { DataScope, Role } from '../../../common/roles.ts';
import { DEFAULT_SCOPE } from '../../../common/roles.ts';
import { passwordSchema } from '../../../common/validators.ts';
import { useCompanyOptions, useProjectOptions } from '../../data/hooks/org.ts';
import { useTeamOptions } from '../../data/hooks/teams.ts';
import { useCreateUser, useUpdateUser } from '../../data/hooks/users.ts';
import { useSession } from '../../auth/session.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { SCOPE_EXPLANATIONS } from '../../lib/labels.ts';
import { ROLE_OPTIONS, SCOPE_OPTIONS } from './options.ts';

type UserFormValues = {
  username?: string;
  password?: string;
  displayName: string;
  email?: string;
  role?: Role;
  scope?: DataScope;
  companyId?: string | null;
  teamId?: string | null;
  projectIds?: string[];
  active?: boolean;
};

type Option = { value: string; label: string };

function withCurrent(options: Option[], current: { id: string; name: string }[]): Option[] {
  const missing = current.filter((c) => !options.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: c.name }));
  return [...missing, ...options];
}

export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const [form] = Form.useForm<UserFormValues>();
  const { can } = useSession();
  const create = useCreateUser();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const watchedCompany = Form.useWatch('companyId', form);
  const companyId = watchedCompany === undefined ? (user?.company?.id ?? null) : watchedCompany;
  const scope = Form.useWatch('scope', form) ?? user?.scope;
  const companies = useCompanyOptions(can('org.read'));
  const teams = useTeamOptions(companyId);
  const projects = useProjectOptions(companyId);
  const shape = userCreate.shape;
  const sameCompany = user && companyId === (user.company?.id ?? null);

  const companyOptions = withCurrent(
    companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? [],
    user?.company ? [user.company] : [],
  );
  const teamOptions = withCurrent(
    teams.data?.map((t) => ({ value: t.id, label: t.name })) ?? [],
    sameCompany && user.team ? [user.team] : [],
  );
  const projectOptions = withCurrent(
    projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? [],
    sameCompany ? user.projects : [],
  );

  return (
    <FormModal<UserFormValues>
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      form={form}
      width={640}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              email: user.email,
              role: user.role,
              scope: user.scope,
              companyId: user.company?.id ?? null,
              teamId: user.team?.id ?? null,
              projectIds: user.projects.map((p) => p.id),
              active: user.active,
            }
          : { companyId: null, teamId: null, projectIds: [] }
      }
      onValuesChange={(changed: Partial<UserFormValues>) => {
        // Choosing a role suggests its default data scope; the administrator may still narrow it.
        if (changed.role) form.setFieldValue('scope', DEFAULT_SCOPE[changed.role]);
        // Team and projects belong to a company: a new company clears them.
        if ('companyId' in changed) form.setFieldsValue({ teamId: null, projectIds: [] });
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const assignment = {
          displayName: values.displayName,
          email: values.email?.trim() ?? '',
          role: values.role as Role,
          scope: values.scope as DataScope,
          companyId: values.companyId ?? null,
          teamId: values.teamId ?? null,
          projectIds: values.projectIds ?? [],
        };
        if (user) {
          await update.mutateAsync({
            id: user.id,
            body: { ...assignment, active: values.active ?? user.active, version: user.version },
          });
          void message.success('用户已保存');
        } else {
          await create.mutateAsync({ ...assignment, username: values.username ?? '', password: values.password ?? '' });
          void message.success('用户已创建');
        }
      }}
    >
      <Row gutter={16}>
        {!user && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item
                label="用户名"
                name="username"
                required
                rules={[schemaRule(shape.username, '请输入用户名')]}
                extra="小写字母开头，3–32 位，用于登录"
              >
                <Input maxLength={32} autoComplete="off" placeholder="如：zhangsan" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label="初始密码"
                name="password"
                required
                rules={[schemaRule(passwordSchema, '请输入初始密码')]}
                extra="至少 8 位，须同时包含字母和数字"
              >
                <Input.Password maxLength={128} autoComplete="new-password" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} sm={12}>
          <Form.Item label="姓名" name="displayName" required rules={[schemaRule(shape.displayName, '请输入姓名')]}>
            <Input maxLength={32} placeholder="如：张三" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="邮箱" name="email" rules={[schemaRule(shape.email)]} extra="用于接收消息提醒邮件（配置了邮件服务时），可不填">
            <Input maxLength={120} placeholder="如：zhangsan@example.com" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="角色" name="role" required rules={[schemaRule(shape.role, '请选择角色')]}>
            <Select placeholder="请选择角色" options={ROLE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="数据范围"
            name="scope"
            required
            rules={[schemaRule(shape.scope, '请选择数据范围')]}
            extra={scope ? SCOPE_EXPLANATIONS[scope] : '选择角色后自动填入默认范围'}
          >
            <Select placeholder="请选择数据范围" options={SCOPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="所属公司" name="companyId" extra="集团层面的用户可不选">
            <Select
              allowClear
              placeholder="集团（不属于任何公司）"
              loading={companies.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={companyOptions}
              onClear={() => form.setFieldValue('companyId', null)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="所属团队" name="teamId">
            <Select
              allowClear
              disabled={!companyId}
              placeholder={companyId ? '不加入团队' : '请先选择公司'}
              loading={teams.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={teamOptions}
              notFoundContent="该公司暂无团队"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="负责项目" name="projectIds">
            <Select
              mode="multiple"
              allowClear
              disabled={!companyId}
              placeholder={companyId ? '选择负责的项目' : '请先选择公司'}
              loading={projects.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={projectOptions}
              notFoundContent="该公司暂无项目"
            />
          </Form.Item>
        </Col>
        {user && (
          <Col xs={24} sm={12}>
            <Form.Item label="启用" name="active" valuePropName="checked" extra="停用后该用户不能登录">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
