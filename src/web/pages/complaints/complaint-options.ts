import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  CONTINGENCY_STATUS_LABELS,
  CONTINGENCY_STATUSES,
  GROUP_COMPLAINT_STATUS_LABELS,
  GROUP_COMPLAINT_STATUSES,
  GROUP_COMPLAINT_TYPE_LABELS,
  GROUP_COMPLAINT_TYPES,
  SEVERITIES,
  SEVERITY_LABELS,
  SPECIALTIES,
  SPECIALTY_LABELS,
} from '../../../common/complaints.ts';

// Select options built from the shared enums and their Chinese labels.
type Option<V extends string> = { value: V; label: string };

function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>): Option<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const CHANNEL_OPTIONS = optionsOf(COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS);
export const SPECIALTY_OPTIONS = optionsOf(SPECIALTIES, SPECIALTY_LABELS);
export const SEVERITY_OPTIONS = optionsOf(SEVERITIES, SEVERITY_LABELS);
// 「未关闭」 first: what people look for most.
export const STATUS_FILTER_OPTIONS: Option<string>[] = [
  { value: 'open', label: '未关闭' },
  ...optionsOf(COMPLAINT_STATUSES, COMPLAINT_STATUS_LABELS),
];
export const CONTINGENCY_STATUS_OPTIONS = optionsOf(CONTINGENCY_STATUSES, CONTINGENCY_STATUS_LABELS);
export const GROUP_TYPE_OPTIONS = optionsOf(GROUP_COMPLAINT_TYPES, GROUP_COMPLAINT_TYPE_LABELS);
export const GROUP_STATUS_OPTIONS = optionsOf(GROUP_COMPLAINT_STATUSES, GROUP_COMPLAINT_STATUS_LABELS);
