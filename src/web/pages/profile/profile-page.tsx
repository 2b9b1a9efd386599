import { ConfirmPasswordItem } from '../../components/confirm-password-item.tsx';
import { PermissionTags } from '../../components/permission-tags.tsx';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import type { ChangePasswordBody } from '../../../common/contracts/auth.ts';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../common/roles.ts';
import { passwordSchema } from '../../../common/validators.ts';
import { useChangePassword } from '../../data/hooks/auth.ts';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { SCOPE_EXPLANATIONS } from '../../lib/labels.ts';

type PasswordValues = ChangePasswordBody & { confirmPassword: string };

function ChangePasswordCard() {
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const handleError = useApiErrorHandler();
  const [done, setDone] = useState(false);

  const submit = async (values: PasswordValues) => {
    setDone(false);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      setDone(true);
    } catch (error) {
      handleError(error, form);
    }
  };

  return (
    <Card title="修改密码">
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 400 }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setDone(false)}
        disabled={change.isPending}
      >
        <Form.Item
          label="当前密码"
          name="currentPassword"
          required
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          required
          dependencies={['currentPassword']}
          extra="至少 8 位，须同时包含字母和数字"
          rules={[
            schemaRule(passwordSchema, '请输入新密码'),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <ConfirmPasswordItem />
        {done && <Alert type="success" showIcon title="密码已修改" style={{ marginBottom: 16 }} role="status" />}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}

export function ProfilePage() {
  const { me } = useSession();
  return (
    <>
      <PageHeader title="个人资料" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="基本信息">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: '用户名', children: me.username },
                { key: 'name', label: '姓名', children: me.displayName },
                { key: 'role', label: '角色', children: ROLE_LABELS[me.role] },
                {
                  key: 'scope',
                  label: '数据范围',
                  children: `${DATA_SCOPE_LABELS[me.scope]}：${SCOPE_EXPLANATIONS[me.scope]}`,
                },
                { key: 'group', label: '集团', children: me.group.name },
                { key: 'company', label: '公司', children: me.company?.name ?? '集团总部（不限公司）' },
                { key: 'team', label: '团队', children: me.team?.name ?? '未加入团队' },
                {
                  key: 'projects',
                  label: '负责项目',
                  children:
                    me.projects.length > 0 ? (
                      <Space size={[4, 4]} wrap>
                        {me.projects.map((p) => (
                          <Tag key={p.id}>{p.name}</Tag>
                        ))}
                      </Space>
                    ) : (
                      EMPTY_TEXT
                    ),
                },
                {
                  key: 'permissions',
                  label: '权限',
                  children: <PermissionTags permissions={me.permissions} empty={EMPTY_TEXT} />,
                },
                { key: 'lastLogin', label: '上次登录', children: formatDateTime(me.lastLoginAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ChangePasswordCard />
        </Col>
      </Row>
    </>
  );
}
