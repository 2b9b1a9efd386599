import { BookOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ComplaintCase, ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { caseBody } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import { useSaveCase } from '../../data/hooks/complaints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { useComplaintWrite } from './use-complaint-write.ts';

type CaseValues = { title: string; background: string; cause: string; handling: string; lessons: string };

export const CASE_SECTIONS: { name: Exclude<keyof CaseValues, 'title'>; label: string; placeholder: string }[] = [
  { name: 'background', label: '背景', placeholder: '投诉的来龙去脉、客户情况' },
  { name: 'cause', label: '原因分析', placeholder: '问题产生的根本原因' },
  { name: 'handling', label: '处理过程', placeholder: '采取了哪些措施、如何与客户沟通' },
  { name: 'lessons', label: '经验教训', placeholder: '今后如何避免、可推广的做法' },
];

/** A case's four sections as text (the case library shows the same). */
export function CaseText({ value }: { value: ComplaintCase }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={CASE_SECTIONS.map((section) => ({
        key: section.name,
        label: section.label,
        children: <div className="timeline-detail">{value[section.name]}</div>,
      }))}
    />
  );
}

function CaseEditor({ complaint: c, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const [form] = Form.useForm<CaseValues>();
  const { message } = App.useApp();
  const save = useSaveCase(c.id);
  const { run, handleError } = useComplaintWrite(c.id);
  const initial: Partial<CaseValues> = c.case ?? { title: c.title };

  const submit = async (values: CaseValues) => {
    const body = {
      version: c.version,
      title: values.title.trim(),
      background: values.background.trim(),
      cause: values.cause.trim(),
      handling: values.handling.trim(),
      lessons: values.lessons.trim(),
    };
    try {
      if (await run(() => save.mutateAsync(body))) {
        void message.success('案例已保存，已收入案例库');
        onDone();
      }
    } catch (error) {
      handleError(error, form);
    }
  };

  return (
    <Form<CaseValues> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} requiredMark>
      <Form.Item label="案例标题" name="title" required rules={[schemaRule(caseBody.shape.title, '请填写案例标题')]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      {CASE_SECTIONS.map((section) => (
        <Form.Item
          key={section.name}
          label={section.label}
          name={section.name}
          required
          rules={[schemaRule(caseBody.shape[section.name], `请填写${section.label}`)]}
        >
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 10 }} placeholder={section.placeholder} />
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存案例
        </Button>
        {c.case && <Button onClick={onDone}>取消</Button>}
      </Space>
    </Form>
  );
}

/** 案例撰写: required before a major complaint closes; any complaint may be written up. */
export function CaseCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { can } = useSession();
  const canWrite = can('complaints.write');
  const major = c.severity === 'major';
  // A major complaint without its case opens on the form (also when it has just become major).
  const [chosen, setEditing] = useState<boolean | null>(null);
  const editing = chosen ?? (major && !c.case && canWrite);

  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          案例
        </Space>
      }
      extra={
        canWrite &&
        !editing && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {c.case ? '修改案例' : '撰写案例'}
          </Button>
        )
      }
    >
      {major && !c.case && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="重大投诉须完成案例撰写后才能关闭"
          description="请写明背景、原因分析、处理过程和经验教训，保存后收入案例库。"
        />
      )}
      {editing ? (
        <CaseEditor complaint={c} onDone={() => setEditing(false)} />
      ) : c.case ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {c.case.title}
          </Typography.Title>
          <CaseText value={c.case} />
          <Typography.Text type="secondary" className="timeline-meta">
            {c.case.authorName} · 更新于 {formatDateTime(c.case.updatedAt)}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">尚未撰写案例。处理完毕的典型投诉可整理成案例，供同事参考。</Typography.Text>
      )}
    </Card>
  );
}
