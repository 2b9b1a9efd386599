import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { STAGE_LABELS } from '../../../common/customers.ts';
import { useProspectSearch } from '../../data/hooks/sales.ts';

type ProspectOption = { value: string; label: string; name: string; mobile: string; meta: string };

type ProspectPickerProps = {
  projectId: string;
  /** From Form.Item, so the label points at the select. */
  id?: string;
  /** The chosen prospect's id: its project interest, which a deal takes as `interestId`. */
  value?: string;
  onChange?: (value: string | undefined) => void;
};

/** Picks the buyer among the project's prospects, searched by name, pinyin or mobile tail as one types. */
export function ProspectPicker({ projectId, id, value, onChange }: ProspectPickerProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const search = useProspectSearch(projectId, q);
  // The chosen one stays an option when a later search no longer finds it.
  const [picked, setPicked] = useState<ProspectOption | null>(null);

  const options = useMemo(() => {
    const found = (search.data ?? []).map(
      (p): ProspectOption => ({
        value: p.id,
        label: `${p.customer.name} ${p.customer.mobile}`,
        name: p.customer.name,
        mobile: p.customer.mobile,
        meta: [STAGE_LABELS[p.stage], p.owner ? `顾问 ${p.owner.name}` : '公客池'].join(' · '),
      }),
    );
    return picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found;
  }, [search.data, picked]);

  return (
    <Select<string>
      id={id}
      allowClear
      placeholder="输入姓名、拼音或手机尾号搜索客户"
      value={value}
      onChange={(v) => {
        setPicked(options.find((o) => o.value === v) ?? null);
        onChange?.(v ?? undefined);
      }}
      options={options}
      loading={search.isFetching}
      showSearch={{ onSearch: setTyped, filterOption: false }}
      notFoundContent={search.isFetching ? '搜索中…' : '没有找到客户，请先在「客户」中登记'}
      optionRender={(option) => (
        <Space size={8} wrap={false}>
          <Typography.Text strong>{option.data.name}</Typography.Text>
          <Typography.Text>{option.data.mobile}</Typography.Text>
          <Typography.Text type="secondary">{option.data.meta}</Typography.Text>
        </Space>
      )}
      onBlur={() => setTyped('')}
    />
  );
}
