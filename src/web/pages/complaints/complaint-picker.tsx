import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ComplaintListItem } from '../../../common/contracts/complaints.ts';
import { useComplaintSearch } from '../../data/hooks/complaints.ts';

type ComplaintPickerProps = {
  projectId: string | undefined;
  /** Complaints already linked, so their numbers show before any search. */
  known: ComplaintListItem[];
  /** From Form.Item, so the label points at the select. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
};

const labelOf = (c: ComplaintListItem) => `${c.no} ${c.title}`;

/** Picks complaints of one project, searched by number, title or contact as one types. */
export function ComplaintPicker({ projectId, known, id, value, onChange }: ComplaintPickerProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const search = useComplaintSearch({ projectId, q: q || undefined }, Boolean(projectId));

  const options = useMemo(() => {
    const byId = new Map<string, ComplaintListItem>();
    for (const c of [...known, ...(search.data ?? [])]) byId.set(c.id, c);
    return [...byId.values()].map((c) => ({ value: c.id, label: labelOf(c) }));
  }, [known, search.data]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      allowClear
      disabled={!projectId}
      placeholder={projectId ? '输入投诉编号、标题或投诉人搜索' : '请先选择项目'}
      value={value}
      onChange={onChange}
      options={options}
      loading={search.isFetching}
      showSearch={{ onSearch: setTyped, filterOption: false }}
      notFoundContent={search.isFetching ? '搜索中…' : '没有找到投诉'}
      onBlur={() => setTyped('')}
    />
  );
}
