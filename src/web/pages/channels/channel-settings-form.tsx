import { App, Button, Col, Form, InputNumber, Radio, Row, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { CommissionRule, MobileMode } from '../../../common/channels.ts';
import { channelSettingsBody } from '../../../common/contracts/channels.ts';
import type { ChannelSettings } from '../../data/hooks/channels.ts';
import { useSaveChannelSettings } from '../../data/hooks/channels.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { COMMISSION_RULE_OPTIONS, MOBILE_MODE_OPTIONS } from './channel-options.ts';

type SettingsValues = { mobileMode: MobileMode; visitDays: number; dealDays: number; commissionRule: CommissionRule };

/** A field's label, with 「默认」 while the project still follows the default rules. */
function label(text: string, isDefault: boolean): ReactNode {
  return (
    <Space size={4}>
      {text}
      {isDefault && <Tag color="blue">默认</Tag>}
    </Space>
  );
}

/** One project's channel rules: how brokers give mobiles, both protection windows, commission. */
export function ChannelSettingsForm({ projectId, settings, canEdit }: { projectId: string; settings: ChannelSettings; canEdit: boolean }) {
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveChannelSettings(projectId);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [dirty, setDirty] = useState(false);
  const d = settings.isDefault;

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      initialValues={{
        mobileMode: settings.mobileMode,
        visitDays: settings.visitDays,
        dealDays: settings.dealDays,
        commissionRule: settings.commissionRule,
      }}
      onValuesChange={() => setDirty(true)}
      onFinish={async (values) => {
        try {
          await save.mutateAsync({ ...values, version: settings.version });
          setDirty(false);
          void message.success('渠道规则已保存，新报备按新规则计算');
        } catch (error) {
          handleError(error, form);
        }
      }}
    >
      <Form.Item
        label={label('报备手机号方式', d)}
        name="mobileMode"
        required
        extra="「前三后四」时，案场在到访确认时核对完整手机号。"
        rules={[{ required: true, message: '请选择报备手机号方式' }]}
      >
        <Radio.Group options={MOBILE_MODE_OPTIONS} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            label={label('到访保护期', d)}
            name="visitDays"
            required
            extra="报备当天起算，到期当天 24:00 前须到访"
            rules={[schemaRule(channelSettingsBody.shape.visitDays, '请填写到访保护期')]}
          >
            <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            label={label('成交保护期', d)}
            name="dealDays"
            required
            extra="到访当天起算，期内成交方可结佣"
            rules={[schemaRule(channelSettingsBody.shape.dealDays, '请填写成交保护期')]}
          >
            <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={label('结佣规则', d)} name="commissionRule" required rules={[{ required: true, message: '请选择结佣规则' }]}>
        <Radio.Group options={COMMISSION_RULE_OPTIONS} />
      </Form.Item>
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
          保存
        </Button>
      )}
    </Form>
  );
}
