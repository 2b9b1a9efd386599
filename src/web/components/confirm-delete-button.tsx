import { DeleteOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { App, Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useApiErrorHandler } from './use-api-error.ts';

type ConfirmDeleteButtonProps = {
  onConfirm: () => Promise<unknown>;
  /** Shown after success; omit for none. */
  successMessage?: string;
  onDone?: () => void;
  title?: ReactNode;
  description?: ReactNode;
  okText?: string;
  children?: ReactNode;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  icon?: ReactNode;
  disabled?: boolean;
};

/** A destructive action behind a Popconfirm; the button spins while the request runs. */
export function ConfirmDeleteButton({
  onConfirm,
  successMessage = '已删除',
  onDone,
  title = '确定删除？此操作不可撤销',
  description,
  okText = '删除',
  children = '删除',
  size = 'small',
  type = 'link',
  icon = <DeleteOutlined />,
  disabled,
}: ConfirmDeleteButtonProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      if (successMessage) void message.success(successMessage);
      onDone?.();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={confirm}
      disabled={disabled || busy}
    >
      <Button danger type={type} size={size} icon={icon} loading={busy} disabled={disabled}>
        {children}
      </Button>
    </Popconfirm>
  );
}
