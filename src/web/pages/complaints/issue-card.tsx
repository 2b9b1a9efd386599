import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import { useLinkIssue } from '../../data/hooks/complaints.ts';
import { IssueLinkModal } from './issue-link-modal.tsx';
import { useComplaintWrite } from './use-complaint-write.ts';

/** 问题归集: which issue of the project this complaint belongs to (counts towards 投诉预警). */
export function IssueCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [linking, setLinking] = useState(false);
  const link = useLinkIssue(c.id);
  const { run, handleError } = useComplaintWrite(c.id);
  const canWrite = can('complaints.write');

  const unlink = async () => {
    try {
      if (await run(() => link.mutateAsync({ version: c.version, issueId: null }))) void message.success('已取消归集');
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <Card
      title="问题归集"
      size="small"
      extra={
        canWrite && (
          <Space size={4}>
            <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(true)}>
              {c.issue ? '更换' : '归集到问题'}
            </Button>
            {c.issue && (
              <Popconfirm
                title="取消归集？"
                description="该投诉将不再计入此问题的投诉人数"
                okText="取消归集"
                cancelText="保留"
                onConfirm={() => unlink()}
              >
                <Button size="small" icon={<DisconnectOutlined />} loading={link.isPending}>
                  取消归集
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {c.issue ? (
        <Typography.Text strong>{c.issue.title}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">未归集。同一问题的投诉归集后，便于发现群诉苗头。</Typography.Text>
      )}
      {linking && <IssueLinkModal complaint={c} onClose={() => setLinking(false)} />}
    </Card>
  );
}
