import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { DEAL_STAGE_LABELS, DEAL_STAGES, DEAL_STATUS_LABELS, DEAL_STATUSES } from '../../../common/sales.ts';
import type { DealFilterKey, DealFilters } from '../../data/hooks/sales.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';

const STAGE_OPTIONS = DEAL_STAGES.map((value) => ({ value, label: DEAL_STAGE_LABELS[value] }));
const STATUS_OPTIONS = DEAL_STATUSES.map((value) => ({ value, label: DEAL_STATUS_LABELS[value] }));

export function isFiltered(filters: DealFilters): boolean {
  return Object.values(filters).some(Boolean);
}

type DealFilterBarProps = {
  filters: DealFilters;
  onChange: (patch: DealFilters) => void;
  onClear: () => void;
};

/** 成交列表的筛选: project, stage, status. */
export function DealFilterBar({ filters, onChange, onClear }: DealFilterBarProps) {
  const projects = useScopeProjects();
  const pick = (key: DealFilterKey) => (value: string | undefined) => onChange({ [key]: value });

  return (
    <div className="toolbar">
      <LeanSelect
        allowClear
        placeholder="全部项目"
        aria-label="按项目筛选"
        style={{ minWidth: 180 }}
        value={filters.projectId}
        loading={projects.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
        onChange={pick('projectId')}
      />
      <LeanSelect
        allowClear
        placeholder="全部阶段"
        aria-label="按阶段筛选"
        style={{ minWidth: 120 }}
        value={filters.stage}
        options={STAGE_OPTIONS}
        onChange={pick('stage')}
      />
      <LeanSelect
        allowClear
        placeholder="全部状态"
        aria-label="按状态筛选"
        style={{ minWidth: 120 }}
        value={filters.status}
        options={STATUS_OPTIONS}
        onChange={pick('status')}
      />
      {isFiltered(filters) && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          清空筛选
        </Button>
      )}
    </div>
  );
}
