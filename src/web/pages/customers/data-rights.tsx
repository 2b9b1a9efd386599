import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import type { Customer } from '../../../common/contracts/customers.ts';
import { eraseBody } from '../../../common/contracts/customers.ts';
import { downloadPersonalData, useEraseCustomer } from '../../data/hooks/customers.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useApiErrorHandler } from '../../components/use-api-error.ts';
import { schemaRule } from '../../lib/form-rules.ts';

type EraseValues = { reason: string; confirmed: boolean };

function EraseModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [form] = Form.useForm<EraseValues>();
  const erase = useEraseCustomer(customer.id);
  const { message } = App.useApp();
  return (
    <FormModal<EraseValues>
      title="删除个人信息"
      form={form}
      width={480}
      okText="确认删除"
      onClose={onClose}
      onSubmit={async (values) => {
        await erase.mutateAsync({ reason: values.reason.trim() });
        void message.success('个人信息已删除');
      }}
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title="此操作不可撤销"
        description={`客户「${customer.name}」的姓名、手机号、证件号等个人信息将被匿名化，无法恢复，投诉联系人、经纪人报备和操作日志中的相关信息一并删除；跟进与成交记录保留用于统计。`}
      />
      <Form.Item label="删除依据" name="reason" required rules={[schemaRule(eraseBody.shape.reason, '请填写删除依据')]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：客户书面申请删除个人信息（申请编号…）" />
      </Form.Item>
      <Form.Item
        name="confirmed"
        valuePropName="checked"
        rules={[{ validator: async (_rule, checked: boolean | undefined) => { if (!checked) throw new Error('请确认已知晓此操作不可撤销'); } }]}
      >
        <Checkbox>我已知晓删除后无法恢复</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** Personal-data requests (customers.rights): export everything held, or erase it. */
export function DataRights({ customer }: { customer: Customer }) {
  const handleError = useApiErrorHandler();
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);

  const runExport = async () => {
    setExporting(true);
    try {
      await downloadPersonalData(customer.id, customer.name);
    } catch (error) {
      handleError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void runExport()}>
        导出个人信息
      </Button>
      {!customer.erased && (
        <Popconfirm
          title="删除该客户的个人信息？"
          description="删除后不可恢复，下一步需填写删除依据"
          okText="继续"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => setErasing(true)}
        >
          <Button danger icon={<DeleteOutlined />}>
            删除个人信息
          </Button>
        </Popconfirm>
      )}
      {erasing && <EraseModal customer={customer} onClose={() => setErasing(false)} />}
    </>
  );
}
