import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { savedFilterCreate } from '../../../common/contracts/customers.ts';
import type { ProspectFilters } from '../../data/hooks/prospects.ts';
import { useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from '../../data/hooks/prospects.ts';
import { ConfirmDeleteButton } from '../../components/confirm-delete-button.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { filterRecord, readFilters, sameFilters } from './prospect-filters.ts';

type SaveValues = { name: string };

function SaveFilterModal({ filters, onClose }: { filters: ProspectFilters; onClose: () => void }) {
  const [form] = Form.useForm<SaveValues>();
  const create = useCreateSavedFilter();
  const { message } = App.useApp();
  return (
    <FormModal<SaveValues>
      title="保存筛选"
      form={form}
      width={420}
      onClose={onClose}
      onSubmit={async (values) => {
        await create.mutateAsync({ name: values.name.trim(), query: filterRecord(filters) });
        void message.success('筛选已保存');
      }}
    >
      <Form.Item
        label="筛选名称"
        name="name"
        required
        rules={[schemaRule(savedFilterCreate.shape.name, '请输入筛选名称')]}
        extra="保存当前的搜索、筛选条件和排序，之后可一键套用"
      >
        <Input maxLength={32} placeholder="如：本周 A 级意向客户" />
      </Form.Item>
    </FormModal>
  );
}

/** 「保存筛选」 and the saved-filter dropdown that re-applies one. */
export function SavedFilters({ filters, onApply }: { filters: ProspectFilters; onApply: (filters: ProspectFilters) => void }) {
  const saved = useSavedFilters();
  const remove = useDeleteSavedFilter();
  const [saving, setSaving] = useState(false);
  const current = saved.data?.find((item) => sameFilters(readFilters(item.query), filters));
  const empty = Object.keys(filterRecord(filters)).length === 0;

  return (
    <>
      <LeanSelect
        allowClear
        placeholder="已保存的筛选"
        aria-label="已保存的筛选"
        style={{ minWidth: 180 }}
        loading={saved.isPending}
        value={current?.id}
        options={saved.data?.map((item) => ({ value: item.id, label: item.name })) ?? []}
        notFoundContent="暂无保存的筛选"
        onChange={(id: string | undefined) => {
          const chosen = saved.data?.find((item) => item.id === id);
          onApply(chosen ? readFilters(chosen.query) : {});
        }}
      />
      {current && (
        <ConfirmDeleteButton
          type="default"
          size="middle"
          title={`删除筛选「${current.name}」？`}
          successMessage="筛选已删除"
          onConfirm={() => remove.mutateAsync(current.id)}
        >
          删除筛选
        </ConfirmDeleteButton>
      )}
      <Button icon={<SaveOutlined />} disabled={empty} onClick={() => setSaving(true)}>
        保存筛选
      </Button>
      {saving && <SaveFilterModal filters={filters} onClose={() => setSaving(false)} />}
    </>
  );
}
