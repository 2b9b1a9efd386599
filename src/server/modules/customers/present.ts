import type { Customer, Interest, Prospect } from '../../../common/contracts/customers.ts';
import type { Grade, SourceChannel, Stage } from '../../../common/customers.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { iso } from '../../platform/http/types.ts';
import { maskIdNumber } from './rules.ts';
import type { customers, projectInterests } from './tables.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type InterestRow = typeof projectInterests.$inferSelect & { projectName: string; ownerName: string | null };

export function toInterest(r: InterestRow): Interest {
  return {
    id: r.id,
    customerId: r.customerId,
    project: { id: r.projectId, name: r.projectName },
    companyId: r.companyId,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    channel: r.channel as SourceChannel,
    stage: r.stage as Stage,
    lostReason: r.lostReason,
    grade: r.grade as Grade,
    inPool: r.inPool,
    poolReason: r.poolReason,
    lastContactAt: iso(r.lastContactAt),
    nextFollowUpAt: iso(r.nextFollowUpAt),
    assignedAt: iso(r.assignedAt),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

// Personal data is shown in full only to the owner of one of the customer's prospects; everyone
// else sees it masked and may reveal it (if allowed) through an audited action.
export function mobileFor(p: Principal, mobile: string, ownerIds: (string | null)[]): { mobile: string; mobileMasked: boolean } {
  const full = ownerIds.includes(p.userId);
  return { mobile: full ? mobile : maskMobile(mobile), mobileMasked: !full };
}

// A name shown to someone outside every project the customer is registered in: the surname only.
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : '';
}

export function toProspect(p: Principal, r: InterestRow, c: Pick<CustomerRow, 'id' | 'name' | 'mobile' | 'tags' | 'sourceChannel' | 'buyerType' | 'familySegment' | 'erasedAt'>): Prospect {
  return {
    ...toInterest(r),
    customer: {
      id: c.id,
      name: c.name,
      ...(c.erasedAt ? { mobile: '已删除', mobileMasked: true } : mobileFor(p, c.mobile, [r.ownerId])),
      tags: c.tags,
      sourceChannel: c.sourceChannel as SourceChannel,
      buyerType: c.buyerType as Prospect['customer']['buyerType'],
      familySegment: c.familySegment as Prospect['customer']['familySegment'],
    },
  };
}

export function toCustomer(p: Principal, c: CustomerRow, interests: InterestRow[], consents: Customer['consents']): Customer {
  const owners = interests.map((i) => i.ownerId);
  const visible = c.erasedAt ? { mobile: '已删除', mobileMasked: true } : mobileFor(p, c.mobile, owners);
  return {
    id: c.id,
    name: c.name,
    gender: c.gender as Customer['gender'],
    ageBand: c.ageBand as Customer['ageBand'],
    ...visible,
    idNumber: c.idNumber ? (visible.mobileMasked ? maskIdNumber(c.idNumber) : c.idNumber) : null,
    familyStructure: c.familyStructure,
    occupation: c.occupation,
    incomeBand: c.incomeBand,
    residenceArea: c.residenceArea,
    workArea: c.workArea,
    needLayout: c.needLayout,
    needAreaMin: c.needAreaMin,
    needAreaMax: c.needAreaMax,
    budgetMin: c.budgetMin,
    budgetMax: c.budgetMax,
    purpose: c.purpose as Customer['purpose'],
    focusFactors: c.focusFactors,
    paymentMethod: c.paymentMethod as Customer['paymentMethod'],
    fundsReady: c.fundsReady,
    decisionMaker: c.decisionMaker,
    decisionCycle: c.decisionCycle,
    competingProjects: c.competingProjects,
    sourceChannel: c.sourceChannel as SourceChannel,
    tags: c.tags,
    buyerType: c.buyerType as Customer['buyerType'],
    familySegment: c.familySegment as Customer['familySegment'],
    referrerName: c.referrerName,
    erased: c.erasedAt !== null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    interests: interests.map(toInterest),
    consents,
  };
}
