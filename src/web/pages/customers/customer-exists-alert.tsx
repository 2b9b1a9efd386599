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

type ExistingInterest = CustomerExists['interests'][number];

// A project in the caller's scope names the consultant and the stage; one outside it is only
// said to exist (the server leaves out its names).
function describeInterest(interest: ExistingInterest): string {
  if (interest.masked || !interest.projectName) return '其他项目（不在您的数据范围内）· 已登记';
  const stage = interest.stage ? ` · ${STAGE_LABELS[interest.stage]}` : '';
  return `${interest.projectName} · 置业顾问 ${interest.ownerName ?? POOL_OWNER_TEXT}${stage}`;
}

/** The mobile is already on file: who holds the customer for which project, and what to do next. */
export function CustomerExistsAlert({ existing, projectId, registering, onView, onRegister }: CustomerExistsAlertProps) {
  const inProject = existing.interests.some((interest) => interest.projectId === projectId);
  // 查看客户 only when the caller may open the record (another consultant's customer would be 404).
  const canView = existing.interests.some((interest) => interest.visible);
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
              {existing.interests.map((interest, index) => (
                <li key={interest.projectId ?? `masked-${index}`}>{describeInterest(interest)}</li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">该客户暂无项目登记。</Typography.Text>
          )}
          {inProject && <Typography.Text type="secondary">该客户已在所选项目登记，无需重复录入。</Typography.Text>}
          {!canView && existing.interests.length > 0 && (
            <Typography.Text type="secondary">该客户由其他置业顾问跟进，您无权查看其档案；如需协作请联系销售经理。</Typography.Text>
          )}
          <Space wrap>
            {canView && <Button onClick={onView}>查看客户</Button>}
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
