import type { FormRule } from 'antd';
import { Col, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import type { Customer } from '../../../common/contracts/customers.ts';
import { customerProfileFields } from '../../../common/contracts/customers.ts';
import { chineseIdSchema, mobileSchema } from '../../../common/validators.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { CustomerTagSelect } from './tag-select.tsx';
import {
  AGE_BAND_OPTIONS,
  BUYER_TYPE_OPTIONS,
  FAMILY_SEGMENT_OPTIONS,
  GENDER_OPTIONS,
  PAYMENT_METHOD_OPTIONS,
  PURPOSE_OPTIONS,
  SOURCE_CHANNEL_OPTIONS,
} from './options.ts';

// The profile fields as a form holds them (pickers give null when cleared).
export type ProfileFormValues = {
  name: string;
  mobile?: string;
  gender: Customer['gender'];
  ageBand?: Customer['ageBand'];
  idNumber?: string | null;
  sourceChannel?: Customer['sourceChannel'];
  tags?: string[];
  buyerType?: Customer['buyerType'];
  familySegment?: Customer['familySegment'];
  needLayout?: string;
  needAreaMin?: number | null;
  needAreaMax?: number | null;
  budgetMin?: number | null;
  budgetMax?: number | null;
  purpose?: Customer['purpose'];
  paymentMethod?: Customer['paymentMethod'];
  occupation?: string;
  familyStructure?: string;
  residenceArea?: string;
  workArea?: string;
  decisionMaker?: string;
  competingProjects?: string;
};

const shape = customerProfileFields;

/** The upper bound of a range may not be below the lower one. */
function notBelow(minField: keyof ProfileFormValues, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: number | null | undefined) => {
      const min = getFieldValue(minField) as number | null | undefined;
      if (value !== null && value !== undefined && min !== null && min !== undefined && min > value) {
        throw new Error(message);
      }
    },
  });
}

export function NameField() {
  return (
    <Form.Item label="姓名" name="name" required rules={[schemaRule(shape.name, '请输入客户姓名')]}>
      <Input maxLength={32} placeholder="客户姓名" autoComplete="off" />
    </Form.Item>
  );
}

export function MobileField() {
  return (
    <Form.Item label="手机号" name="mobile" required rules={[schemaRule(mobileSchema, '请输入手机号')]}>
      <Input maxLength={11} inputMode="numeric" placeholder="11 位手机号" autoComplete="off" />
    </Form.Item>
  );
}

export function GenderField() {
  return (
    <Form.Item label="性别" name="gender">
      <Radio.Group optionType="button" options={GENDER_OPTIONS} />
    </Form.Item>
  );
}

export function SourceChannelField() {
  return (
    <Form.Item label="来源渠道" name="sourceChannel" required rules={[{ required: true, message: '请选择来源渠道' }]}>
      <LeanSelect placeholder="客户从哪里来" options={SOURCE_CHANNEL_OPTIONS} />
    </Form.Item>
  );
}

export function ClassificationFields() {
  return (
    <>
      <Form.Item label="标签" name="tags" extra="从标签库选择，最多 20 个">
        <CustomerTagSelect aria-label="标签" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="客户类型" name="buyerType">
            <LeanSelect allowClear placeholder="请选择" options={BUYER_TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="家庭细分" name="familySegment">
            <LeanSelect allowClear placeholder="请选择" options={FAMILY_SEGMENT_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function RangeInputs({ label, minName, maxName, unit, max }: { label: string; minName: keyof ProfileFormValues; maxName: keyof ProfileFormValues; unit: string; max: number }) {
  return (
    <Form.Item label={label}>
      <Space.Compact block>
        <Form.Item name={minName} noStyle>
          <InputNumber min={0} max={max} placeholder="最低" style={{ width: '50%' }} aria-label={`${label}下限`} />
        </Form.Item>
        <Form.Item
          name={maxName}
          noStyle
          dependencies={[minName]}
          rules={[notBelow(minName, `${label.replace(/（.*）/, '')}下限不能大于上限`)]}
        >
          <InputNumber min={0} max={max} placeholder="最高" suffix={unit} style={{ width: '50%' }} aria-label={`${label}上限`} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

export function NeedFields() {
  return (
    <>
      <Form.Item label="需求户型" name="needLayout" rules={[schemaRule(shape.needLayout)]}>
        <Input maxLength={64} placeholder="如：三室两厅" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <RangeInputs label="面积区间（㎡）" minName="needAreaMin" maxName="needAreaMax" unit="㎡" max={10000} />
        </Col>
        <Col xs={24} sm={12}>
          <RangeInputs label="预算区间（万元）" minName="budgetMin" maxName="budgetMax" unit="万" max={100000} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="置业用途" name="purpose">
            <LeanSelect allowClear placeholder="请选择" options={PURPOSE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="付款方式" name="paymentMethod">
            <LeanSelect allowClear placeholder="请选择" options={PAYMENT_METHOD_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function IdNumberField() {
  return (
    <Form.Item label="身份证号" name="idNumber" rules={[schemaRule(chineseIdSchema)]} extra="选填；18 位居民身份证号">
      <Input maxLength={18} placeholder="选填" autoComplete="off" />
    </Form.Item>
  );
}

/** The rest of the standard profile (edit form only). */
export function BackgroundFields() {
  const text = (label: string, name: keyof ProfileFormValues, max = 64) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item label={label} name={name} rules={[schemaRule(shape[name as keyof typeof shape])]}>
        <Input maxLength={max} placeholder="选填" />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item label="年龄段" name="ageBand">
          <LeanSelect allowClear placeholder="请选择" options={AGE_BAND_OPTIONS} />
        </Form.Item>
      </Col>
      {text('职业', 'occupation')}
      {text('家庭结构', 'familyStructure')}
      {text('决策人', 'decisionMaker')}
      {text('居住区域', 'residenceArea')}
      {text('工作区域', 'workArea')}
      <Col xs={24}>
        <Form.Item label="竞品项目" name="competingProjects" rules={[schemaRule(shape.competingProjects)]}>
          <Input maxLength={200} placeholder="选填" />
        </Form.Item>
      </Col>
    </Row>
  );
}
