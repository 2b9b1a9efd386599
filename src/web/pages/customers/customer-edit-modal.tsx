import { App, Col, Divider, Form, Row, Typography } from 'antd';
import type { Customer } from '../../../common/contracts/customers.ts';
import type { CustomerUpdateBody } from '../../data/hooks/customers.ts';
import { useUpdateCustomer } from '../../data/hooks/customers.ts';
import { FormModal } from '../../components/form-modal.tsx';
import type { ProfileFormValues } from './customer-fields.tsx';
import {
  BackgroundFields,
  ClassificationFields,
  GenderField,
  IdNumberField,
  MobileField,
  NameField,
  NeedFields,
  SourceChannelField,
} from './customer-fields.tsx';

const isMasked = (value: string | null) => value !== null && value.includes('*');
const trim = (value: string | null | undefined) => value?.trim() ?? '';

/** The profile as the form edits it; masked values (mobile, ID) are left out: they cannot be edited blind. */
function toFormValues(c: Customer): ProfileFormValues {
  return {
    name: c.name,
    mobile: c.mobileMasked ? undefined : c.mobile,
    gender: c.gender,
    ageBand: c.ageBand,
    idNumber: isMasked(c.idNumber) ? undefined : c.idNumber,
    sourceChannel: c.sourceChannel,
    tags: c.tags,
    buyerType: c.buyerType,
    familySegment: c.familySegment,
    needLayout: c.needLayout,
    needAreaMin: c.needAreaMin,
    needAreaMax: c.needAreaMax,
    budgetMin: c.budgetMin,
    budgetMax: c.budgetMax,
    purpose: c.purpose,
    paymentMethod: c.paymentMethod,
    occupation: c.occupation,
    familyStructure: c.familyStructure,
    residenceArea: c.residenceArea,
    workArea: c.workArea,
    decisionMaker: c.decisionMaker,
    competingProjects: c.competingProjects,
  };
}

/** Only what changed is sent, with the version read (a stale one answers VERSION_CONFLICT). */
function changesOf(c: Customer, v: ProfileFormValues): CustomerUpdateBody | null {
  const next: Record<string, unknown> = {
    name: v.name.trim(),
    gender: v.gender,
    ageBand: v.ageBand ?? null,
    sourceChannel: v.sourceChannel,
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    buyerType: v.buyerType ?? null,
    familySegment: v.familySegment ?? null,
    needLayout: trim(v.needLayout),
    needAreaMin: v.needAreaMin ?? null,
    needAreaMax: v.needAreaMax ?? null,
    budgetMin: v.budgetMin ?? null,
    budgetMax: v.budgetMax ?? null,
    purpose: v.purpose ?? null,
    paymentMethod: v.paymentMethod ?? null,
    occupation: trim(v.occupation),
    familyStructure: trim(v.familyStructure),
    residenceArea: trim(v.residenceArea),
    workArea: trim(v.workArea),
    decisionMaker: trim(v.decisionMaker),
    competingProjects: trim(v.competingProjects),
  };
  if (!c.mobileMasked) next.mobile = trim(v.mobile);
  if (!isMasked(c.idNumber)) next.idNumber = trim(v.idNumber).toUpperCase() || null;

  const current = c as unknown as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(current[key] ?? null)) body[key] = value;
  }
  if (Object.keys(body).length === 0) return null;
  return { ...body, version: c.version } as CustomerUpdateBody;
}

export function CustomerEditModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [form] = Form.useForm<ProfileFormValues>();
  const update = useUpdateCustomer();
  const { message } = App.useApp();

  return (
    <FormModal<ProfileFormValues>
      title="编辑基本信息"
      form={form}
      width={680}
      initialValues={toFormValues(customer)}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = changesOf(customer, values);
        if (!body) {
          void message.info('没有修改');
          return;
        }
        await update.mutateAsync({ id: customer.id, body });
        void message.success('基本信息已保存');
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <NameField />
        </Col>
        <Col xs={24} sm={12}>
          {customer.mobileMasked ? (
            <Form.Item label="手机号" extra="仅客户的置业顾问可以修改手机号">
              <Typography.Text>{customer.mobile}</Typography.Text>
            </Form.Item>
          ) : (
            <MobileField />
          )}
        </Col>
      </Row>
      <GenderField />
      <SourceChannelField />
      <ClassificationFields />
      <Divider titlePlacement="start" plain>
        购房需求
      </Divider>
      <NeedFields />
      <Divider titlePlacement="start" plain>
        其他信息
      </Divider>
      {isMasked(customer.idNumber) ? (
        <Form.Item label="身份证号">
          <Typography.Text>{customer.idNumber}</Typography.Text>
        </Form.Item>
      ) : (
        <IdNumberField />
      )}
      <BackgroundFields />
    </FormModal>
  );
}
