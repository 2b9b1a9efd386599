import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { GroupComplaintType } from '../../../common/complaints.ts';
import type { GroupComplaint } from '../../../common/contracts/group-complaints.ts';
import { groupComplaintBody } from '../../../common/contracts/group-complaints.ts';
import { useSaveGroupComplaint } from '../../data/hooks/complaints.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { GROUP_STATUS_OPTIONS, GROUP_TYPE_OPTIONS } from './complaint-options.ts';
import { ComplaintPicker } from './complaint-picker.tsx';

type GroupValues = {
  projectId?: string;
  title: string;
  type?: GroupComplaintType;
  status?: GroupComplaint['status'];
  leaderName?: string;
  members?: string[];
  memberCount?: number | null;
  strategy?: string;
  complaintIds?: string[];
};

const shape = groupComplaintBody.shape;

function toValues(g: GroupComplaint | null): GroupValues {
  if (!g) return { title: '', members: [], memberCount: 0, complaintIds: [] };
  return {
    projectId: g.projectId,
    title: g.title,
    type: g.type,
    status: g.status,
    leaderName: g.leaderName,
    members: g.members,
    memberCount: g.memberCount,
    strategy: g.strategy,
    complaintIds: g.complaints.map((c) => c.id),
  };
}

/** 新建/编辑群诉: the group, its type and leader, members, strategy and the complaints in it. */
export function GroupComplaintModal({ group, onClose }: { group: GroupComplaint | null; onClose: () => void }) {
  const [form] = Form.useForm<GroupValues>();
  const { message } = App.useApp();
  const save = useSaveGroupComplaint();
  const projects = useScopeProjects();
  const projectId = Form.useWatch('projectId', form) ?? group?.projectId;

  return (
    <FormModal<GroupValues>
      title={group ? '编辑群诉' : '新建群诉'}
      form={form}
      width={680}
      initialValues={toValues(group)}
      onValuesChange={(changed: Partial<GroupValues>) => {
        if ('projectId' in changed) form.setFieldsValue({ complaintIds: [] });
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const common = {
          title: v.title.trim(),
          type: v.type ?? 'loose',
          leaderName: v.leaderName?.trim() ?? '',
          members: (v.members ?? []).map((m) => m.trim()).filter(Boolean),
          memberCount: v.memberCount ?? 0,
          strategy: v.strategy?.trim() ?? '',
          complaintIds: v.complaintIds ?? [],
        };
        if (group) await save.mutateAsync({ id: group.id, body: { ...common, status: v.status, version: group.version } });
        else await save.mutateAsync({ body: { ...common, projectId: v.projectId ?? '', leaderCustomerId: null } });
        void message.success(group ? '群诉已保存' : '群诉已登记');
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="项目" name="projectId" required rules={[{ required: true, message: '请选择项目' }]}>
            <LeanSelect
              disabled={Boolean(group)}
              placeholder="请选择项目"
              loading={projects.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? (group ? [{ value: group.projectId, label: group.projectName }] : [])}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="群诉类型" name="type" required rules={[{ required: true, message: '请选择群诉类型' }]}>
            <LeanSelect placeholder="请选择" options={GROUP_TYPE_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="群诉名称" name="title" required rules={[schemaRule(shape.title, '请填写群诉名称')]}>
        <Input maxLength={100} showCount placeholder="如：2 期业主集体反映延期交付" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="带头人" name="leaderName" rules={[schemaRule(shape.leaderName)]}>
            <Input maxLength={32} placeholder="带头人姓名（可不填）" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="涉及人数" name="memberCount" extra="含未登记姓名的成员">
            <InputNumber min={0} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {group && (
        <Form.Item label="状态" name="status">
          <LeanSelect options={GROUP_STATUS_OPTIONS} />
        </Form.Item>
      )}
      <Form.Item label="成员" name="members" extra="输入姓名后按回车添加">
        <Select mode="tags" open={false} suffixIcon={null} placeholder="成员姓名" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item label="关联投诉" name="complaintIds">
        <ComplaintPicker projectId={projectId} known={group?.complaints ?? []} />
      </Form.Item>
      <Form.Item label="应对策略" name="strategy" rules={[schemaRule(shape.strategy)]}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder="如：先做通带头人的工作；先易后难，逐户沟通" />
      </Form.Item>
    </FormModal>
  );
}
