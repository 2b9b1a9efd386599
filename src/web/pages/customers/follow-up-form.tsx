import { SendOutlined } from '@ant-design/icons';
import type { GetRef } from 'antd';
import { App, Button, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Ref } from 'react';
import { useState } from 'react';
import { interactionCreate } from '../../../common/contracts/customers.ts';
import type { InteractionType } from '../../../common/customers.ts';
import type { InteractionCreateBody } from '../../data/hooks/customers.ts';
import { useAddInteraction } from '../../data/hooks/customers.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { keepEnterInDatePickers, schemaRule } from '../../lib/form-rules.ts';
import { shanghaiDayIso, shanghaiNow } from '../../lib/format.ts';
import { INTERACTION_TYPE_OPTIONS, REACTION_OPTIONS } from './options.ts';

export type FollowUpTarget = { interestId: string; projectName: string };

type Reaction = InteractionCreateBody['reaction'];

type FollowUpValues = {
  interestId: string;
  type: InteractionType;
  content: string;
  reaction: Reaction;
  nextAction?: string;
  nextDueAt?: Dayjs | null;
};

type FollowUpFormProps = {
  customerId: string;
  /** The project interests a follow-up may be written on; a choice appears when there are several. */
  targets: FollowUpTarget[];
  defaultInterestId?: string;
  contentRef?: Ref<GetRef<typeof Input.TextArea>>;
  onDone?: () => void;
};

const shape = interactionCreate.shape;

/** 「写跟进」: 方式, 内容, 客户反应, 下一步, 下次跟进 (blank = by grade); one thumb on a phone. */
export function FollowUpForm({ customerId, targets, defaultInterestId, contentRef, onDone }: FollowUpFormProps) {
  const [form] = Form.useForm<FollowUpValues>();
  const add = useAddInteraction(customerId);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const isPhone = useIsPhone();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: FollowUpValues) => {
    if (submitting) return;
    const target = targets.find((t) => t.interestId === values.interestId) ?? targets[0];
    if (!target) return;
    setSubmitting(true);
    // Cleared at once (like a chat box), so the text is never both in the box and on the timeline;
    // put back if the save fails.
    form.resetFields(['content', 'reaction', 'nextAction', 'nextDueAt']);
    try {
      await add.mutateAsync({
        interestId: target.interestId,
        projectName: target.projectName,
        body: {
          type: values.type,
          content: values.content.trim(),
          reaction: values.reaction,
          nextAction: values.nextAction?.trim() ?? '',
          nextDueAt: values.nextDueAt ? shanghaiDayIso(values.nextDueAt) : undefined,
        },
      });
      void message.success('跟进已记录');
      onDone?.();
    } catch (error) {
      form.setFieldsValue(values);
      handleError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<FollowUpValues>
      form={form}
      name="followUp"
      layout="vertical"
      className="follow-up-form"
      initialValues={{ interestId: defaultInterestId ?? targets[0]?.interestId, type: 'call_out', reaction: 'neutral' }}
      onFinish={(values) => void submit(values)}
      onKeyDown={keepEnterInDatePickers}
      requiredMark
    >
      {targets.length > 1 && (
        <Form.Item label="跟进项目" name="interestId" required>
          <LeanSelect options={targets.map((t) => ({ value: t.interestId, label: t.projectName }))} />
        </Form.Item>
      )}
      <Form.Item label="跟进方式" name="type" required rules={[{ required: true, message: '请选择跟进方式' }]}>
        <LeanSelect options={INTERACTION_TYPE_OPTIONS} size={isPhone ? 'large' : undefined} />
      </Form.Item>
      <Form.Item label="跟进内容" name="content" required rules={[schemaRule(shape.content, '请填写跟进内容')]}>
        <Input.TextArea
          ref={contentRef}
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder="客户关注点、沟通结果……"
        />
      </Form.Item>
      <Form.Item label="客户反应" name="reaction">
        <Radio.Group optionType="button" buttonStyle="solid" options={REACTION_OPTIONS} size={isPhone ? 'large' : undefined} />
      </Form.Item>
      <Form.Item label="下一步" name="nextAction" rules={[schemaRule(shape.nextAction)]}>
        <Input maxLength={200} placeholder="如：周末带家人来看样板间" />
      </Form.Item>
      <Form.Item label="下次跟进" name="nextDueAt" extra="留空则按等级自动计算">
        <DatePicker
          style={{ width: '100%' }}
          placeholder="选择日期（选填）"
          inputReadOnly={isPhone}
          disabledDate={(day) => day.isBefore(shanghaiNow().startOf('day'))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submitting} block size="large">
        提交跟进
      </Button>
    </Form>
  );
}
