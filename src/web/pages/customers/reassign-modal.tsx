import { Alert, App, Form, Input } from 'antd';
import { reassignBody } from '../../../common/contracts/customers.ts';
import { useConsultantOptions, useReassign, useScopeProjects } from '../../data/hooks/prospects.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type ReassignValues = { fromOwnerId?: string; projectId?: string; toOwnerId?: string; reason: string };

type ReassignModalProps = {
  /** Selected rows of the customer list; without them, all prospects of 「原置业顾问」 move. */
  interestIds?: string[];
  defaultFromOwnerId?: string;
  defaultProjectId?: string;
  onClose: () => void;
  onDone?: (moved: number) => void;
};

/** 「批量调整归属」: selected prospects, or all of a (departing) consultant's, to another consultant. */
export function ReassignModal({ interestIds, defaultFromOwnerId, defaultProjectId, onClose, onDone }: ReassignModalProps) {
  const [form] = Form.useForm<ReassignValues>();
  const { message } = App.useApp();
  const consultants = useConsultantOptions();
  const projects = useScopeProjects();
  const reassign = useReassign();
  const bySelection = Boolean(interestIds && interestIds.length > 0);
  const fromOwnerId = Form.useWatch('fromOwnerId', form);

  // A departing consultant may already be disabled: they stay choosable as the source.
  const sourceOptions =
    consultants.data?.map((u) => ({ value: u.id, label: u.active ? u.displayName : `${u.displayName}（已停用）` })) ?? [];
  const targetOptions =
    consultants.data?.filter((u) => u.active && u.id !== fromOwnerId).map((u) => ({ value: u.id, label: u.displayName })) ?? [];

  return (
    <FormModal<ReassignValues>
      title="批量调整归属"
      form={form}
      width={480}
      initialValues={{ fromOwnerId: defaultFromOwnerId, projectId: defaultProjectId }}
      onClose={onClose}
      onSubmit={async (values) => {
        const result = await reassign.mutateAsync({
          ...(bySelection
            ? { interestIds }
            : { fromOwnerId: values.fromOwnerId, projectId: values.projectId || undefined }),
          toOwnerId: values.toOwnerId ?? '',
          reason: values.reason.trim(),
        });
        void message.success({ content: `已调整 ${result.moved} 位客户`, duration: 5 });
        onDone?.(result.moved);
      }}
    >
      {bySelection ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`已选择 ${interestIds?.length ?? 0} 位客户`} />
      ) : (
        <>
          <Form.Item
            label="原置业顾问"
            name="fromOwnerId"
            required
            rules={[{ required: true, message: '请选择原置业顾问' }]}
            extra="将其名下的全部客户调整给新置业顾问（如离职交接）"
          >
            <LeanSelect
              placeholder="请选择"
              loading={consultants.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={sourceOptions}
            />
          </Form.Item>
          <Form.Item label="限定项目" name="projectId" extra="留空则调整该顾问在所有项目的客户">
            <LeanSelect
              allowClear
              placeholder="全部项目"
              loading={projects.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        label="新置业顾问"
        name="toOwnerId"
        required
        dependencies={['fromOwnerId']}
        rules={[
          { required: true, message: '请选择新置业顾问' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value === getFieldValue('fromOwnerId')) throw new Error('新置业顾问不能与原置业顾问相同');
            },
          }),
        ]}
      >
        <LeanSelect
          placeholder="请选择"
          loading={consultants.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={targetOptions}
        />
      </Form.Item>
      <Form.Item label="调整原因" name="reason" required rules={[schemaRule(reassignBody.shape.reason, '请填写调整原因')]}>
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：离职交接、工作量均衡" />
      </Form.Item>
    </FormModal>
  );
}
