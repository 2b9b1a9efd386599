import { App, Form, Input, Radio, Typography } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { issueLinkBody } from '../../../common/contracts/complaints.ts';
import { useComplaintIssues, useLinkIssue } from '../../data/hooks/complaints.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { LINK_EXPLANATION } from './suggestions-panel.tsx';
import { useComplaintWrite } from './use-complaint-write.ts';

type LinkValues = { mode: 'existing' | 'new'; issueId?: string; newIssueTitle?: string };

const newTitleSchema = issueLinkBody.shape.newIssueTitle.unwrap();

/** 问题归集: link the complaint to an issue of its project, or open a new issue for it. */
export function IssueLinkModal({ complaint: c, onClose }: { complaint: ComplaintDetail; onClose: () => void }) {
  const [form] = Form.useForm<LinkValues>();
  const { message } = App.useApp();
  const issues = useComplaintIssues(c.projectId);
  const link = useLinkIssue(c.id);
  const { run } = useComplaintWrite(c.id);
  const mode = Form.useWatch('mode', form) ?? 'existing';
  const options =
    issues.data
      ?.filter((issue) => issue.id !== c.issue?.id)
      .map((issue) => ({ value: issue.id, label: `${issue.title}（${issue.complaintCount} 条投诉）` })) ?? [];

  return (
    <FormModal<LinkValues>
      title="问题归集"
      form={form}
      width={520}
      initialValues={{ mode: 'existing', newIssueTitle: c.title.slice(0, 100) }}
      onClose={onClose}
      onSubmit={async (values) => {
        const body =
          values.mode === 'new'
            ? { version: c.version, issueId: null, newIssueTitle: values.newIssueTitle?.trim() ?? '' }
            : { version: c.version, issueId: values.issueId ?? null };
        const done = await run(() => link.mutateAsync(body));
        if (done) void message.success('已归集，投诉性质已重新判定');
      }}
    >
      <Typography.Paragraph type="secondary">{LINK_EXPLANATION}</Typography.Paragraph>
      {c.issue && <Typography.Paragraph>当前归集：{c.issue.title}</Typography.Paragraph>}
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: '归集到已有问题' },
            { value: 'new', label: '新建问题' },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item
          label="已有问题"
          name="issueId"
          required
          rules={[{ required: true, message: '请选择问题' }]}
          extra={issues.data && options.length === 0 ? '本项目暂无其他问题，可新建问题' : undefined}
        >
          <LeanSelect
            placeholder="请选择本项目的问题"
            loading={issues.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
          />
        </Form.Item>
      ) : (
        <Form.Item label="问题名称" name="newIssueTitle" required rules={[schemaRule(newTitleSchema, '请填写问题名称')]}>
          <Input maxLength={100} showCount placeholder="如：3 栋外墙渗水" />
        </Form.Item>
      )}
    </FormModal>
  );
}
