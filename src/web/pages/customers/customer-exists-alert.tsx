import { Alert, Button, Space, Typography } from 'antd';
import { STAGE_LABELS } from '../../../common/customers.ts';
import type { CustomerExists } from '../../data/hooks/customers.ts';
import { POOL_OWNER_TEXT } from './prospect-columns.tsx';

type CustomerExistsAlertProps = {
  existing: CustomerExists;
  /** The project chosen in the form: 「登记到本项目」 is offered when the customer is not in it yet. */
  projectId: string | undefined;
  registering: boolean;
  onView: () => void;
  onRegister: () => void;
};

/** The mobile is already on file: who holds the customer for which project, and what to do next. */
export function CustomerExistsAlert({ existing, projectId, registering, onView, onRegister }: CustomerExistsAlertProps) {
  const inProject = existing.interests.some((interest) => interest.projectId === projectId);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={`该手机号已登记：${existing.name}（${existing.mobile}）`}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {existing.interests.length > 0 ? (
            <ul className="plain-list">
              {existing.interests.map((interest) => (
                <li key={interest.projectId}>
                  {`${interest.projectName} · 置业顾问 ${interest.ownerName ?? POOL_OWNER_TEXT} · ${STAGE_LABELS[interest.stage]}`}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">该客户暂无您可见的项目登记。</Typography.Text>
          )}
          {inProject && <Typography.Text type="secondary">该客户已在所选项目登记，无需重复录入。</Typography.Text>}
          <Space wrap>
            <Button onClick={onView}>查看客户</Button>
            {projectId && !inProject && (
              <Button type="primary" loading={registering} onClick={onRegister}>
                登记到本项目
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  );
}
