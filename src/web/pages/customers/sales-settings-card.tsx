import { App, Button, Card, Col, Empty, Form, InputNumber, Row, Skeleton } from 'antd';
import { useState } from 'react';
import type { SalesSettings, SalesSettingsBody } from '../../data/hooks/prospects.ts';
import { useSalesSettings, useSaveSalesSettings } from '../../data/hooks/prospects.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';

type FieldSpec = { name: keyof SalesSettingsBody; label: string; min: number; max: number; unit: string; extra?: string };

const FIELDS: FieldSpec[] = [
  { name: 'followUpDaysA', label: 'A 级跟进天数', min: 1, max: 90, unit: '天' },
  { name: 'followUpDaysB', label: 'B 级跟进天数', min: 1, max: 180, unit: '天' },
  { name: 'followUpDaysC', label: 'C 级跟进天数', min: 1, max: 365, unit: '天' },
  { name: 'reclaimDays', label: '回收天数', min: 1, max: 365, unit: '天', extra: '潜在、意向客户超过该天数未跟进，回收至公客池' },
  { name: 'poolClaimLimit', label: '公客池领取上限', min: 0, max: 1000, unit: '位', extra: '每位置业顾问在本项目最多持有的领取客户数' },
];

function SettingsForm({ projectId, settings }: { projectId: string; settings: SalesSettings }) {
  const [form] = Form.useForm<SalesSettingsBody>();
  const save = useSaveSalesSettings(projectId);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [dirty, setDirty] = useState(false);

  return (
    <Form<SalesSettingsBody>
      form={form}
      layout="vertical"
      initialValues={settings}
      onValuesChange={() => setDirty(true)}
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
          setDirty(false);
          void message.success('跟进规则已保存');
        } catch (error) {
          handleError(error, form);
        }
      }}
    >
      <Row gutter={12}>
        {FIELDS.map((field) => (
          <Col xs={24} sm={12} xl={8} key={field.name}>
            <Form.Item
              label={field.label}
              name={field.name}
              required
              extra={field.extra}
              rules={[{ required: true, message: `请填写${field.label}` }]}
            >
              <InputNumber min={field.min} max={field.max} precision={0} suffix={field.unit} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
        保存
      </Button>
    </Form>
  );
}

/** 「跟进规则」 of one project: days between follow-ups per grade, reclaim days, pool claim limit. */
export function SalesSettingsCard({ projectId, editable }: { projectId: string | undefined; editable: boolean }) {
  const settings = useSalesSettings(projectId);

  let content;
  if (!projectId) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择项目，再查看或修改其跟进规则" />;
  else if (settings.isPending) content = <Skeleton active />;
  else if (settings.isError) content = <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  else if (!editable) {
    content = (
      <ul className="plain-list">
        {FIELDS.map((field) => (
          <li key={field.name}>
            {field.label}：{settings.data[field.name]} {field.unit}
          </li>
        ))}
      </ul>
    );
  } else {
    // Keyed by the saved values: a save elsewhere (or another project) starts the form afresh.
    content = <SettingsForm key={`${projectId}:${JSON.stringify(settings.data)}`} projectId={projectId} settings={settings.data} />;
  }

  return <Card title="跟进规则">{content}</Card>;
}
