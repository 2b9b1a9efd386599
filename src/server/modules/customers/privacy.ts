import { and, eq } from 'drizzle-orm';
import { maskMobile } from '../../../common/validators.ts';
import type { Db } from '../../db/client.ts';
import { anonymiseRegistrations, ERASED_NAME } from '../channels/for-customers.ts';
import { anonymiseComplaintContacts, complaintsForExport } from '../complaints/for-customers.ts';
import { dealIdsOfCustomer, salesForExport } from '../sales/for-customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { REDACTED, redactAudit } from '../../platform/audit/redact.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from './create.ts';
import { eraseCustomerImportRows } from './import/service.ts';
import { getCustomer } from './read.ts';
import { prospectScope } from './scope.ts';
import { customerConsents, customers, interactions, interestEvents, projectInterests } from './tables.ts';

async function requireVisible(db: Db, ctx: Ctx, id: string) {
  const [visible] = await db.select({ id: projectInterests.id }).from(projectInterests).where(and(eq(projectInterests.customerId, id), prospectScope(ctx.principal))).limit(1);
  if (!visible) throw notFound('客户');
  const [c] = await db.select().from(customers).where(eq(customers.id, id));
  return c;
}

// Reveal a masked identifier: allowed roles only, with a reason, and always audited.
export async function revealIdentifier(ctx: Ctx, id: string, field: 'mobile' | 'idNumber', reason: string) {
  const c = await requireVisible(ctx.db, ctx, id);
  if (c.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除');
  const value = field === 'mobile' ? c.mobile : c.idNumber;
  if (!value) throw new AppError('NOT_FOUND', '该客户未登记证件号');
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'reveal', entityType: 'customer', entityId: id, entityLabel: `${c.name}（${field === 'mobile' ? '手机号' : '证件号'}）：${reason}`, changes: { field: { before: null, after: field }, reason: { before: null, after: reason } } });
  return { value };
}

// Everything held on one person (their right of access), as JSON; the export is audited.
export async function exportPersonalData(ctx: Ctx, id: string) {
  const c = await requireVisible(ctx.db, ctx, id);
  const [interests, acts, events, consents, complaintsMade, sales] = await Promise.all([
    ctx.db.select().from(projectInterests).where(eq(projectInterests.customerId, id)),
    ctx.db.select().from(interactions).where(eq(interactions.customerId, id)),
    ctx.db.select().from(interestEvents).where(eq(interestEvents.customerId, id)),
    ctx.db.select().from(customerConsents).where(eq(customerConsents.customerId, id)),
    complaintsForExport(ctx.db, id),
    salesForExport(ctx.db, id),
  ]);
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'export', entityType: 'customer', entityId: id, entityLabel: `${c.name} 个人信息导出` });
  const { namePinyin: _p, nameInitials: _i, mobileTail: _t, ...profile } = c;
  return { exportedAt: ctx.now.toISOString(), customer: profile, projectInterests: interests, interactions: acts, history: events, consents, complaints: complaintsMade, deals: sales.deals, ownedUnits: sales.ownedUnits };
}

// Personal values as they may appear in audit entries (customers, complaints, registrations).
const PERSONAL_FIELDS = [
  'name', 'mobile', 'idNumber', 'ageBand', 'familyStructure', 'occupation', 'incomeBand', 'residenceArea', 'workArea', 'decisionMaker', 'competingProjects', 'tags',
  'referrerName', 'contactName', 'contactMobile', 'customerName', 'mobileFull', 'note', 'content', 'nextAction',
];

// Erase on request: personal fields are anonymised, the statistics (channel, segment, stage
// history, counts) stay, and so do the audit entries about the person — who did what and when —
// with the person's name, numbers and details taken out of them. Irreversible; audited.
export async function eraseCustomer(ctx: Ctx, id: string, reason: string) {
  await getCustomer(ctx.db, ctx.principal, id);
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(customers).where(eq(customers.id, id));
    if (c.erasedAt) throw new AppError('CUSTOMER_ERASED', '该客户的个人信息已删除');
    await tx
      .update(customers)
      .set({
        name: ERASED_NAME, namePinyin: '', nameInitials: '', mobile: `erased:${id}`, mobileTail: '', idNumber: null, ageBand: null, familyStructure: '', occupation: '',
        incomeBand: '', residenceArea: '', workArea: '', decisionMaker: '', competingProjects: '', tags: [], referrerName: '', erasedAt: ctx.now, updatedAt: ctx.now, version: c.version + 1,
      })
      .where(eq(customers.id, id));
    const acts = await tx.update(interactions).set({ content: '（内容已按客户要求删除）', nextAction: '' }).where(eq(interactions.customerId, id)).returning({ id: interactions.id });
    // Free text written about the person goes too; the stage/owner history itself stays.
    const interests = await tx.update(projectInterests).set({ lostReason: '' }).where(eq(projectInterests.customerId, id)).returning({ id: projectInterests.id });
    await tx.update(interestEvents).set({ reason: '' }).where(and(eq(interestEvents.customerId, id), eq(interestEvents.type, 'stage')));
    await eraseCustomerImportRows(tx, id);
    const complaintIds = await anonymiseComplaintContacts(tx, id, ctx.now);
    const registrationIds = await anonymiseRegistrations(tx, { id, name: c.name, mobile: c.mobile }, ctx.now);
    const redacted = await redactAudit(tx, {
      entityIds: [id, ...interests.map((i) => i.id), ...acts.map((a) => a.id), ...complaintIds, ...registrationIds, ...(await dealIdsOfCustomer(tx, id))],
      // A one-character name would take characters out of unrelated words.
      texts: [
        ...(c.name.length >= 2 ? [{ find: c.name, replaceWith: ERASED_NAME }] : []),
        { find: c.mobile, replaceWith: REDACTED },
        { find: maskMobile(c.mobile), replaceWith: REDACTED },
      ],
      fields: PERSONAL_FIELDS,
    });
    await recordAudit(tx, ctx.actor, ctx.now, {
      action: 'delete', entityType: 'customer', entityId: id, entityLabel: `客户个人信息删除：${reason}`,
      changes: { erasedAt: { before: null, after: ctx.now.toISOString() }, auditEntriesRedacted: { before: null, after: redacted } },
    });
  });
}
