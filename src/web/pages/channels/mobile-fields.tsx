import { Col, Form, Input, Row } from 'antd';
import type { MobileMode } from '../../../common/channels.ts';
import { registrationCreate } from '../../../common/contracts/channels.ts';
import { mobileSchema } from '../../../common/validators.ts';
import { schemaRule } from '../../lib/form-rules.ts';

const prefixSchema = registrationCreate.shape.mobilePrefix;
const suffixSchema = registrationCreate.shape.mobileSuffix;

/** The customer's mobile as the project asks it: the whole number, or 前三位 + 后四位. */
export function MobileFields({ mode }: { mode: MobileMode }) {
  if (mode === 'full') {
    return (
      <Form.Item
        label="客户手机号"
        name="mobile"
        required
        extra="该项目要求报备完整手机号"
        rules={[schemaRule(mobileSchema, '请填写客户手机号')]}
      >
        <Input maxLength={11} inputMode="numeric" autoComplete="off" placeholder="11 位手机号" />
      </Form.Item>
    );
  }
  return (
    <Form.Item label="客户手机号" required extra="该项目可只报备前三位与后四位（如 138****5678）">
      <Row gutter={8} align="top" wrap={false}>
        <Col flex="1">
          <Form.Item name="mobilePrefix" style={{ marginBottom: 0 }} rules={[schemaRule(prefixSchema, '请填写手机号前三位')]}>
            <Input maxLength={3} inputMode="numeric" autoComplete="off" placeholder="前三位" aria-label="手机号前三位" />
          </Form.Item>
        </Col>
        <Col flex="none" style={{ lineHeight: '32px' }}>
          ****
        </Col>
        <Col flex="1">
          <Form.Item name="mobileSuffix" style={{ marginBottom: 0 }} rules={[schemaRule(suffixSchema, '请填写手机号后四位')]}>
            <Input maxLength={4} inputMode="numeric" autoComplete="off" placeholder="后四位" aria-label="手机号后四位" />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}
