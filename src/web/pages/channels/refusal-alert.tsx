import { Alert, Button, Space, Typography } from 'antd';
import { REFUSAL_REASON_LABELS } from '../../../common/channels.ts';
import type { Refusal } from '../../data/hooks/channels.ts';

type RefusalAlertProps = {
  refusal: Refusal;
  /** The broker's side: 「申诉」 on the refused registration. */
  onAppeal?: () => void;
  /** What the registration became, from the reader's side. */
  hint?: string;
};

/** 409 REGISTRATION_REFUSED (判客无效): the reason in plain words, and the way to appeal it. */
export function RefusalAlert({ refusal, onAppeal, hint }: RefusalAlertProps) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={`判客无效：${REFUSAL_REASON_LABELS[refusal.reason]}`}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text>{hint ?? '本次报备已记为「判客无效」。如您确认该客户由您首先带来，可提交申诉，由项目渠道负责人裁决。'}</Typography.Text>
          {onAppeal && (
            <Button type="primary" danger onClick={onAppeal}>
              申诉
            </Button>
          )}
        </Space>
      }
    />
  );
}
