import { App, Checkbox, Form, Input, Typography } from 'antd';
import type { Interest } from '../../../common/contracts/customers.ts';
import { mobileSchema } from '../../../common/validators.ts';
import { useSession } from '../../auth/session.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import type { AttributionBody } from '../../data/hooks/campaigns.ts';
import { useCampaigns, useSetAttribution } from '../../data/hooks/campaigns.ts';
import { schemaRule } from '../../lib/form-rules.ts';

// The select's choice that takes the prospect out of any campaign (null to the API).
const NO_CAMPAIGN = 'none';

type AttributionValues = { campaignId?: string; referrerMobile?: string; clearReferrer?: boolean };

// Only what was filled in is sent: a field left empty keeps what is recorded.
function bodyOf(values: AttributionValues): AttributionBody {
  const body: AttributionBody = {};
  if (values.campaignId) body.campaignId = values.campaignId === NO_CAMPAIGN ? null : values.campaignId;
  if (values.clearReferrer) body.referrerMobile = null;
  else if (values.referrerMobile?.trim()) body.referrerMobile = values.referrerMobile.trim();
  return body;
}

/**
 * 「来源归属」: which campaign of the prospect's project brought them, and which owner referred
 * them (老带新, by the owner's mobile). Fields left empty are not changed.
 */
export function AttributionModal({ interest, onClose }: { interest: Interest; onClose: () => void }) {
  const [form] = Form.useForm<AttributionValues>();
  const { can } = useSession();
  const canReadCampaigns = can('channels.read');
  const campaigns = useCampaigns(interest.project.id, { enabled: canReadCampaigns });
  const setAttribution = useSetAttribution();
  const { message } = App.useApp();
  const clearReferrer = Form.useWatch('clearReferrer', form);

  const campaignOptions = [
    ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} ~ ${c.endsOn}）` })),
    { value: NO_CAMPAIGN, label: '不归属任何活动（清除已登记的活动）' },
  ];

  const submit = async (values: AttributionValues) => {
    const result = await setAttribution.mutateAsync({ interestId: interest.id, body: bodyOf(values) });
    const campaign = campaigns.data?.find((c) => c.id === result.campaignId);
    const parts = [
      result.campaignId ? `活动「${campaign?.name ?? '已登记'}」` : '未归属活动',
      result.referrer ? `推荐人 ${result.referrer.name}` : '无推荐人',
    ];
    void message.success(`来源归属已保存：${parts.join('，')}`);
  };

  return (
    <FormModal<AttributionValues>
      title={`来源归属：${interest.project.name}`}
      form={form}
      width={480}
      onClose={onClose}
      onSubmit={submit}
    >
      <Typography.Paragraph type="secondary">只修改填写的项，留空的项保持原有登记不变。</Typography.Paragraph>
      <Form.Item
        label="推广活动"
        name="campaignId"
        extra={canReadCampaigns ? undefined : '您没有查看推广活动的权限'}
      >
        <LeanSelect<string>
          allowClear
          placeholder={campaigns.data?.length === 0 ? '该项目暂无推广活动' : '不修改'}
          disabled={!canReadCampaigns}
          loading={canReadCampaigns && campaigns.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={campaignOptions}
        />
      </Form.Item>
      <Form.Item
        label="老带新推荐人手机号"
        name="referrerMobile"
        extra="须为已签约业主的手机号"
        dependencies={['campaignId', 'clearReferrer']}
        rules={[
          schemaRule(mobileSchema),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (getFieldValue('campaignId') || getFieldValue('clearReferrer') || value?.trim()) return;
              throw new Error('请选择推广活动或填写推荐人手机号');
            },
          }),
        ]}
      >
        <Input inputMode="numeric" maxLength={11} allowClear placeholder="不修改" disabled={Boolean(clearReferrer)} />
      </Form.Item>
      <Form.Item name="clearReferrer" valuePropName="checked" style={{ marginTop: -8 }}>
        <Checkbox onChange={(e) => e.target.checked && form.setFieldValue('referrerMobile', undefined)}>
          清除已登记的推荐人
        </Checkbox>
      </Form.Item>
    </FormModal>
  );
}
