import { EditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { ConfirmDeleteButton } from './confirm-delete-button.tsx';

type EditDeleteActionsProps = {
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deletedMessage: string;
  /** Shown in the confirmation, e.g. what must go first. */
  deleteNote?: ReactNode;
};

/** A table row's 「编辑」 and 「删除」 (behind a confirmation). */
export function EditDeleteActions({ onEdit, onDelete, deletedMessage, deleteNote }: EditDeleteActionsProps) {
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
        编辑
      </Button>
      <ConfirmDeleteButton onConfirm={onDelete} successMessage={deletedMessage} description={deleteNote} />
    </Space>
  );
}
