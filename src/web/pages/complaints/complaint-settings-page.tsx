import { App, Button, Card, Col, Empty, Form, InputNumber, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Severity } from '../../../common/complaints.ts';
import { DEFAULT_RESOLUTION_HOURS, SEVERITIES, SEVERITY_LABELS } from '../../../common/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import type { ComplaintSettings } from '../../data/hooks/complaints.ts';
import { useComplaintSettings, useSaveComplaintSettings } from '../../data/hooks/complaints.ts';
import { useCompanyOptions } from '../../data/hooks/org.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { SeverityTag } from './complaint-tags.tsx';

type Limits = Record<Severity, number>;
const MAX_HOURS = 24 * 90;

function hoursText(hours: number): string {
  return hours % 24 === 0 ? `${hours} 小时（${hours / 24} 天）` : `${hours} 小时`;
}

function LimitsForm({ companyId, settings }: { companyId: string; settings: ComplaintSettings }) {
  const [form] = Form.useForm<Limits>();
  const save = useSaveComplaintSettings();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [dirty, setDirty] = useState(false);
  const initial = Object.fromEntries(SEVERITIES.map((s) => [s, settings.limits[s] ?? DEFAULT_RESOLUTION_HOURS[s]])) as Limits;

  return (
    <Form<Limits>
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={() => setDirty(true)}
      onFinish={async (limits) => {
        try {
          await save.mutateAsync({ companyId, limits });
          setDirty(false);
          void message.success('处理时限已保存');
        } catch (error) {
          handleError(error, form);
        }
      }}
    >
      <Row gutter={12}>
        {SEVERITIES.map((severity) => (
          <Col xs={24} sm={12} xl={6} key={severity}>
            <Form.Item
              label={
                <Space size={4}>
                  <SeverityTag severity={severity} />
                  投诉处理时限
                </Space>
              }
              name={severity}
              required
              extra={`默认 ${hoursText(DEFAULT_RESOLUTION_HOURS[severity])}`}
              rules={[{ required: true, message: `请填写${SEVERITY_LABELS[severity]}投诉的处理时限` }]}
            >
              <InputNumber min={1} max={MAX_HOURS} precision={0} suffix="小时" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
          保存
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue(DEFAULT_RESOLUTION_HOURS);
            setDirty(true);
          }}
        >
          恢复默认值
        </Button>
      </Space>
    </Form>
  );
}

/** 投诉时限设置: per company, how many hours each severity has from filing to resolution. */
export function ComplaintSettingsPage() {
  const { me } = useSession();
  const companies = useCompanyOptions();
  const [picked, setPicked] = useState<string | undefined>();
  const companyId = picked ?? me.company?.id ?? (companies.data?.length === 1 ? companies.data[0].id : undefined);
  const settings = useComplaintSettings(companyId);

  let content;
  if (!companyId) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择公司" />;
  else if (settings.isPending) content = <Skeleton active />;
  else if (settings.isError) content = <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  else {
    content = (
      <>
        {settings.data.isDefault && (
          <Tag color="blue" style={{ marginBottom: 16 }}>
            当前使用默认时限
          </Tag>
        )}
        <LimitsForm key={`${companyId}:${JSON.stringify(settings.data.limits)}`} companyId={companyId} settings={settings.data} />
      </>
    );
  }

  return (
    <>
      <PageHeader title="投诉时限设置">
        <Typography.Text type="secondary">
          从受理到解决的时限，按投诉性质分别设置；超过时限的投诉标记为「已超时」并自动升级。
        </Typography.Text>
      </PageHeader>
      <Card>
        <div className="toolbar">
          <LeanSelect
            placeholder="请选择公司"
            aria-label="选择公司"
            style={{ minWidth: 220 }}
            value={companyId}
            loading={companies.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? []}
            onChange={(value: string) => setPicked(value)}
          />
        </div>
        {content}
      </Card>
    </>
  );
}
