import { eq } from 'drizzle-orm';
import type { Deal } from '../../../common/contracts/sales.ts';
import type { PaymentMethod } from '../../../common/customers.ts';
import type { DealStage, DealStatus } from '../../../common/sales.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { iso } from '../../platform/http/types.ts';
import { customers, projectInterests } from '../customers/tables.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import { deals } from './tables.ts';

export const dealColumns = {
  d: deals,
  projectName: projects.name,
  buildingName: buildings.name,
  unit: { id: units.id, number: units.number, layout: units.layout, area: units.area, listPrice: units.listPrice },
  customerName: customers.name,
  customerMobile: customers.mobile,
  consultantName: users.displayName,
  interestOwnerId: projectInterests.ownerId,
};

// Deals with the names people read; the interest is joined so the prospect scope applies.
export function selectDeals(db: Db) {
  return db
    .select(dealColumns)
    .from(deals)
    .innerJoin(projects, eq(projects.id, deals.projectId))
    .innerJoin(buildings, eq(buildings.id, deals.buildingId))
    .innerJoin(units, eq(units.id, deals.unitId))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .innerJoin(projectInterests, eq(projectInterests.id, deals.interestId))
    .leftJoin(users, eq(users.id, deals.consultantId));
}
export type DealRow = Awaited<ReturnType<ReturnType<typeof selectDeals>['execute']>>[number];

// The mobile in full only for the prospect's own consultant (as in the customer module).
export function toDeal(r: DealRow, p: Principal): Deal {
  const d = r.d;
  return {
    id: d.id, companyId: d.companyId, projectId: d.projectId, projectName: r.projectName, buildingName: r.buildingName, unit: r.unit,
    customer: { id: d.customerId, name: r.customerName, mobile: r.interestOwnerId === p.userId ? r.customerMobile : maskMobile(r.customerMobile) },
    interestId: d.interestId, consultant: d.consultantId ? { id: d.consultantId, name: r.consultantName ?? '' } : null,
    stage: d.stage as DealStage, status: d.status as DealStatus, pledgeAmount: d.pledgeAmount, deposit: d.deposit, paymentMethod: (d.paymentMethod as PaymentMethod | null) ?? null,
    contractDueDate: d.contractDueDate, price: d.price, signedOn: d.signedOn, pledgedAt: iso(d.pledgedAt), subscribedAt: iso(d.subscribedAt), contractedAt: iso(d.contractedAt),
    cancelledAt: iso(d.cancelledAt), cancelReason: d.cancelReason, version: d.version, createdAt: d.createdAt.toISOString(),
  };
}
