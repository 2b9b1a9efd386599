import { ClearOutlined } from '@ant-design/icons';
import { Button, InputNumber } from 'antd';
import { useState } from 'react';
import type { Project } from '../../../common/contracts/org.ts';
import type { BoardFilters } from '../../data/hooks/sales.ts';
import { LeanSelect } from '../../components/lean-select.tsx';

const WAN = 10_000;
const toWan = (yuan: number | undefined) => (yuan === undefined ? null : yuan / WAN);
const toYuan = (wan: number | null) => (wan === null ? undefined : Math.round(wan * WAN));

type PriceRangeProps = { min?: number; max?: number; onChange: (patch: Pick<BoardFilters, 'priceMin' | 'priceMax'>) => void };

/** 总价 from … to, typed in 万元 and applied (in 元) on Enter or when the field is left. */
function PriceRange({ min, max, onChange }: PriceRangeProps) {
  const [low, setLow] = useState<number | null>(toWan(min));
  const [high, setHigh] = useState<number | null>(toWan(max));

  const commit = () => {
    let [from, to] = [toYuan(low), toYuan(high)];
    if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
    if (from !== min || to !== max) onChange({ priceMin: from, priceMax: to });
  };

  const field = (value: number | null, set: (v: number | null) => void, label: string, placeholder: string) => (
    <InputNumber<number>
      aria-label={label}
      placeholder={placeholder}
      min={0}
      max={1_000_000}
      precision={2}
      controls={false}
      style={{ width: 96 }}
      value={value}
      onChange={(v) => set(v ?? null)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );

  return (
    <span className="sales-price-range">
      <span>总价</span>
      {field(low, setLow, '最低总价（万元）', '不限')}
      <span>–</span>
      {field(high, setHigh, '最高总价（万元）', '不限')}
      <span>万元</span>
    </span>
  );
}

type BoardFilterBarProps = {
  projects: Project[] | undefined;
  projectsLoading: boolean;
  projectId: string | undefined;
  onProjectChange: (projectId: string) => void;
  layouts: string[];
  filters: BoardFilters;
  onChange: (patch: BoardFilters) => void;
  onClear: () => void;
};

/** 项目, then the filter that marks units: 户型 and a price range. */
export function BoardFilterBar({ projects, projectsLoading, projectId, onProjectChange, layouts, filters, onChange, onClear }: BoardFilterBarProps) {
  const filtered = Boolean(filters.layout) || filters.priceMin !== undefined || filters.priceMax !== undefined;
  return (
    <div className="toolbar">
      <LeanSelect
        placeholder="选择项目"
        aria-label="选择项目"
        style={{ minWidth: 200 }}
        value={projectId}
        loading={projectsLoading}
        showSearch={{ optionFilterProp: 'label' }}
        options={projects?.map((p) => ({ value: p.id, label: p.name })) ?? []}
        onChange={(value: string) => onProjectChange(value)}
      />
      <LeanSelect
        allowClear
        placeholder="全部户型"
        aria-label="按户型筛选"
        style={{ minWidth: 140 }}
        value={filters.layout}
        options={layouts.map((layout) => ({ value: layout, label: layout }))}
        notFoundContent="暂无户型"
        onChange={(value: string | undefined) => onChange({ layout: value })}
      />
      <PriceRange key={`${filters.priceMin ?? ''}-${filters.priceMax ?? ''}`} min={filters.priceMin} max={filters.priceMax} onChange={onChange} />
      {filtered && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          清空筛选
        </Button>
      )}
    </div>
  );
}
