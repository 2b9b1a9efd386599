import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Campaign } from '../../../common/contracts/campaigns.ts';
import type { SourceChannel } from '../../../common/customers.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { isApiError } from '../../data/client.ts';
import { useCreateCampaign, useUpdateCampaign } from '../../data/hooks/campaigns.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { MoneyInput } from '../org/money-input.tsx';
import { CAMPAIGN_CHANNEL_OPTIONS, formatMoney } from './campaign-format.ts';

type CampaignValues = {
  projectId?: string;
  name?: string;
  channel?: SourceChannel;
  period?: [Dayjs, Dayjs];
  cost?: number | null;
};

const MAX_COST = 1e10;

// The server names the dates separately; the form has them in one range picker.
const DATE_FIELDS = ['startsOn', 'endsOn'];

/**
 * 「新建活动」, or with `campaign` 「编辑活动」: a campaign of one project — channel, dates and what it
 * cost. Editing sends only what changed, with the version read (a stale one is refused); the
 * project cannot change, and the period must keep the first visits of the prospects attributed.
 */
export function CampaignCreateModal({ defaultProjectId, campaign, onClose }: { defaultProjectId?: string; campaign?: Campaign; onClose: () => void }) {
  const [form] = Form.useForm<CampaignValues>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const projects = useScopeProjects();
  const { message } = App.useApp();
  const cost = Form.useWatch('cost', form);

  const send = async (values: CampaignValues) => {
    const [startsOn, endsOn] = values.period ?? [];
    const fields = {
      name: values.name?.trim() ?? '',
      channel: values.channel ?? 'other',
      startsOn: startsOn?.format('YYYY-MM-DD') ?? '',
      endsOn: endsOn?.format('YYYY-MM-DD') ?? '',
      cost: values.cost ?? 0,
    };
    if (!campaign) {
      const created = await create.mutateAsync({ projectId: values.projectId ?? '', ...fields });
      void message.success(`已新建活动「${created.name}」`);
      return;
    }
    const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => campaign[key as keyof typeof fields] !== value));
    if (Object.keys(changed).length === 0) {
      void message.info('没有修改');
      return;
    }
    const updated = await update.mutateAsync({ id: campaign.id, body: { version: campaign.version, ...changed } });
    void message.success(`已保存活动「${updated.name}」`);
  };

  const submit = async (values: CampaignValues) => {
    try {
      await send(values);
    } catch (error) {
      if (isApiError(error)) {
        const dateErrors = error.errors.filter((e) => DATE_FIELDS.includes(e.field.replace(/^\/?(body[./])?/, '')));
        if (dateErrors.length > 0) form.setFields([{ name: 'period', errors: dateErrors.map((e) => e.message) }]);
      }
      throw error; // the modal shows the message and the other fields' errors
    }
  };

  return (
    <FormModal<CampaignValues>
      title={campaign ? '编辑推广活动' : '新建推广活动'}
      form={form}
      width={520}
      initialValues={
        campaign
          ? { projectId: campaign.projectId, name: campaign.name, channel: campaign.channel, period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)], cost: campaign.cost }
          : { projectId: defaultProjectId, channel: 'event' }
      }
      onClose={onClose}
      onSubmit={submit}
      okText={campaign ? '保存' : '创建'}
    >
      <Form.Item
        label="项目"
        name="projectId"
        required
        rules={[{ required: true, message: '请选择项目' }]}
        extra={campaign ? '活动的项目不能修改' : undefined}
      >
        <LeanSelect<string>
          disabled={!!campaign}
          placeholder="请选择项目"
          loading={projects.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={campaign && !projects.data?.some((p) => p.id === campaign.projectId) ? [{ value: campaign.projectId, label: campaign.projectName }] : (projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? [])}
        />
      </Form.Item>
      <Form.Item
        label="活动名称"
        name="name"
        required
        rules={[
          { required: true, whitespace: true, message: '请填写活动名称' },
          { max: 64, message: '活动名称不能超过 64 个字' },
        ]}
      >
        <Input maxLength={64} showCount placeholder="如：五一样板间开放日" />
      </Form.Item>
      <Form.Item label="渠道" name="channel" required rules={[{ required: true, message: '请选择渠道' }]}>
        <LeanSelect<SourceChannel> options={CAMPAIGN_CHANNEL_OPTIONS} />
      </Form.Item>
      <Form.Item label="活动期间" name="period" required rules={[{ required: true, message: '请选择活动的开始和结束日期' }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item
        label="费用（元）"
        name="cost"
        required
        extra={typeof cost === 'number' && cost >= 10_000 ? `约 ${formatMoney(cost)}` : undefined}
        rules={[
          { required: true, message: '请填写费用' },
          { type: 'number', min: 0, message: '费用不能为负' },
          { type: 'number', max: MAX_COST, message: '费用过大' },
        ]}
      >
        <MoneyInput precision={2} max={MAX_COST} placeholder="活动总投入" />
      </Form.Item>
    </FormModal>
  );
}
