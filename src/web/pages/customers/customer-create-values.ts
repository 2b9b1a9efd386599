import type { Customer } from '../../../common/contracts/customers.ts';
import type { Grade, SourceChannel } from '../../../common/customers.ts';
import type { FieldError } from '../../data/client.ts';
import type { CustomerCreateBody } from '../../data/hooks/customers.ts';
import type { ProfileFormValues } from './customer-fields.tsx';

// The 「新增客户」 form's values and their mapping to and from the API body.
export type ConsentPurpose = Customer['consents'][number]['purpose'];
export type ConsentChannel = Customer['consents'][number]['channel'];

export type CreateValues = ProfileFormValues & {
  projectId?: string;
  ownerId?: string;
  grade: Grade;
  stage: 'potential' | 'intending';
  referrerName?: string;
  consentPurposes?: ConsentPurpose[];
  consentChannel?: ConsentChannel;
};

// Which collapsible section holds a field, so a section with an error opens by itself.
export const SECTION_OF: Partial<Record<keyof CreateValues, string>> = {
  tags: 'classify',
  buyerType: 'classify',
  familySegment: 'classify',
  needLayout: 'need',
  needAreaMin: 'need',
  needAreaMax: 'need',
  budgetMin: 'need',
  budgetMax: 'need',
  purpose: 'need',
  paymentMethod: 'need',
  idNumber: 'more',
  referrerName: 'more',
  consentPurposes: 'consent',
  consentChannel: 'consent',
};

// The API nests consent ({ consent: { purposes, channel } }); the form keeps it flat.
export function flattenConsentErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    const field = error.field.replace(/^body\./, '');
    if (field === 'consent' || field.startsWith('consent.purposes')) return { ...error, field: 'consentPurposes' };
    if (field.startsWith('consent.channel')) return { ...error, field: 'consentChannel' };
    return error;
  });
}

export function toBody(v: CreateValues): CustomerCreateBody {
  const trimmed = (value: string | undefined) => value?.trim() ?? '';
  return {
    name: v.name.trim(),
    mobile: trimmed(v.mobile),
    gender: v.gender,
    projectId: v.projectId ?? '',
    ownerId: v.ownerId || undefined,
    sourceChannel: v.sourceChannel as SourceChannel,
    grade: v.grade,
    stage: v.stage,
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    buyerType: v.buyerType ?? null,
    familySegment: v.familySegment ?? null,
    needLayout: trimmed(v.needLayout),
    needAreaMin: v.needAreaMin ?? null,
    needAreaMax: v.needAreaMax ?? null,
    budgetMin: v.budgetMin ?? null,
    budgetMax: v.budgetMax ?? null,
    purpose: v.purpose ?? null,
    paymentMethod: v.paymentMethod ?? null,
    idNumber: trimmed(v.idNumber ?? undefined).toUpperCase() || null,
    referrerName: trimmed(v.referrerName),
    consent:
      v.consentPurposes && v.consentPurposes.length > 0 && v.consentChannel
        ? { purposes: v.consentPurposes, channel: v.consentChannel }
        : undefined,
  };
}

