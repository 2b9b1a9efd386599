import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { DEAL_STAGE_LABELS, DEAL_STAGES, DEAL_STATUS_LABELS, DEAL_STATUSES } from '../../../common/sales.ts';
import type { DealFilterKey, DealFilters } from '../../data/hooks/sales.ts';
import { ConsultantFilter, ProjectFilter } from '../../components/scope-filters.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { SearchBox } from '../../components/search-box.tsx';

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
  const pick = (key: DealFilterKey) => (value: string | undefined) => onChange({ [key]: value });

  return (
    <div className="toolbar">
      <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} placeholder="客户姓名或房号" label="搜索成交" maxLength={32} maxWidth={240} />
      <ProjectFilter value={filters.projectId} onChange={pick('projectId')} />
      {showConsultant && <ConsultantFilter value={filters.consultantId} onChange={pick('consultantId')} />}
      <FilterSelect label="阶段" value={filters.stage} options={STAGE_OPTIONS} onChange={pick('stage')} />
      <FilterSelect label="状态" value={filters.status} options={STATUS_OPTIONS} onChange={pick('status')} />
      {isFiltered(filters) && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          清空筛选
        </Button>
      )}
    </div>
  );
}
