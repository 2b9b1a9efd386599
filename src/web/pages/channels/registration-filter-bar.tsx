import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { RegistrationFilters } from '../../data/hooks/channels.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { REGISTRATION_STATUS_OPTIONS } from './channel-options.ts';
import { FilterSelect } from '../../components/filter-select.tsx';

type RegistrationFilterBarProps = {
  filters: RegistrationFilters;
  projects: { value: string; label: string }[];
  projectsLoading: boolean;
  onChange: (patch: RegistrationFilters) => void;
  onClear: () => void;
};

/** 报备列表的筛选: project and status (the broker's projects or the caller's scope). */
export function RegistrationFilterBar({ filters, projects, projectsLoading, onChange, onClear }: RegistrationFilterBarProps) {
  return (
    <div className="toolbar">
      <LeanSelect
        allowClear
        placeholder="全部项目"
        aria-label="按项目筛选"
        style={{ minWidth: 180 }}
        value={filters.projectId}
        loading={projectsLoading}
        showSearch={{ optionFilterProp: 'label' }}
        options={projects}
        onChange={(value: string | undefined) => onChange({ projectId: value })}
      />
      <FilterSelect label="状态" minWidth={160} value={filters.status} options={REGISTRATION_STATUS_OPTIONS} onChange={(value: string | undefined) => onChange({ status: value })} />
      {Object.values(filters).some(Boolean) && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          清空筛选
        </Button>
      )}
    </div>
  );
}
