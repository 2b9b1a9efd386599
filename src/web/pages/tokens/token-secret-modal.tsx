import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import type { ApiTokenCreated } from '../../data/hooks/tokens.ts';

/** The new token's secret, shown this once: only its hash is kept on the server. */
export function TokenSecretModal({ token, onClose }: { token: ApiTokenCreated; onClose: () => void }) {
  const { message } = App.useApp();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      void message.success('令牌已复制到剪贴板');
    } catch {
      void message.error('复制失败，请手动选中令牌后复制');
    }
  };

  return (
    <Modal
      open
      title="令牌已创建"
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已保存
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title="请立即复制并妥善保存此令牌"
          description="令牌只显示这一次，关闭后将无法再次查看；如遗失，请吊销后重新创建。"
        />
        <Typography.Text>
          令牌「{token.name}」：
        </Typography.Text>
        <Typography.Text className="secret-box" data-testid="api-token-secret">
          {token.token}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          复制令牌
        </Button>
      </Space>
    </Modal>
  );
}
