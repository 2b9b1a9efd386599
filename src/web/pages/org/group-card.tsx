import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { Group } from '../../../common/contracts/org.ts';
import { groupUpdate } from '../../../common/contracts/org.ts';
import { useSession } from '../../auth/session.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useGroup, useRenameGroup } from '../../data/hooks/org.ts';
import { formatDateTime } from '../../lib/format.ts';
import { schemaRule } from '../../lib/form-rules.ts';

type RenameValues = { name: string };

function RenameGroupModal({ group, onClose }: { group: Group; onClose: () => void }) {
  const [form] = Form.useForm<RenameValues>();
  const rename = useRenameGroup();
  const { message } = App.useApp();
  return (
    <FormModal<RenameValues>
      title="修改集团名称"
      form={form}
      initialValues={{ name: group.name }}
      onClose={onClose}
      onSubmit={async (values) => {
        await rename.mutateAsync({ name: values.name, version: group.version });
        void message.success('集团名称已保存');
      }}
    >
      <Form.Item label="集团名称" name="name" required rules={[schemaRule(groupUpdate.shape.name, '请输入集团名称')]}>
        <Input maxLength={64} placeholder="如：华景地产集团" />
      </Form.Item>
    </FormModal>
  );
}

// The group at the top of the organisation, renamed by those who manage the organisation.
export function GroupCard() {
  const { can } = useSession();
  const canManage = can('org.manage');
  const group = useGroup();
  const [renaming, setRenaming] = useState(false);

  let content;
  if (group.isPending) content = <Skeleton active paragraph={false} />;
  else if (group.isError) content = <QueryError error={group.error} onRetry={() => void group.refetch()} />;
  else {
    content = (
      <>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {group.data.name}
        </Typography.Title>
        <Typography.Text type="secondary">最后修改：{formatDateTime(group.data.updatedAt)}</Typography.Text>
      </>
    );
  }

  return (
    <Card
      title="集团"
      extra={
        canManage &&
        group.data && (
          <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
            修改名称
          </Button>
        )
      }
    >
      {content}
      {renaming && group.data && <RenameGroupModal group={group.data} onClose={() => setRenaming(false)} />}
    </Card>
  );
}
