import { Col, Form, Row, Switch } from 'antd';

type Flag = { name: string; label: string; extra?: string };

// The facts the severity rules look at (besides the complainant count), as switches.
const FLAGS: Flag[] = [
  { name: 'collective', label: '集体投诉', extra: '3 人以上为热点，10 人以上为重大' },
  { name: 'mediaExposed', label: '已被媒体曝光', extra: '重大；经「媒体」渠道受理时自动选中' },
  { name: 'lawsuitFiled', label: '已引发法律诉讼', extra: '重大；经「法律诉讼」渠道受理时自动选中' },
  { name: 'lawsuitOrMediaRisk', label: '可能引发诉讼或媒体曝光', extra: '热点' },
  { name: 'needsOutsideSupport', label: '需外部专家或其他公司协助', extra: '重要' },
];

/** The severity flags; `companyFault` (延误是否我方原因) only once a complaint exists. */
export function FlagFields({ withCompanyFault = false }: { withCompanyFault?: boolean }) {
  const flags: Flag[] = withCompanyFault
    ? [...FLAGS, { name: 'companyFault', label: '延误是否我方原因', extra: '选「否」（客户原因）时，超过一周/一个月未解决不再使性质升级' }]
    : FLAGS;
  return (
    <Row gutter={12}>
      {flags.map((flag) => (
        <Col xs={24} sm={12} key={flag.name}>
          <Form.Item label={flag.label} name={flag.name} valuePropName="checked" extra={flag.extra}>
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
