import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { PublicStatus } from '../../../common/contracts/public-complaints.ts';
import { ApiError, errorMessage } from '../../data/client.ts';
import { TRACKING_CODE_PATTERN, usePublicComplaintStatus } from '../../data/hooks/public-complaints.ts';
import { EMPTY_TEXT, formatDateTime } from '../../lib/format.ts';
import { PUBLIC_CARD_STYLES, PublicFrame } from './complain-page.tsx';

// Tracking codes are 16 of A–Z and 2–9: typed in any case, spaces and dashes dropped.
function normalizeCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16);
}

function StatusDetails({ status }: { status: PublicStatus }) {
  const updates = [...status.updates].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card styles={PUBLIC_CARD_STYLES}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'no', label: '投诉编号', children: status.no },
          { key: 'project', label: '项目', children: status.projectName },
          { key: 'title', label: '标题', children: status.title || EMPTY_TEXT },
          {
            key: 'status',
            label: '当前状态',
            children: <Tag color={status.status === 'closed' ? 'success' : 'processing'}>{status.statusLabel}</Tag>,
          },
          { key: 'mobile', label: '联系电话', children: status.contactMobile || EMPTY_TEXT },
          { key: 'filed', label: '提交时间', children: formatDateTime(status.filedAt) },
          ...(status.closedAt ? [{ key: 'closed', label: '办结时间', children: formatDateTime(status.closedAt) }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        处理进展
      </Typography.Title>
      {updates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="我们已收到您的投诉，处理进展会在这里更新" />
      ) : (
        <Timeline
          items={updates.map((update, index) => ({
            key: `${update.at}-${index}`,
            color: index === 0 ? 'blue' : 'gray',
            content: (
              <div>
                <Typography.Text strong>{update.label}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {formatDateTime(update.at)}
                </Typography.Text>
                {update.content && (
                  <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: 4 }}>{update.content}</div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function StatusError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && (error.code === 'COMPLAINT_NOT_FOUND' || error.status === 404)) {
    return (
      <Card styles={PUBLIC_CARD_STYLES}>
        <Result status="warning" title="未找到该查询码对应的投诉" subTitle="请核对查询码是否输入正确（16 位大写字母和数字）。" />
      </Card>
    );
  }
  const text = error instanceof ApiError && (error.code === 'RATE_LIMITED' || error.status === 429) ? '查询过于频繁，请稍后再试' : errorMessage(error);
  return <Alert type="error" showIcon title="查询失败" description={text} action={<Button onClick={onRetry}>重试</Button>} />;
}

/** 「投诉进度查询」 (/complain/status?code=…): the owner follows their complaint with its tracking code. */
export function PublicComplaintStatusPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const code = normalizeCode(searchParams.get('code') ?? '');
  const status = usePublicComplaintStatus(code);
  const [form] = Form.useForm<{ code: string }>();
  const asked = TRACKING_CODE_PATTERN.test(code);

  return (
    <PublicFrame>
      <Typography.Title level={3} style={{ textAlign: 'center', margin: '8px 0 16px' }}>
        投诉进度查询
      </Typography.Title>
      <Card style={{ marginBottom: 16 }} styles={PUBLIC_CARD_STYLES}>
        <Form<{ code: string }>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ code }}
          onFinish={(values) => setSearchParams({ code: values.code }, { replace: true })}
        >
          <Form.Item
            name="code"
            label="查询码"
            normalize={(value: string) => normalizeCode(value ?? '')}
            rules={[
              { required: true, message: '请输入查询码' },
              { pattern: TRACKING_CODE_PATTERN, message: '查询码为 16 位大写字母和数字' },
            ]}
            extra="提交投诉后页面上显示的 16 位查询码"
          >
            <Input
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={16}
              placeholder="例如 ABCD2345EFGH6789"
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 1 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} loading={asked && status.isFetching} style={{ height: 48 }}>
            查询
          </Button>
        </Form>
      </Card>
      {asked &&
        (status.isPending ? (
          <div className="center-fill">
            <Spin description="查询中…" />
          </div>
        ) : status.isError ? (
          <StatusError error={status.error} onRetry={() => void status.refetch()} />
        ) : (
          <StatusDetails status={status.data} />
        ))}
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 24 }}>
        <Link to="/complain">返回提交投诉与建议</Link>
      </Typography.Paragraph>
    </PublicFrame>
  );
}
