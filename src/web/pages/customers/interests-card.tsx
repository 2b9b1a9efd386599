import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Customer, Interest } from '../../../common/contracts/customers.ts';
import type { Grade, SourceChannel, Stage } from '../../../common/customers.ts';
import { SOURCE_CHANNEL_LABELS } from '../../../common/customers.ts';
import { useAddInterest, useUpdateInterest } from '../../data/hooks/customers.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AttributionModal } from './attribution-modal.tsx';
import { DueDate } from './customer-tags.tsx';
import { GRADE_SHORT_OPTIONS, SOURCE_CHANNEL_OPTIONS, STAGE_OPTIONS } from './options.ts';
import { POOL_OWNER_TEXT } from './prospect-columns.tsx';

function LostReasonModal({ interest, onClose }: { interest: Interest; onClose: () => void }) {
  const [form] = Form.useForm<{ lostReason: string }>();
  const update = useUpdateInterest();
  const { message } = App.useApp();
  return (
    <FormModal<{ lostReason: string }>
      title={`标记为流失：${interest.project.name}`}
      form={form}
      width={440}
      onClose={onClose}
      onSubmit={async (values) => {
        await update.mutateAsync({
          id: interest.id,
          body: { stage: 'lost', lostReason: values.lostReason.trim(), version: interest.version },
        });
        void message.success('已标记为流失');
      }}
    >
      <Form.Item
        label="流失原因"
        name="lostReason"
        required
        rules={[
          { required: true, whitespace: true, message: '标记流失须填写原因' },
          { max: 200, message: '流失原因不能超过 200 个字' },
        ]}
      >
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：已购竞品、预算不足" />
      </Form.Item>
    </FormModal>
  );
}

type AddValues = { projectId?: string; channel?: SourceChannel; grade: Grade };

function AddInterestModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const add = useAddInterest();
  const projects = useScopeProjects();
  const { message } = App.useApp();
  const taken = new Set(customer.interests.map((i) => i.project.id));
  return (
    <FormModal<AddValues>
      title="登记到其他项目"
      form={form}
      width={460}
      initialValues={{ grade: 'C', channel: customer.sourceChannel }}
      onClose={onClose}
      onSubmit={async (values) => {
        await add.mutateAsync({
          customerId: customer.id,
          body: { projectId: values.projectId ?? '', channel: values.channel as SourceChannel, grade: values.grade },
        });
        void message.success('已登记到该项目');
      }}
    >
      <Form.Item label="项目" name="projectId" required rules={[{ required: true, message: '请选择项目' }]}>
        <LeanSelect
          placeholder="请选择项目"
          loading={projects.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={projects.data?.filter((p) => !taken.has(p.id)).map((p) => ({ value: p.id, label: p.name })) ?? []}
        />
      </Form.Item>
      <Form.Item label="来源渠道" name="channel" required rules={[{ required: true, message: '请选择来源渠道' }]}>
        <LeanSelect options={SOURCE_CHANNEL_OPTIONS} />
      </Form.Item>
      <Form.Item label="等级" name="grade" required>
        <Radio.Group optionType="button" buttonStyle="solid" options={GRADE_SHORT_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}

function InterestRow({ interest, editable }: { interest: Interest; editable: boolean }) {
  const update = useUpdateInterest();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [markingLost, setMarkingLost] = useState(false);
  const [attributing, setAttributing] = useState(false);
  const disabled = !editable || interest.inPool || update.isPending;

  const change = async (body: { stage?: Stage; grade?: Grade }, done: string) => {
    try {
      await update.mutateAsync({ id: interest.id, body: { ...body, version: interest.version } });
      void message.success(done);
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <div className="interest-row">
      <div className="stack-card-head">
        <Typography.Text strong>{interest.project.name}</Typography.Text>
        {interest.inPool ? <Tag color="default">{POOL_OWNER_TEXT}</Tag> : <span>置业顾问 {interest.owner?.name ?? '—'}</span>}
      </div>
      <div className="interest-controls">
        <div className="interest-control">
          <span className="interest-control-label">阶段</span>
          <LeanSelect<Stage>
            aria-label={`阶段（${interest.project.name}）`}
            value={interest.stage}
            options={STAGE_OPTIONS}
            disabled={disabled}
            style={{ minWidth: 110 }}
            onChange={(stage) => {
              if (stage === 'lost') setMarkingLost(true);
              else void change({ stage }, '阶段已更新');
            }}
          />
        </div>
        <div className="interest-control">
          <span className="interest-control-label">等级</span>
          <LeanSelect<Grade>
            aria-label={`等级（${interest.project.name}）`}
            value={interest.grade}
            options={GRADE_SHORT_OPTIONS}
            disabled={disabled}
            style={{ minWidth: 90 }}
            onChange={(grade) => void change({ grade }, '等级已更新')}
          />
        </div>
      </div>
      <div className="stack-card-meta">
        下次跟进：<DueDate at={interest.nextFollowUpAt} />
      </div>
      <div className="stack-card-meta">
        最近联系：{formatDateTime(interest.lastContactAt)} · 来源：{SOURCE_CHANNEL_LABELS[interest.channel]}
        {editable && (
          <Button type="link" size="small" onClick={() => setAttributing(true)}>
            来源归属
          </Button>
        )}
      </div>
      {interest.stage === 'lost' && interest.lostReason && (
        <div className="stack-card-meta">流失原因：{interest.lostReason}</div>
      )}
      {interest.inPool && interest.poolReason && <div className="stack-card-meta">回收原因：{interest.poolReason}</div>}
      {markingLost && <LostReasonModal interest={interest} onClose={() => setMarkingLost(false)} />}
      {attributing && <AttributionModal interest={interest} onClose={() => setAttributing(false)} />}
    </div>
  );
}

/** 项目意向: each project the customer is registered in (in the caller's scope), with stage and grade. */
export function InterestsCard({ customer, editable }: { customer: Customer; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title="项目意向"
      extra={
        editable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记新项目
          </Button>
        )
      }
    >
      {customer.interests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无您可见的项目意向" />
      ) : (
        <Space orientation="vertical" size={0} style={{ width: '100%' }} className="interest-list">
          {customer.interests.map((interest) => (
            <InterestRow key={interest.id} interest={interest} editable={editable} />
          ))}
        </Space>
      )}
      {adding && <AddInterestModal customer={customer} onClose={() => setAdding(false)} />}
    </Card>
  );
}
