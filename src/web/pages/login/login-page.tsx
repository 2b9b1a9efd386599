import { ApartmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams, Link } from 'react-router';
import type { LoginBody } from '../../../common/contracts/auth.ts';
import { loginBody } from '../../../common/contracts/auth.ts';
import { ApiError, errorMessage } from '../../data/client.ts';
import { useLogin, useMeQuery } from '../../data/hooks/auth.ts';
import { safeRedirect } from '../../auth/session.tsx';
import { applyFieldErrors } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';

export function LoginPage() {
  const [form] = Form.useForm<LoginBody>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const meQuery = useMeQuery();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const redirect = safeRedirect(searchParams.get('redirect'));

  // Already signed in (e.g. opened /login in a second tab): go straight on.
  if (meQuery.data && !login.isPending) return <Navigate to={redirect} replace />;

  const submit = async (values: LoginBody) => {
    setError(null);
    try {
      await login.mutateAsync({ username: values.username.trim(), password: values.password });
      await navigate(redirect, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) applyFieldErrors(form, err.errors);
      setError(errorMessage(err));
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, color: '#1677ff' }}>
            <ApartmentOutlined /> 客源 CRM
          </Typography.Title>
          <Typography.Text type="secondary">房地产客户关系管理系统</Typography.Text>
        </div>
        <Form<LoginBody>
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          onValuesChange={() => setError(null)}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item label="用户名" name="username" rules={[schemaRule(loginBody.shape.username, '请输入用户名')]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[schemaRule(loginBody.shape.password, '请输入密码')]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        {/* Owners do not log in: their complaint page is public. */}
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', textAlign: 'center' }}>
          业主投诉与建议请前往 <Link to="/complain">业主投诉页</Link>，或 <Link to="/complain/status">查询处理进度</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
