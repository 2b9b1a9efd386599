import {
  AGENCY_STATUS_LABELS,
  AGENCY_STATUSES,
  APPEAL_STATUS_LABELS,
  APPEAL_STATUSES,
  COMMISSION_RULE_LABELS,
  COMMISSION_RULES,
  MOBILE_MODE_LABELS,
  MOBILE_MODES,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
} from '../../../common/channels.ts';

// Select and radio options built from the shared enums and their Chinese labels.
type Option<V extends string> = { value: V; label: string };

function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>): Option<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const REGISTRATION_STATUS_OPTIONS = optionsOf(REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS);
export const APPEAL_STATUS_OPTIONS = optionsOf(APPEAL_STATUSES, APPEAL_STATUS_LABELS);
export const MOBILE_MODE_OPTIONS = optionsOf(MOBILE_MODES, MOBILE_MODE_LABELS);
export const COMMISSION_RULE_OPTIONS = optionsOf(COMMISSION_RULES, COMMISSION_RULE_LABELS);
export const AGENCY_STATUS_OPTIONS = optionsOf(AGENCY_STATUSES, AGENCY_STATUS_LABELS);
