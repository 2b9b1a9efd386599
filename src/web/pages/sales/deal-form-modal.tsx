import { App, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Deal } from '../../../common/contracts/sales.ts';
import type { DealStage } from '../../../common/sales.ts';
import { DEAL_STAGE_LABELS } from '../../../common/sales.ts';
import type { BoardUnit, DealAdvanceBody, DealCreateBody } from '../../data/hooks/sales.ts';
import { useAdvanceDeal, useCreateDeal } from '../../data/hooks/sales.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { formatArea, shanghaiNow } from '../../lib/format.ts';
import type { DealFormValues } from './deal-terms-fields.tsx';
import { DealTermsFields } from './deal-terms-fields.tsx';
import { ProspectPicker } from './prospect-picker.tsx';
import { formatWan } from './sales-tags.tsx';
import { useDealWrite } from './use-deal-write.ts';

/** A new deal on an available unit, or the next stage of an active one. */
export type DealFormTarget =
  | { kind: 'create'; stage: DealStage; projectId: string; buildingName: string; unit: BoardUnit }
  | { kind: 'advance'; stage: 'subscription' | 'contract'; deal: Deal };

// The form's rules make sure these are filled before a body is built.
function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('表单未填写完整');
  return value;
}
const day = (value: Dayjs | undefined) => need(value).format('YYYY-MM-DD');

function createBody(stage: DealStage, unitId: string, v: DealFormValues): DealCreateBody {
  const base = { interestId: need(v.interestId), unitId };
  if (stage === 'pledge') return { stage, ...base, pledgeAmount: need(v.pledgeAmount) };
  if (stage === 'subscription') {
    return { stage, ...base, deposit: need(v.deposit), paymentMethod: need(v.paymentMethod), contractDueDate: day(v.contractDueDate) };
  }
  return { stage, ...base, price: need(v.price), signedOn: day(v.signedOn), ...(v.paymentMethod ? { paymentMethod: v.paymentMethod } : {}) };
}

function advanceBody(stage: 'subscription' | 'contract', version: number, v: DealFormValues): DealAdvanceBody {
  if (stage === 'subscription') {
    return { stage, version, deposit: need(v.deposit), paymentMethod: need(v.paymentMethod), contractDueDate: day(v.contractDueDate) };
  }
  return { stage, version, price: need(v.price), signedOn: day(v.signedOn) };
}

function actionLabel(target: DealFormTarget): string {
  return target.kind === 'advance' && target.stage === 'subscription' ? '转认购' : DEAL_STAGE_LABELS[target.stage];
}

function initialValues(target: DealFormTarget): DealFormValues {
  const listPrice = target.kind === 'create' ? target.unit.listPrice : target.deal.unit.listPrice;
  if (target.stage === 'contract') return { price: target.kind === 'advance' ? (target.deal.price ?? listPrice) : listPrice, signedOn: shanghaiNow().startOf('day') };
  // 认筹金 usually becomes (part of) the 定金.
  if (target.stage === 'subscription' && target.kind === 'advance') return { deposit: target.deal.pledgeAmount ?? undefined, paymentMethod: target.deal.paymentMethod ?? undefined };
  return {};
}

type DealFormModalProps = { target: DealFormTarget; onClose: () => void };

/** 认筹 / 认购 / 签约 a unit (picking the buyer among the project's prospects), or 转认购 / 签约 a deal. */
export function DealFormModal({ target, onClose }: DealFormModalProps) {
  const [form] = Form.useForm<DealFormValues>();
  const { message } = App.useApp();
  const create = useCreateDeal();
  const advance = useAdvanceDeal();
  const write = useDealWrite();
  const label = actionLabel(target);
  const unit = target.kind === 'create' ? target.unit : target.deal.unit;
  const buildingName = target.kind === 'create' ? target.buildingName : target.deal.buildingName;
  const place = `${buildingName} ${unit.number}`;

  return (
    <FormModal<DealFormValues>
      title={`${label} · ${place}`}
      form={form}
      width={520}
      okText={`确认${label}`}
      initialValues={initialValues(target)}
      onClose={onClose}
      onSubmit={async (values) => {
        const done = await write(() =>
          target.kind === 'create'
            ? create.mutateAsync(createBody(target.stage, target.unit.id, values))
            : advance.mutateAsync({ id: target.deal.id, body: advanceBody(target.stage, target.deal.version, values) }),
        );
        if (done) void message.success(`${place} 已${label}`);
      }}
    >
      <Typography.Paragraph type="secondary">
        {unit.layout} · {formatArea(unit.area)} · 列表价 {formatWan(unit.listPrice)}元
        {target.kind === 'advance' && ` · 客户 ${target.deal.customer.name}`}
      </Typography.Paragraph>
      {target.kind === 'create' && (
        <Form.Item label="客户" name="interestId" rules={[{ required: true, message: '请选择客户' }]} extra="只列出本项目的客户；新客户请先在「客户」中登记">
          <ProspectPicker projectId={target.projectId} />
        </Form.Item>
      )}
      <DealTermsFields stage={target.stage} optionalPaymentMethod={target.kind === 'create'} listPrice={unit.listPrice} />
    </FormModal>
  );
}
