import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  BUYER_TYPE_LABELS,
  BUYER_TYPES,
  CONSENT_CHANNEL_LABELS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  FAMILY_SEGMENT_LABELS,
  FAMILY_SEGMENTS,
  GENDER_LABELS,
  GENDERS,
  GRADE_LABELS,
  GRADES,
  INTERACTION_TYPE_LABELS,
  INTERACTION_TYPES,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  PURPOSE_LABELS,
  PURPOSES,
  REACTION_LABELS,
  REACTIONS,
  SOURCE_CHANNEL_LABELS,
  SOURCE_CHANNELS,
  STAGE_LABELS,
  STAGES,
} from '../../../common/customers.ts';

// Select/radio options built from the shared enums and their Chinese labels.
function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const STAGE_OPTIONS = optionsOf(STAGES, STAGE_LABELS);
export const NEW_STAGE_OPTIONS = optionsOf(['potential', 'intending'] as const, STAGE_LABELS);
export const GRADE_OPTIONS = optionsOf(GRADES, GRADE_LABELS);
export const GRADE_SHORT_OPTIONS = GRADES.map((value) => ({ value, label: `${value} 级` }));
export const GENDER_OPTIONS = optionsOf(GENDERS, GENDER_LABELS);
export const AGE_BAND_OPTIONS = optionsOf(AGE_BANDS, AGE_BAND_LABELS);
export const SOURCE_CHANNEL_OPTIONS = optionsOf(SOURCE_CHANNELS, SOURCE_CHANNEL_LABELS);
export const BUYER_TYPE_OPTIONS = optionsOf(BUYER_TYPES, BUYER_TYPE_LABELS);
export const FAMILY_SEGMENT_OPTIONS = optionsOf(FAMILY_SEGMENTS, FAMILY_SEGMENT_LABELS);
export const PURPOSE_OPTIONS = optionsOf(PURPOSES, PURPOSE_LABELS);
export const PAYMENT_METHOD_OPTIONS = optionsOf(PAYMENT_METHODS, PAYMENT_METHOD_LABELS);
export const INTERACTION_TYPE_OPTIONS = optionsOf(INTERACTION_TYPES, INTERACTION_TYPE_LABELS);
export const REACTION_OPTIONS = optionsOf(REACTIONS, REACTION_LABELS);
export const CONSENT_PURPOSE_OPTIONS = optionsOf(CONSENT_PURPOSES, CONSENT_PURPOSE_LABELS);
export const CONSENT_CHANNEL_OPTIONS = optionsOf(CONSENT_CHANNELS, CONSENT_CHANNEL_LABELS);

export const SORT_OPTIONS = [
  { value: 'nextFollowUp', label: '按下次跟进（最早到期在前）' },
  { value: '-createdAt', label: '按登记时间（最新在前）' },
];

/** A stored code shown by its label when it is one (timeline from/to values), else as is. */
export function stageLabel(value: string | null | undefined): string {
  if (!value) return '—';
  return (STAGE_LABELS as Record<string, string>)[value] ?? value;
}
