import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox } from 'antd';
import { useState } from 'react';
import type { ComplaintFilterKey, ComplaintFilters } from '../../data/hooks/complaints.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { ProjectFilter } from '../../components/scope-filters.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { CHANNEL_OPTIONS, SEVERITY_OPTIONS, SPECIALTY_OPTIONS, STATUS_FILTER_OPTIONS } from './complaint-options.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { SearchBox } from '../../components/search-box.tsx';

const SELECT_KEYS: ComplaintFilterKey[] = ['status', 'severity', 'specialty', 'channel', 'projectId', 'mine', 'overdue'];

export function isFiltered(filters: ComplaintFilters): boolean {
  return Object.values(filters).some(Boolean);
}

type ComplaintFilterBarProps = {
  filters: ComplaintFilters;
  onChange: (patch: ComplaintFilters) => void;
  onClear: () => void;
};

/** 投诉列表的筛选: a search box, then status … project and the two switches (behind 「筛选」 on a phone). */
export function ComplaintFilterBar({ filters, onChange, onClear }: ComplaintFilterBarProps) {
  const isPhone = useIsPhone();
  const activeCount = SELECT_KEYS.filter((key) => Boolean(filters[key])).length;
  const [expanded, setExpanded] = useState(activeCount > 0);
  const pick = (key: ComplaintFilterKey) => (value: string | undefined) => onChange({ [key]: value });
  const flag = (key: 'mine' | 'overdue') => (checked: boolean) => onChange({ [key]: checked ? 'true' : undefined });

  const selects = (
    <>
      <FilterSelect label="状态" value={filters.status} options={STATUS_FILTER_OPTIONS} onChange={pick('status')} />
      <FilterSelect label="性质" minWidth={110} value={filters.severity} options={SEVERITY_OPTIONS} onChange={pick('severity')} />
      <FilterSelect label="专业" value={filters.specialty} options={SPECIALTY_OPTIONS} onChange={pick('specialty')} />
      <LeanSelect
        allowClear
        placeholder="全部渠道"
        aria-label="按受理渠道筛选"
        style={{ minWidth: 140 }}
        value={filters.channel}
        options={CHANNEL_OPTIONS}
        onChange={pick('channel')}
      />
      <ProjectFilter value={filters.projectId} onChange={pick('projectId')} />
      <Checkbox checked={filters.mine === 'true'} onChange={(e) => flag('mine')(e.target.checked)}>
        只看我的
      </Checkbox>
      <Checkbox checked={filters.overdue === 'true'} onChange={(e) => flag('overdue')(e.target.checked)}>
        已超时
      </Checkbox>
    </>
  );

  return (
    <>
      <div className="toolbar">
        <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} placeholder="投诉编号/标题/投诉人/手机尾号" label="搜索投诉" maxLength={50} />
        {!isPhone && selects}
        {isPhone && (
          <Badge count={activeCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
              {expanded ? '收起筛选' : '筛选'}
            </Button>
          </Badge>
        )}
        {isFiltered(filters) && (
          <Button icon={<ClearOutlined />} onClick={onClear}>
            清空筛选
          </Button>
        )}
      </div>
      {isPhone && expanded && <div className="toolbar">{selects}</div>}
    </>
  );
}
