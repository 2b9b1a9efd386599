import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function ForbiddenResult() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问此页面"
      subTitle="您当前的角色没有访问此页面的权限，如需开通请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
