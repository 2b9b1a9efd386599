import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import type { Appeal } from '../../../common/contracts/channels.ts';
import { appealDecision } from '../../../common/contracts/channels.ts';
import { REFUSAL_REASON_LABELS, REGISTRATION_STATUS_LABELS } from '../../../common/channels.ts';
import { isApiError } from '../../data/client.ts';
import { invalidateChannels, refusalOf, useDecideAppeal } from '../../data/hooks/channels.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type DecideValues = { note?: string };

/** 「支持」/「驳回」 an appeal: what follows is said plainly, an optional note goes to the broker. */
export function AppealDecideModal({ appeal, approve, onClose }: { appeal: Appeal; approve: boolean; onClose: () => void }) {
  const [form] = Form.useForm<DecideValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const decide = useDecideAppeal();
  const r = appeal.registration;
  const verb = approve ? '支持' : '驳回';
  // An appeal upheld after the visit restarts the deal window, else the visit window.
  const visited = r.visitedAt !== null;
  const restored = visited ? 'visited' : 'registered';

  return (
    <FormModal<DecideValues>
      title={`${verb}申诉 · ${r.customerName} ${r.mobile}`}
      form={form}
      okText={`确认${verb}`}
      width={520}
      onClose={onClose}
      onSubmit={async (values) => {
        try {
          await decide.mutateAsync({ id: appeal.id, body: { approve, note: values.note?.trim() ?? '' } });
          void message.success(approve ? '已支持申诉，报备已恢复并重新计算保护期' : '已驳回申诉');
        } catch (error) {
          const refusal = refusalOf(error);
          // Decided by someone else meanwhile, or no longer possible: the list is refreshed.
          if (refusal) void message.error(`无法恢复报备：${REFUSAL_REASON_LABELS[refusal.reason]}`);
          else if (isApiError(error) && error.status === 409) void message.warning(error.userMessage);
          else throw error;
          void invalidateChannels(client);
        }
      }}
    >
      <Typography.Paragraph>
        经纪人 <Typography.Text strong>{r.broker.name}</Typography.Text> 对「{r.projectName} · {r.customerName}」的报备提出申诉，确认{verb}？
      </Typography.Paragraph>
      <Alert
        type={approve ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={approve ? `支持后报备恢复为「${REGISTRATION_STATUS_LABELS[restored]}」` : '驳回后报备维持现状'}
        description={
          approve
            ? `从今天起重新计算${visited ? '成交' : '到访'}保护期，期内该客户归属该经纪人。如该客户正在其他经纪人的报备保护期内，该报备将被作废（对方可见裁决理由），此时须填写处理说明；客户已签约或已由他人报备成交的不能支持。裁决后不可撤销。`
            : `报备仍为「${REGISTRATION_STATUS_LABELS[r.status]}」。裁决后不可撤销。`
        }
      />
      <Form.Item label="处理说明" name="note" rules={[schemaRule(appealDecision.shape.note)]}>
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder={approve ? '裁决依据（改判其他经纪人的报备时必填，对方可见）' : '裁决依据（可不填，经纪人可见）'} />
      </Form.Item>
    </FormModal>
  );
}
