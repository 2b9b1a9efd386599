import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { Registration } from '../../../common/contracts/channels.ts';
import { mobileSchema } from '../../../common/validators.ts';
import { isApiError } from '../../data/client.ts';
import type { Refusal } from '../../data/hooks/channels.ts';
import { invalidateChannels, refusalOf, useConfirmVisit } from '../../data/hooks/channels.ts';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { formatDateTime } from '../../lib/format.ts';
import { dueText, lastDayText } from './channel-tags.tsx';
import { RefusalAlert } from './refusal-alert.tsx';

type VisitValues = { mobile?: string };

// Answers meaning the list on screen was stale: said, the lists refetched, the modal closed.
const STALE_CODES: Record<string, string | null> = {
  VERSION_CONFLICT: '报备记录已被他人修改，已刷新',
  INVALID_TRANSITION: null,
};

/** The registered digits (「138****5678」 → 138, 5678), when the mobile on screen is masked. */
function registeredDigits(masked: string): { prefix: string; suffix: string } | null {
  const match = /^(\d{3})\*+(\d{4})$/.exec(masked);
  return match ? { prefix: match[1], suffix: match[2] } : null;
}

/** 到访确认: the sales office takes the customer's full mobile, which must agree with the registration. */
export function VisitConfirmModal({ registration: r, onClose }: { registration: Registration; onClose: () => void }) {
  const [form] = Form.useForm<VisitValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const confirm = useConfirmVisit();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const digits = registeredDigits(r.mobile);

  const submit = async () => {
    if (confirm.isPending || refusal) return;
    let values: VisitValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const saved = await confirm.mutateAsync({ id: r.id, body: { version: r.version, mobile: values.mobile?.trim() ?? '' } });
      void message.success(`已确认 ${saved.customerName} 到访，成交保护期至 ${saved.dealDueAt ? lastDayText(saved.dealDueAt) : '—'}（含当天）`);
      onClose();
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) {
        setRefusal(refused);
        void invalidateChannels(client);
      } else if (isApiError(error) && error.code in STALE_CODES) {
        void message.warning(STALE_CODES[error.code] ?? error.userMessage);
        void invalidateChannels(client);
        onClose();
      } else handleError(error, form);
    }
  };

  const mustMatch = digits
    ? `须与报备的号码一致：前三位 ${digits.prefix}、后四位 ${digits.suffix}`
    : '须与经纪人报备的号码一致';

  return (
    <Modal
      open
      title={`到访确认 · ${r.customerName}`}
      width={520}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={confirm.isPending}>
            {refusal ? '关闭' : '取消'}
          </Button>
          {!refusal && (
            <Button type="primary" loading={confirm.isPending} onClick={() => void submit()}>
              确认到访
            </Button>
          )}
        </Space>
      }
    >
      {refusal && (
        <RefusalAlert refusal={refusal} hint="系统已将该报备判定为无效，客户按项目原有归属处理；经纪人如有异议可提交申诉。" />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'project', label: '项目', children: r.projectName },
          { key: 'broker', label: '经纪人', children: r.agency ? `${r.broker.name}（${r.agency}）` : r.broker.name },
          { key: 'mobile', label: '报备手机号', children: r.mobile },
          { key: 'registeredAt', label: '报备时间', children: formatDateTime(r.registeredAt) },
          { key: 'visitDueAt', label: '到访截止', children: dueText(r.visitDueAt) },
        ]}
      />
      {!refusal && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="请核对客户本人手机号"
            description={`请向到访客户询问完整的 11 位手机号并录入，${mustMatch}。确认后系统建立客户档案（来源：渠道经纪人），开始计算成交保护期。`}
          />
          <Form<VisitValues> form={form} layout="vertical" onFinish={() => void submit()} requiredMark>
            <Form.Item
              label="客户完整手机号"
              name="mobile"
              required
              extra={mustMatch}
              rules={[
                schemaRule(mobileSchema, '请填写客户完整手机号'),
                {
                  validator: async (_rule, value: string | undefined) => {
                    const mobile = value?.trim() ?? '';
                    if (!digits || !mobileSchema.safeParse(mobile).success) return;
                    if (!mobile.startsWith(digits.prefix) || !mobile.endsWith(digits.suffix)) throw new Error(`手机号与报备的 ${r.mobile} 不符`);
                  },
                },
              ]}
            >
              <Input maxLength={11} inputMode="numeric" autoComplete="off" placeholder="11 位手机号" autoFocus />
            </Form.Item>
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Form>
        </>
      )}
    </Modal>
  );
}
