import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Result, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../data/client.ts';
import type { ImportStatus } from '../../data/hooks/customer-imports.ts';
import { downloadImportReport, useCustomerImport } from '../../data/hooks/customer-imports.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';

const STATUS_TEXT: Record<ImportStatus, { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '导入中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

type ImportProgressProps = { id: string; fileName?: string; onNew: () => void; onMissing: () => void };

/** A running or finished import: progress (polled every second), counters and the report. */
export function ImportProgress({ id, fileName, onNew, onMissing }: ImportProgressProps) {
  const job = useCustomerImport(id);
  const handleError = useApiErrorHandler();
  const [downloading, setDownloading] = useState(false);

  const newButton = (
    <Button icon={<PlusOutlined />} onClick={onNew}>
      导入新文件
    </Button>
  );

  if (job.isPending) return <Card><Skeleton active /></Card>;
  if (job.isError) {
    if (isApiError(job.error) && (job.error.status === 404 || job.error.status === 400)) {
      return (
        <Card>
          <Result
            status="404"
            title="找不到该导入任务"
            subTitle="任务可能已过期或不属于您。"
            extra={
              <Space>
                <Button onClick={onMissing}>从最近导入中移除</Button>
                {newButton}
              </Space>
            }
          />
        </Card>
      );
    }
    return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  }

  const j = job.data;
  const percent = j.total > 0 ? Math.min(100, Math.round((j.processed / j.total) * 100)) : j.status === 'done' ? 100 : 0;
  const status = STATUS_TEXT[j.status];

  const report = async () => {
    setDownloading(true);
    try {
      await downloadImportReport(j.id);
    } catch (error) {
      handleError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      title={
        <Space wrap>
          <span>导入进度</span>
          <Tag color={status.color}>{status.label}</Tag>
        </Space>
      }
      extra={newButton}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {fileName && <Typography.Text type="secondary">文件：{fileName}</Typography.Text>}
        <Progress
          percent={percent}
          status={j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : 'active'}
          aria-label="导入进度"
        />
        <Typography.Text type="secondary">
          已处理 {j.processed} / {j.total} 行
          {!(j.status === 'done' || j.status === 'failed') && '，可以离开此页面，稍后在「最近导入」中回来查看'}
        </Typography.Text>
        <Row gutter={[16, 16]}>
          <Col xs={8}>
            <Statistic title="导入" value={j.imported} styles={{ content: { color: '#3f8600' } }} />
          </Col>
          <Col xs={8}>
            <Statistic title="合并" value={j.merged} styles={{ content: { color: '#1677ff' } }} />
          </Col>
          <Col xs={8}>
            <Statistic title="拒绝" value={j.rejected} styles={{ content: { color: j.rejected > 0 ? '#cf1322' : undefined } }} />
          </Col>
        </Row>
        {j.status === 'failed' && <Alert type="error" showIcon title="导入失败" description={j.error ?? '导入任务异常终止'} />}
        {j.status === 'done' && (
          <Alert
            type="success"
            showIcon
            title="导入完成"
            description="导入报告逐行列出每条记录的结果（导入、合并或拒绝及原因）。"
            action={
              <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void report()}>
                下载导入报告
              </Button>
            }
          />
        )}
      </Space>
    </Card>
  );
}
