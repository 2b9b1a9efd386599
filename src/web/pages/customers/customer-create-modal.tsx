import type { CollapseProps } from 'antd';
import { App, Checkbox, Col, Collapse, Form, Input, Modal, Radio, Row } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Grade, SourceChannel } from '../../../common/customers.ts';
import { useSession } from '../../auth/session.tsx';
import { ApiError } from '../../data/client.ts';
import type { CustomerExists } from '../../data/hooks/customers.ts';
import { existingCustomerOf, useAddInterest, useCreateCustomer } from '../../data/hooks/customers.ts';
import { useConsultantOptions, useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { applyFieldErrors, useApiErrorHandler } from '../../components/use-api-error.ts';
import { useIsPhone } from '../../components/use-media-query.ts';
import { CustomerExistsAlert } from './customer-exists-alert.tsx';
import { flattenConsentErrors, SECTION_OF, toBody, type ConsentChannel, type ConsentPurpose, type CreateValues } from './customer-create-values.ts';
import {
  ClassificationFields,
  GenderField,
  IdNumberField,
  MobileField,
  NameField,
  NeedFields,
  SourceChannelField,
} from './customer-fields.tsx';
import { CONSENT_CHANNEL_OPTIONS, CONSENT_PURPOSE_OPTIONS, GRADE_SHORT_OPTIONS, NEW_STAGE_OPTIONS } from './options.ts';

type Duplicate = { existing: CustomerExists; projectId: string | undefined; channel?: SourceChannel; grade: Grade };

/** 「新增客户」: a short first screen, the rest in collapsible sections; handles a duplicate mobile. */
export function CustomerCreateModal({ defaultProjectId, onClose }: { defaultProjectId?: string; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const { can } = useSession();
  const canAssign = can('customers.assign') && can('users.read');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const isPhone = useIsPhone();
  const projects = useScopeProjects();
  const consultants = useConsultantOptions(canAssign);
  const create = useCreateCustomer();
  const addInterest = useAddInterest();
  const [sections, setSections] = useState<string[]>([]);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);

  // With a single project in scope there is nothing to choose.
  const onlyProject = projects.data?.length === 1 ? projects.data[0].id : undefined;
  useEffect(() => {
    if (onlyProject && !form.getFieldValue('projectId')) form.setFieldValue('projectId', onlyProject);
  }, [onlyProject, form]);

  const openSectionsWithErrors = () => {
    const withErrors = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => SECTION_OF[String(field.name[0]) as keyof CreateValues])
      .filter((section): section is string => Boolean(section));
    if (withErrors.length > 0) setSections((open) => [...new Set([...open, ...withErrors])]);
  };

  const goToCustomer = (customerId: string) => {
    onClose();
    void navigate(`/customers/${customerId}`);
  };

  const submit = async () => {
    if (busy.current) return;
    let values: CreateValues;
    try {
      values = await form.validateFields();
    } catch {
      openSectionsWithErrors();
      return;
    }
    busy.current = true;
    setSubmitting(true);
    try {
      const customer = await create.mutateAsync(toBody(values));
      void message.success('客户已登记');
      goToCustomer(customer.id);
    } catch (error) {
      const existing = existingCustomerOf(error);
      if (existing) {
        setDuplicate({ existing, projectId: values.projectId, channel: values.sourceChannel, grade: values.grade });
        window.setTimeout(() => alertRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 0);
      } else {
        if (error instanceof ApiError && error.errors.length > 0) {
          applyFieldErrors(form, flattenConsentErrors(error.errors));
          openSectionsWithErrors();
        }
        handleError(error);
      }
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const register = async () => {
    if (!duplicate?.projectId || !duplicate.channel) return;
    try {
      await addInterest.mutateAsync({
        customerId: duplicate.existing.customerId,
        body: { projectId: duplicate.projectId, channel: duplicate.channel, grade: duplicate.grade },
      });
      void message.success('已登记到本项目');
      goToCustomer(duplicate.existing.customerId);
    } catch (error) {
      handleError(error);
    }
  };

  const collapseItems: CollapseProps['items'] = [
    { key: 'classify', label: '客户分类（标签、客户类型、家庭细分）', forceRender: true, children: <ClassificationFields /> },
    { key: 'need', label: '购房需求（户型、面积、预算、用途）', forceRender: true, children: <NeedFields /> },
    {
      key: 'more',
      label: '证件与推荐人',
      forceRender: true,
      children: (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <IdNumberField />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="推荐人" name="referrerName" rules={[{ max: 64, message: '推荐人不能超过 64 个字' }]}>
              <Input maxLength={64} placeholder="老带新、业主推荐时填写" />
            </Form.Item>
          </Col>
        </Row>
      ),
    },
    {
      key: 'consent',
      label: '个人信息授权',
      forceRender: true,
      children: (
        <>
          <Form.Item
            label="授权用途"
            name="consentPurposes"
            dependencies={['consentChannel']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: ConsentPurpose[] | undefined) => {
                  if (getFieldValue('consentChannel') && !(value && value.length > 0)) throw new Error('请至少选择一项授权用途');
                },
              }),
            ]}
          >
            <Checkbox.Group options={CONSENT_PURPOSE_OPTIONS} />
          </Form.Item>
          <Form.Item
            label="授权方式"
            name="consentChannel"
            dependencies={['consentPurposes']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: ConsentChannel | undefined) => {
                  const purposes = getFieldValue('consentPurposes') as ConsentPurpose[] | undefined;
                  if (purposes && purposes.length > 0 && !value) throw new Error('请选择授权方式');
                },
              }),
            ]}
          >
            <LeanSelect allowClear placeholder="客户如何授权" options={CONSENT_CHANNEL_OPTIONS} />
          </Form.Item>
        </>
      ),
    },
  ];

  return (
    <Modal
      open
      title="新增客户"
      width={isPhone ? '100%' : 640}
      style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      cancelButtonProps={{ disabled: submitting }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div ref={alertRef}>
        {duplicate && (
          <CustomerExistsAlert
            existing={duplicate.existing}
            projectId={duplicate.projectId}
            registering={addInterest.isPending}
            onView={() => goToCustomer(duplicate.existing.customerId)}
            onRegister={() => void register()}
          />
        )}
      </div>
      <Form<CreateValues>
        form={form}
        name="customerCreate"
        layout="vertical"
        initialValues={{ gender: 'unknown', grade: 'C', stage: 'potential', projectId: defaultProjectId ?? onlyProject, tags: [] }}
        onValuesChange={(changed: Partial<CreateValues>) => {
          // Another mobile (or project) is a new question: the duplicate answer no longer applies.
          if ('mobile' in changed || 'projectId' in changed) setDuplicate(null);
        }}
        onFinish={() => void submit()}
        requiredMark
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <NameField />
          </Col>
          <Col xs={24} sm={12}>
            <MobileField />
          </Col>
        </Row>
        <GenderField />
        <Form.Item label="项目" name="projectId" required rules={[{ required: true, message: '请选择项目' }]}>
          <LeanSelect
            placeholder="登记到哪个项目"
            loading={projects.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
            notFoundContent={projects.isPending ? '加载中…' : '您的数据范围内暂无项目'}
          />
        </Form.Item>
        <SourceChannelField />
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="等级" name="grade" required>
              <Radio.Group optionType="button" buttonStyle="solid" options={GRADE_SHORT_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="阶段" name="stage" required>
              <Radio.Group optionType="button" buttonStyle="solid" options={NEW_STAGE_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        {canAssign && (
          <Form.Item label="置业顾问" name="ownerId" extra="留空则归属本人">
            <LeanSelect
              allowClear
              placeholder="分配给置业顾问（选填）"
              loading={consultants.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={consultants.data?.filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName })) ?? []}
            />
          </Form.Item>
        )}
        <Collapse
          size="small"
          activeKey={sections}
          onChange={(keys) => setSections(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
          items={collapseItems}
        />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
