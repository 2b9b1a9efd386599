import type { SelectProps } from 'antd';
import type { CustomerTag } from '../../../common/contracts/customer-tags.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { useCustomerTags } from '../../data/hooks/customer-tags.ts';

type TagOption = { value: string; label: string; disabled?: boolean };
type TagGroup = { label: string; title: string; options: TagOption[] };

/**
 * The catalogue as Select option groups, one per category. Deactivated tags appear only when
 * `keep` holds them (a customer already carrying one, a filter already set): marked 「已停用」
 * and, where `disableInactive`, not choosable again.
 */
export function tagOptionGroups(tags: CustomerTag[], keep: readonly string[], disableInactive: boolean): TagGroup[] {
  const groups = new Map<string, TagOption[]>();
  for (const tag of tags) {
    if (!tag.active && !keep.includes(tag.name)) continue;
    const options = groups.get(tag.category) ?? [];
    options.push(tag.active ? { value: tag.name, label: tag.name } : { value: tag.name, label: `${tag.name}（已停用）`, disabled: disableInactive });
    groups.set(tag.category, options);
  }
  const known = new Set(tags.map((t) => t.name));
  const stray = keep.filter((name) => !known.has(name));
  if (stray.length) groups.set('其他', [...(groups.get('其他') ?? []), ...stray.map((name) => ({ value: name, label: name, disabled: disableInactive }))]);
  return [...groups].map(([category, options]) => ({ label: category, title: category, options }));
}

type CustomerTagSelectProps = Omit<SelectProps<string[]>, 'mode' | 'options'> & { value?: string[] };

/**
 * The customer form's tag picker: several tags from the catalogue, grouped by category, searchable.
 * A deactivated tag the customer already has stays (and can be removed) but cannot be added.
 */
export function CustomerTagSelect({ value, ...props }: CustomerTagSelectProps) {
  const tags = useCustomerTags();
  const current = value ?? [];
  return (
    <LeanSelect<string[]>
      mode="multiple"
      allowClear
      placeholder="从标签库选择"
      maxCount={20}
      loading={tags.isPending}
      showSearch={{ optionFilterProp: 'value' }}
      notFoundContent={tags.isError ? '标签库加载失败' : '标签库中没有该标签'}
      options={tagOptionGroups(tags.data ?? [], current, true)}
      value={current}
      {...props}
    />
  );
}

/** The list's tag filter: one tag, any the catalogue has (deactivated ones still find customers). */
export function TagFilter({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const tags = useCustomerTags();
  const all = tags.data ?? [];
  return (
    <LeanSelect<string | undefined>
      allowClear
      placeholder="全部标签"
      aria-label="按标签筛选"
      style={{ minWidth: 160 }}
      loading={tags.isPending}
      showSearch={{ optionFilterProp: 'value' }}
      options={tagOptionGroups(all, [...all.filter((t) => !t.active).map((t) => t.name), ...(value ? [value] : [])], false)}
      value={value}
      onChange={(next) => onChange(next || undefined)}
    />
  );
}
