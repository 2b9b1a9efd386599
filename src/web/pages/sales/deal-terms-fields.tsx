import { DatePicker, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PaymentMethod } from '../../../common/customers.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../../common/customers.ts';
import type { DealStage } from '../../../common/sales.ts';
import { contractTerms, pledgeTerms, subscriptionTerms } from '../../../common/contracts/sales.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { shanghaiNow } from '../../lib/format.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { formatWan } from './sales-tags.tsx';

/** What the deal forms hold: the buyer (new deals), then each stage's terms; money in 元. */
export type DealFormValues = {
  interestId?: string;
  pledgeAmount?: number;
  deposit?: number;
  paymentMethod?: PaymentMethod;
  contractDueDate?: Dayjs;
  price?: number;
  signedOn?: Dayjs;
};

const PAYMENT_METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }));

function MoneyInput({ id, value, onChange }: { id?: string; value?: number; onChange?: (value: number | null) => void }) {
  return (
    <InputNumber<number>
      id={id}
      value={value}
      onChange={onChange}
      min={0}
      max={1e10}
      precision={2}
      controls={false}
      suffix="元"
      inputMode="decimal"
      style={{ width: '100%' }}
    />
  );
}

/** 「约 312.5 万元」 under a money field, as one types. */
function WanHint({ name, listPrice }: { name: keyof DealFormValues; listPrice?: number }) {
  const value = Form.useWatch<number | undefined>(name);
  const parts: string[] = [];
  if (typeof value === 'number' && value > 0) parts.push(`约 ${formatWan(value)}元`);
  if (listPrice !== undefined) parts.push(`列表价 ${formatWan(listPrice)}元`);
  return parts.length > 0 ? <span>{parts.join('，')}</span> : null;
}

type DealTermsFieldsProps = {
  stage: DealStage;
  /** A new deal straight at 签约 may record the payment method (optional). */
  optionalPaymentMethod?: boolean;
  listPrice?: number;
};

/** The terms a stage records: 认筹金; 定金, 付款方式, 约定签约日期; 成交价, 签约日期. */
export function DealTermsFields({ stage, optionalPaymentMethod = false, listPrice }: DealTermsFieldsProps) {
  const isPhone = useIsPhone();
  const today = shanghaiNow().startOf('day');

  if (stage === 'pledge') {
    return (
      <Form.Item label="认筹金" name="pledgeAmount" required extra={<WanHint name="pledgeAmount" />} rules={[schemaRule(pledgeTerms.shape.pledgeAmount, '请填写认筹金')]}>
        <MoneyInput />
      </Form.Item>
    );
  }

  if (stage === 'subscription') {
    return (
      <>
        <Form.Item label="定金" name="deposit" required extra={<WanHint name="deposit" />} rules={[schemaRule(subscriptionTerms.shape.deposit, '请填写定金')]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item label="付款方式" name="paymentMethod" rules={[{ required: true, message: '请选择付款方式' }]}>
          <LeanSelect placeholder="请选择付款方式" options={PAYMENT_METHOD_OPTIONS} />
        </Form.Item>
        <Form.Item label="约定签约日期" name="contractDueDate" rules={[{ required: true, message: '请选择约定签约日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            placeholder="选择日期"
            inputReadOnly={isPhone}
            disabledDate={(day) => day.isBefore(today)}
          />
        </Form.Item>
      </>
    );
  }

  return (
    <>
      <Form.Item
        label="成交价"
        name="price"
        required
        extra={<WanHint name="price" listPrice={listPrice} />}
        rules={[schemaRule(contractTerms.shape.price, '请填写成交价')]}
      >
        <MoneyInput />
      </Form.Item>
      <Form.Item label="签约日期" name="signedOn" rules={[{ required: true, message: '请选择签约日期' }]}>
        <DatePicker
          style={{ width: '100%' }}
          placeholder="选择日期"
          inputReadOnly={isPhone}
          disabledDate={(day) => day.isAfter(today.endOf('day'))}
        />
      </Form.Item>
      {optionalPaymentMethod && (
        <Form.Item label="付款方式" name="paymentMethod">
          <LeanSelect allowClear placeholder="请选择付款方式（选填）" options={PAYMENT_METHOD_OPTIONS} />
        </Form.Item>
      )}
    </>
  );
}
