import { App, Form, Input } from 'antd';
import { agencyCreate } from '../../../common/contracts/agencies.ts';
import { useSession } from '../../auth/session.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import type { Agency } from '../../data/hooks/agencies.ts';
import { useSaveAgency } from '../../data/hooks/agencies.ts';
import { useCompanyOptions } from '../../data/hooks/org.ts';
import { schemaRule } from '../../lib/form-rules.ts';

type AgencyValues = { companyId?: string; name?: string; contactName?: string; contactMobile?: string; note?: string };
const fields = agencyCreate.shape;

/** 「新建机构」/「编辑机构」: name, contact and note; group staff also choose the company it works with. */
export function AgencyFormModal({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const [form] = Form.useForm<AgencyValues>();
  const { me } = useSession();
  const { message } = App.useApp();
  const save = useSaveAgency();
  // Company staff create for their own company; only those without one pick it.
  const pickCompany = !agency && !me.company;
  const companies = useCompanyOptions(pickCompany);

  const submit = async (values: AgencyValues) => {
    const body = { name: values.name?.trim() ?? '', contactName: values.contactName?.trim() ?? '', contactMobile: values.contactMobile?.trim() ?? '', note: values.note?.trim() ?? '' };
    const saved = agency
      ? await save.mutateAsync({ id: agency.id, body: { ...body, version: agency.version } })
      : await save.mutateAsync({ body: { ...body, companyId: values.companyId } });
    void message.success(agency ? `已保存「${saved.name}」` : `已新建机构「${saved.name}」`);
  };

  return (
    <FormModal<AgencyValues>
      title={agency ? '编辑渠道机构' : '新建渠道机构'}
      form={form}
      width={520}
      initialValues={agency ? { name: agency.name, contactName: agency.contactName, contactMobile: agency.contactMobile, note: agency.note } : {}}
      onClose={onClose}
      onSubmit={submit}
      okText={agency ? '保存' : '创建'}
    >
      {pickCompany && (
        <Form.Item label="合作公司" name="companyId" required rules={[{ required: true, message: '请选择机构合作的公司' }]}>
          <LeanSelect<string> placeholder="请选择公司" loading={companies.isPending} options={companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? []} />
        </Form.Item>
      )}
      <Form.Item label="机构名称" name="name" required rules={[schemaRule(fields.name, '请填写机构名称')]}>
        <Input maxLength={64} showCount placeholder="如：某某房产经纪西湖店" />
      </Form.Item>
      <Form.Item label="联系人" name="contactName" required rules={[schemaRule(fields.contactName, '请填写联系人')]}>
        <Input maxLength={32} placeholder="机构对接人姓名" />
      </Form.Item>
      <Form.Item label="联系人手机号" name="contactMobile" required rules={[schemaRule(fields.contactMobile, '请填写联系人手机号')]}>
        <Input maxLength={11} inputMode="numeric" autoComplete="off" placeholder="11 位手机号" />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={[schemaRule(fields.note)]}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="合作范围、结佣约定等（可不填）" />
      </Form.Item>
    </FormModal>
  );
}
