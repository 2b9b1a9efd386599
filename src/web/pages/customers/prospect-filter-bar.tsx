import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ProspectFilterKey, ProspectFilters } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { ConsultantFilter, ProjectFilter } from '../../components/scope-filters.tsx';
import { useIsPhone } from '../../components/use-media-query.ts';
import { shanghaiDay, shanghaiDayIso, shanghaiLastDay, shanghaiNow } from '../../lib/format.ts';
import {
  BUYER_TYPE_OPTIONS,
  FAMILY_SEGMENT_OPTIONS,
  GRADE_SHORT_OPTIONS,
  SORT_OPTIONS,
  SOURCE_CHANNEL_OPTIONS,
  STAGE_OPTIONS,
} from './options.ts';
import { isFiltered, splitList } from './prospect-filters.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { TagFilter } from './tag-select.tsx';

// On a phone these wait behind 「筛选」 too, so the list starts on the first screen.
const MAIN_KEYS: ProspectFilterKey[] = ['projectId', 'stage', 'grade', 'sort'];
const MORE_KEYS: ProspectFilterKey[] = [
  'sourceChannel',
  'tag',
  'buyerType',
  'familySegment',
  'lastContactFrom',
  'lastContactTo',
  'ownerId',
];

const RANGE_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '最近 7 天', value: () => [shanghaiNow().subtract(6, 'day'), shanghaiNow()] },
  { label: '最近 30 天', value: () => [shanghaiNow().subtract(29, 'day'), shanghaiNow()] },
  { label: '30 天以前', value: () => [shanghaiNow().subtract(2, 'year'), shanghaiNow().subtract(30, 'day')] },
];

type ProspectFilterBarProps = {
  filters: ProspectFilters;
  onChange: (patch: ProspectFilters) => void;
  onClear: () => void;
  /** Managers filter by consultant. */
  showOwner: boolean;
  /** Saved filters: a row of their own on a desktop, behind 「筛选」 on a phone. */
  extra?: ReactNode;
};

export function ProspectFilterBar({ filters, onChange, onClear, showOwner, extra }: ProspectFilterBarProps) {
  const isPhone = useIsPhone();
  const hidden = isPhone ? [...MAIN_KEYS, ...MORE_KEYS] : MORE_KEYS;
  const moreCount = hidden.filter((key) => key !== 'lastContactTo' && Boolean(filters[key])).length;
  const [expanded, setExpanded] = useState(moreCount > 0);
  const multi = (key: 'stage' | 'grade') => (values: string[]) => onChange({ [key]: values.join(',') || undefined });

  const mainFilters = (
    <>
      <ProjectFilter value={filters.projectId} onChange={(value) => onChange({ projectId: value })} />
      <LeanSelect
        mode="multiple"
        allowClear
        placeholder="全部阶段"
        aria-label="按阶段筛选"
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        value={splitList(filters.stage)}
        options={STAGE_OPTIONS}
        onChange={multi('stage')}
      />
      <LeanSelect
        mode="multiple"
        allowClear
        placeholder="全部等级"
        aria-label="按等级筛选"
        style={{ minWidth: 140 }}
        maxTagCount="responsive"
        value={splitList(filters.grade)}
        options={GRADE_SHORT_OPTIONS}
        onChange={multi('grade')}
      />
      <LeanSelect
        aria-label="排序"
        style={{ minWidth: 220 }}
        value={filters.sort ?? 'nextFollowUp'}
        options={SORT_OPTIONS}
        onChange={(value: string) => onChange({ sort: value === 'nextFollowUp' ? undefined : value })}
      />
    </>
  );

  return (
    <>
      <div className="toolbar">
        <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} placeholder="姓名/拼音/首字母/手机尾号" label="快速搜索客户" maxLength={32} maxWidth={300} />
        {!isPhone && mainFilters}
        <Badge count={moreCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
            {expanded ? '收起筛选' : isPhone ? '筛选' : '更多筛选'}
          </Button>
        </Badge>
        {isFiltered(filters) && (
          <Button icon={<ClearOutlined />} onClick={onClear}>
            清空筛选
          </Button>
        )}
      </div>
      {expanded && (
        <div className="toolbar">
          {isPhone && mainFilters}
          <FilterSelect label="来源渠道" minWidth={160} value={filters.sourceChannel} options={SOURCE_CHANNEL_OPTIONS} onChange={(value: string | undefined) => onChange({ sourceChannel: value })} />
          <TagFilter value={filters.tag} onChange={(tag) => onChange({ tag })} />
          <FilterSelect label="客户类型" minWidth={150} value={filters.buyerType} options={BUYER_TYPE_OPTIONS} onChange={(value: string | undefined) => onChange({ buyerType: value })} />
          <FilterSelect label="家庭细分" minWidth={150} value={filters.familySegment} options={FAMILY_SEGMENT_OPTIONS} onChange={(value: string | undefined) => onChange({ familySegment: value })} />
          <DatePicker.RangePicker
            aria-label="最近联系"
            placeholder={['最近联系从', '至']}
            allowEmpty={[true, true]}
            presets={RANGE_PRESETS}
            value={[shanghaiDay(filters.lastContactFrom), shanghaiLastDay(filters.lastContactTo)]}
            onChange={(range) => {
              const [from, to] = range ?? [null, null];
              onChange({
                lastContactFrom: from ? shanghaiDayIso(from) : undefined,
                lastContactTo: to ? shanghaiDayIso(to, true) : undefined,
              });
            }}
          />
          {showOwner && <ConsultantFilter value={filters.ownerId} onChange={(value) => onChange({ ownerId: value })} />}
          {isPhone && extra}
        </div>
      )}
      {!isPhone && extra && <div className="toolbar">{extra}</div>}
    </>
  );
}
