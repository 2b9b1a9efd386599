import { ClearOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { DEAL_STAGE_LABELS, DEAL_STAGES, DEAL_STATUS_LABELS, DEAL_STATUSES } from '../../../common/sales.ts';
import type { DealFilterKey, DealFilters } from '../../data/hooks/sales.ts';
import { useConsultantOptions, useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';

const STAGE_OPTIONS = DEAL_STAGES.map((value) => ({ value, label: DEAL_STAGE_LABELS[value] }));
const STATUS_OPTIONS = DEAL_STATUSES.map((value) => ({ value, label: DEAL_STATUS_LABELS[value] }));

export function isFiltered(filters: DealFilters): boolean {
  return Object.values(filters).some(Boolean);
}

type DealFilterBarProps = {
  filters: DealFilters;
  /** Managers filter by consultant. */
  showConsultant: boolean;
  onChange: (patch: DealFilters) => void;
  onClear: () => void;
};

/** 成交列表的筛选: buyer or unit, project, consultant, stage, status. */
export function DealFilterBar({ filters, showConsultant, onChange, onClear }: DealFilterBarProps) {
  const projects = useScopeProjects();
  const consultants = useConsultantOptions(showConsultant);
  const pick = (key: DealFilterKey) => (value: string | undefined) => onChange({ [key]: value });

  return (
    <div className="toolbar">
      <Input.Search
        key={`q:${filters.q ?? ''}`}
        allowClear
        defaultValue={filters.q}
        placeholder="客户姓名或房号"
        aria-label="搜索成交"
        style={{ maxWidth: 240 }}
        maxLength={32}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
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
      {showConsultant && (
        <LeanSelect
          allowClear
          placeholder="全部置业顾问"
          aria-label="按置业顾问筛选"
          style={{ minWidth: 160 }}
          value={filters.consultantId}
          loading={consultants.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={consultants.data?.map((u) => ({ value: u.id, label: u.displayName })) ?? []}
          onChange={pick('consultantId')}
        />
      )}
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
