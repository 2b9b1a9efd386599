import type { SelectProps } from 'antd';
import { LeanSelect } from './lean-select.tsx';

type FilterSelectProps<V> = Omit<SelectProps<V>, 'placeholder' | 'aria-label' | 'allowClear' | 'style'> & { label: string; minWidth?: number };

/** A clearable list filter: 「全部{label}」 when empty, named 「按{label}筛选」 for screen readers (and tests). */
export function FilterSelect<V = unknown>({ label, minWidth = 120, ...props }: FilterSelectProps<V>) {
  return <LeanSelect<V> allowClear placeholder={`全部${label}`} aria-label={`按${label}筛选`} style={{ minWidth }} {...props} />;
}
