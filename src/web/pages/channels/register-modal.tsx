import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Empty, Form, Input, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { registrationCreate } from '../../../common/contracts/channels.ts';
import type { BrokerProject, Refusal, RegistrationCreateBody } from '../../data/hooks/channels.ts';
import { refusalOf, useBrokerProjects, useCreateRegistration } from '../../data/hooks/channels.ts';
import type { BrokerAgency } from '../../data/hooks/agencies.ts';
import { BROKER_AGENCY_KEY, useBrokerAgency } from '../../data/hooks/agencies.ts';
import { isApiError } from '../../data/client.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { schemaRule } from '../../lib/form-rules.ts';
import { lastDayText, rulesText } from './channel-tags.tsx';
import { MobileFields } from './mobile-fields.tsx';
import { RefusalAlert } from './refusal-alert.tsx';

type RegisterValues = {
  projectId?: string;
  customerName?: string;
  mobile?: string;
  mobilePrefix?: string;
  mobileSuffix?: string;
  agency?: string;
  note?: string;
};

/** What the appeal modal shows about a refused registration. */
export type AppealTarget = { registrationId: string; title: string };

// A broker usually registers for the same agency: remembered on this device.
const AGENCY_STORAGE_KEY = 'keyuan.channels.agency';

function rememberedAgency(): string {
  try {
    return window.localStorage.getItem(AGENCY_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function toBody(values: RegisterValues, project: BrokerProject, agency: BrokerAgency): RegistrationCreateBody {
  const common = {
    projectId: project.projectId,
    customerName: values.customerName?.trim() ?? '',
    // A broker of an agency registers under its name (the server sets it).
    agency: agency ? '' : (values.agency?.trim() ?? ''),
    note: values.note?.trim() ?? '',
  };
  return project.mobileMode === 'full'
    ? { ...common, mobile: values.mobile?.trim() }
    : { ...common, mobilePrefix: values.mobilePrefix?.trim(), mobileSuffix: values.mobileSuffix?.trim() };
}

/** The broker's agency, read-only (it is what the registration will carry); a suspended one refuses. */
function AgencyField({ agency }: { agency: NonNullable<BrokerAgency> }) {
  return (
    <>
      <Form.Item label="所属机构" htmlFor="register-agency" extra="报备将记在所属机构名下；如有变动请联系项目渠道负责人">
        <Input id="register-agency" value={agency.name} readOnly variant="filled" />
      </Form.Item>
      {agency.status === 'suspended' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="所属机构已暂停合作，暂不能报备" description="请联系所属机构或项目渠道负责人。" />
      )}
    </>
  );
}

function ProjectRules({ project }: { project: BrokerProject }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${project.projectName} 报备规则`}
      description={`${rulesText(project)}。报备后须在保护期内带客户到访，到访后在成交保护期内成交方可结佣。`}
    />
  );
}

/** 「报备客户」: judged by mobile at once; a refusal (判客无效) stays on screen with 「申诉」. */
export function RegisterModal({ onClose, onAppeal }: { onClose: () => void; onAppeal: (target: AppealTarget) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const isPhone = useIsPhone();
  const projects = useBrokerProjects();
  const brokerAgency = useBrokerAgency();
  const agency = brokerAgency.data ?? null;
  const suspended = agency?.status === 'suspended';
  const client = useQueryClient();
  const create = useCreateRegistration();
  const [refusal, setRefusal] = useState<(Refusal & { title: string }) | null>(null);
  const busy = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const projectId = Form.useWatch('projectId', form);
  const project = projects.data?.find((p) => p.projectId === projectId);

  // With a single project there is nothing to choose.
  const onlyProject = projects.data?.length === 1 ? projects.data[0].projectId : undefined;
  useEffect(() => {
    if (onlyProject && !form.getFieldValue('projectId')) form.setFieldValue('projectId', onlyProject);
  }, [onlyProject, form]);

  const submit = async () => {
    if (busy.current) return;
    let values: RegisterValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!project) return;
    busy.current = true;
    setRefusal(null);
    try {
      const saved = await create.mutateAsync(toBody(values, project, agency));
      try {
        if (!saved.agencyId) window.localStorage.setItem(AGENCY_STORAGE_KEY, saved.agency);
      } catch {
        // private mode: nothing remembered
      }
      void message.success(`报备成功，请于 ${lastDayText(saved.visitDueAt)} 前（含当天）带客户到访`);
      onClose();
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) {
        setRefusal({ ...refused, title: `${values.customerName?.trim() ?? ''} · ${project.projectName}` });
        window.setTimeout(() => alertRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 0);
      } else {
        // Suspended since the form opened: show why from now on.
        if (isApiError(error, 'AGENCY_SUSPENDED')) void client.invalidateQueries({ queryKey: BROKER_AGENCY_KEY });
        handleError(error, form);
      }
    } finally {
      busy.current = false;
    }
  };

  let body;
  if (projects.isError) body = <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  else if (projects.data?.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您暂未被授权报备任何项目，请联系项目渠道负责人" />;
  else {
    body = (
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        initialValues={{ agency: rememberedAgency() }}
        onFinish={() => void submit()}
        requiredMark
      >
        <Form.Item label="报备项目" name="projectId" required rules={[{ required: true, message: '请选择报备项目' }]}>
          <LeanSelect
            placeholder="请选择项目"
            loading={projects.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={projects.data?.map((p) => ({ value: p.projectId, label: `${p.projectName}（${p.city}）` })) ?? []}
          />
        </Form.Item>
        {project && <ProjectRules project={project} />}
        <Form.Item label="客户姓名" name="customerName" required rules={[schemaRule(registrationCreate.shape.customerName, '请填写客户姓名')]}>
          <Input maxLength={32} autoComplete="off" placeholder="如：王先生" />
        </Form.Item>
        {project && <MobileFields key={project.mobileMode} mode={project.mobileMode} />}
        {/* Which of the two is known once the broker's agency has loaded. */}
        {brokerAgency.isPending ? null : agency ? (
          <AgencyField agency={agency} />
        ) : (
          <Form.Item label="所属机构" name="agency" rules={[schemaRule(registrationCreate.shape.agency)]}>
            <Input maxLength={64} placeholder="中介公司或渠道名称（不填则为独立经纪人）" />
          </Form.Item>
        )}
        <Form.Item label="备注" name="note" rules={[schemaRule(registrationCreate.shape.note)]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="客户意向、预计到访时间等（可不填）" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    );
  }

  return (
    <Modal
      open
      title="报备客户"
      width={isPhone ? '100%' : 560}
      style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      okText="提交报备"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !projects.data?.length || suspended || brokerAgency.isPending }}
      confirmLoading={create.isPending}
      cancelButtonProps={{ disabled: create.isPending }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div ref={alertRef}>
        {refusal && (
          <RefusalAlert
            refusal={refusal}
            hint={refusal.reason === 'already_registered' ? '该客户仍在您的报备保护期内，无需重复报备，请在「我的报备」中查看。' : undefined}
            onAppeal={
              refusal.reason === 'already_registered'
                ? undefined
                : () => {
                    onClose();
                    onAppeal({ registrationId: refusal.registrationId, title: refusal.title });
                  }
            }
          />
        )}
      </div>
      {body}
    </Modal>
  );
}
