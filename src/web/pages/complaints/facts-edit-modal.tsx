import { Alert, App, Col, Form, Input, InputNumber, Row } from 'antd';
import type { Specialty } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { complaintUpdate } from '../../../common/contracts/complaints.ts';
import type { ComplaintUpdateBody } from '../../data/hooks/complaints.ts';
import { useUpdateComplaint } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { SPECIALTY_OPTIONS } from './complaint-options.ts';
import { FlagFields } from './flag-fields.tsx';
import { BuildingUnitFields } from './location-fields.tsx';
import { useComplaintWrite } from './use-complaint-write.ts';

type FactsValues = {
  specialty: Specialty;
  title: string;
  description: string;
  remedyWanted: string;
  buildingId: string | null;
  unitId: string | null;
  complainantCount: number;
  collective: boolean;
  mediaExposed: boolean;
  lawsuitFiled: boolean;
  lawsuitOrMediaRisk: boolean;
  needsOutsideSupport: boolean;
  companyFault: boolean;
  reason?: string;
};

const FIELDS = [
  'specialty', 'title', 'description', 'remedyWanted', 'buildingId', 'unitId', 'complainantCount',
  'collective', 'mediaExposed', 'lawsuitFiled', 'lawsuitOrMediaRisk', 'needsOutsideSupport', 'companyFault',
] as const;

const shape = complaintUpdate.shape;

function toValues(c: ComplaintDetail): FactsValues {
  const values = {} as Record<(typeof FIELDS)[number], unknown>;
  for (const field of FIELDS) values[field] = c[field];
  return values as FactsValues;
}

/** Only what changed is sent, with the version read. */
function changesOf(c: ComplaintDetail, v: FactsValues): ComplaintUpdateBody | null {
  const next: FactsValues = {
    ...v,
    title: v.title.trim(),
    description: v.description.trim(),
    remedyWanted: (v.remedyWanted ?? '').trim(),
    buildingId: v.buildingId ?? null,
    unitId: v.unitId ?? null,
  };
  const body: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (next[field] !== c[field]) body[field] = next[field];
  }
  if (Object.keys(body).length === 0) return null;
  const reason = v.reason?.trim();
  return { ...body, ...(reason ? { reason } : {}), version: c.version } as ComplaintUpdateBody;
}

/** 编辑投诉信息: the facts and the severity flags; the server re-evaluates the severity on save. */
export function FactsEditModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<FactsValues>();
  const { message } = App.useApp();
  const update = useUpdateComplaint(c.id);
  const { run } = useComplaintWrite(c.id);

  return (
    <FormModal<FactsValues>
      title="编辑投诉信息"
      form={form}
      width={680}
      initialValues={toValues(c)}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = changesOf(c, values);
        if (!body) {
          void message.info('没有修改');
          return;
        }
        const done = await run(() => update.mutateAsync(body));
        if (done) void message.success('已保存，投诉性质已按最新情况重新判定');
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="保存后，系统将按修改后的情况重新判定投诉性质（一般/重要/热点/重大）及处理时限"
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="投诉专业" name="specialty" required rules={[{ required: true, message: '请选择投诉专业' }]}>
            <LeanSelect options={SPECIALTY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="投诉人数" name="complainantCount" required rules={[{ required: true, message: '请填写投诉人数' }]}>
            <InputNumber min={1} max={10000} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <BuildingUnitFields projectId={c.projectId} />
      <Form.Item label="投诉标题" name="title" required rules={[schemaRule(shape.title.unwrap(), '请填写投诉标题')]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item label="投诉内容" name="description" required rules={[schemaRule(shape.description.unwrap(), '请填写投诉内容')]}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label="客户诉求" name="remedyWanted" rules={[schemaRule(shape.remedyWanted.unwrap())]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <FlagFields withCompanyFault />
      <Form.Item label="修改原因" name="reason" rules={[schemaRule(shape.reason.unwrap())]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：核实后确认为集体投诉（可不填）" />
      </Form.Item>
    </FormModal>
  );
}
