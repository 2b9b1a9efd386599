// Sales enumerations (DOMAIN.md "Sales side"; issue 5): deals on units, with Chinese labels.
import type { UnitStatus } from './contracts/org.ts';
import type { Stage } from './customers.ts';

// A deal moves forward through these stages; cancellation (退订/退房) ends it and frees the unit.
export const DEAL_STAGES = ['pledge', 'subscription', 'contract'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const DEAL_STAGE_LABELS: Record<DealStage, string> = { pledge: '认筹', subscription: '认购', contract: '签约' };

export const DEAL_STATUSES = ['active', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const DEAL_STATUS_LABELS: Record<DealStatus, string> = { active: '有效', cancelled: '已退' };

// What a deal at each stage makes of its unit and of the customer's project interest.
export const UNIT_STATUS_FOR_STAGE: Record<DealStage, UnitStatus> = { pledge: 'reserved', subscription: 'subscribed', contract: 'contracted' };
export const INTEREST_STAGE_FOR_DEAL: Record<DealStage, Stage> = { pledge: 'intending', subscription: 'subscribed', contract: 'contracted' };

// Cancelling before the contract is 退订; after it, 退房.
export function cancellationLabel(stage: DealStage): string {
  return stage === 'contract' ? '退房' : '退订';
}
