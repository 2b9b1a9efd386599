import { Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { SOURCE_CHANNEL_LABELS, SOURCE_CHANNELS } from '../../../common/customers.ts';
import { LeanSelect } from '../../components/lean-select.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { ConsultantFilter, ProjectFilter } from '../../components/scope-filters.tsx';
import type { FunnelGroup, FunnelQuery } from '../../data/hooks/analytics.ts';

const CHANNEL_OPTIONS = SOURCE_CHANNELS.map((value) => ({ value, label: SOURCE_CHANNEL_LABELS[value] }));
const GROUP_OPTIONS: { value: FunnelGroup; label: string }[] = [
  { value: 'none', label: '不分组' },
  { value: 'channel', label: '按渠道' },
  { value: 'consultant', label: '按顾问' },
  { value: 'project', label: '按项目' },
];

type FunnelToolbarProps = {
  query: FunnelQuery;
  period: [Dayjs, Dayjs];
  onPeriod: (range: [Dayjs, Dayjs]) => void;
  onProject: (projectId: string | undefined) => void;
  onChannel: (channel: string | undefined) => void;
  /** Given only to those who may list consultants (users.read); a consultant's funnel is their own. */
  onConsultant?: (consultantId: string | undefined) => void;
  onGroupBy: (groupBy: FunnelGroup) => void;
};

/** The period (本月 by default), project, source channel, consultant and grouping of the funnel. */
export function FunnelToolbar({ query, period, onPeriod, onProject, onChannel, onConsultant, onGroupBy }: FunnelToolbarProps) {
  return (
    <div className="toolbar">
      <PeriodPicker value={period} onChange={onPeriod} />
      <ProjectFilter ariaLabel="选择项目" minWidth={200} value={query.projectId} onChange={onProject} />
      <LeanSelect<string>
        allowClear
        placeholder="全部渠道"
        aria-label="按来源渠道筛选"
        style={{ minWidth: 150 }}
        value={query.channel}
        options={CHANNEL_OPTIONS}
        onChange={(channel: string | undefined) => onChannel(channel)}
      />
      {onConsultant && <ConsultantFilter value={query.consultantId} onChange={onConsultant} />}
      <Segmented<FunnelGroup> aria-label="分组方式" options={GROUP_OPTIONS} value={query.groupBy} onChange={onGroupBy} />
    </div>
  );
}
