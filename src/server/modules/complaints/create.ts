import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { attachmentInput, complaintCreate } from '../../../common/contracts/complaints.ts';
import type { publicComplaintCreate } from '../../../common/contracts/public-complaints.ts';
import type { ComplaintChannel, ComplaintSource } from '../../../common/complaints.ts';
import { maskMobile } from '../../../common/validators.ts';
import { SHANGHAI_OFFSET_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { notifyUsers, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { customerExistsById, findCustomerByMobile, findOrCreateCustomer } from '../customers/lookup.ts';
import { buildings, units } from '../org/tables.ts';
import { refreshAlertsFor } from './alerts.ts';
import { checkImage } from './attachments.ts';
import { applyEscalation, complaintLink, type StepCtx } from './escalation.ts';
import { recordComplaintEvents, type ComplaintRecord } from './queries.ts';
import { ackDueAt, channelFacts, resolutionDueAt } from './rules.ts';
import { applySeverity, rejudgeIssuePeers } from './severity.ts';
import { limitsFor } from './settings.ts';
import { complaintAttachments, complaintIssues, complaintNoSeq, complaints } from './tables.ts';

export type Ctx = StepCtx & { principal: Principal };

// 32 letters and digits without 0/O and 1/I: 16 of them are 80 random bits, read aloud easily.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

async function nextNumber(db: Db, now: Date): Promise<string> {
  const [row] = await db.select({ n: sql<string>`nextval(${sql.raw(`'${complaintNoSeq.seqName}'`)})` }).from(sql`(SELECT 1) AS one`);
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  return `TS${d}${String(row.n).padStart(5, '0')}`;
}

// Building and unit must belong to the project (and the unit to the building).
async function checkPlace(db: Db, projectId: string, buildingId: string | null, unitId: string | null) {
  if (buildingId) {
    const [b] = await db.select({ id: buildings.id }).from(buildings).where(and(eq(buildings.id, buildingId), eq(buildings.projectId, projectId)));
    if (!b) throw new AppError('VALIDATION_FAILED', '楼栋不属于该项目', [{ field: 'buildingId', message: '楼栋不属于该项目' }]);
  }
  if (unitId) {
    const [u] = await db.select({ buildingId: units.buildingId }).from(units).where(and(eq(units.id, unitId), eq(units.projectId, projectId)));
    if (!u || (buildingId && u.buildingId !== buildingId)) throw new AppError('VALIDATION_FAILED', '房号不属于所选楼栋', [{ field: 'unitId', message: '房号不属于所选楼栋' }]);
    return u.buildingId;
  }
  return buildingId;
}

type NewComplaint = {
  project: { id: string; companyId: string };
  source: ComplaintSource;
  channel: ComplaintChannel;
  buildingId: string | null;
  unitId: string | null;
  customerId: string | null;
  suggestedCustomerId?: string | null;
  responderId: string | null;
  issueId: string | null;
  fields: Pick<z.infer<typeof complaintCreate>, 'specialty' | 'title' | 'description' | 'remedyWanted' | 'contactName' | 'contactMobile' | 'complainantCount' | 'collective' | 'mediaExposed' | 'lawsuitFiled' | 'lawsuitOrMediaRisk' | 'needsOutsideSupport'>;
  attachments: Array<z.infer<typeof attachmentInput>>;
};

const FACT_KEYS = [
  'specialty', 'title', 'description', 'remedyWanted', 'contactName', 'contactMobile', 'complainantCount', 'collective', 'mediaExposed', 'lawsuitFiled', 'lawsuitOrMediaRisk', 'needsOutsideSupport',
] as const;
// Only the facts: the inputs also carry ids that insertComplaint decides itself.
function pickFacts(f: NewComplaint['fields']): NewComplaint['fields'] {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, f[k]])) as NewComplaint['fields'];
}

// The one way a complaint comes into being, for staff and the public page alike: numbered, its
// clocks started, its severity and escalation judged, its early-warning keys re-checked, audited.
async function insertComplaint(ctx: StepCtx, n: NewComplaint): Promise<ComplaintRecord> {
  const files = n.attachments.map((a, i) => ({ ...a, bytes: checkImage(a, `attachments.${i}`) }));
  const limits = await limitsFor(ctx.db, n.project.companyId);
  const [row] = await ctx.db
    .insert(complaints)
    .values({
      id: uuidv7(),
      companyId: n.project.companyId,
      projectId: n.project.id,
      buildingId: n.buildingId,
      unitId: n.unitId,
      customerId: n.customerId,
      suggestedCustomerId: n.suggestedCustomerId ?? null,
      no: await nextNumber(ctx.db, ctx.now),
      trackingCode: newTrackingCode(),
      source: n.source,
      channel: n.channel,
      ...pickFacts(n.fields),
      issueId: n.issueId,
      severity: 'general',
      status: 'received',
      firstResponderId: n.responderId,
      handlerId: n.responderId,
      filedAt: ctx.now,
      ackDueAt: ackDueAt(n.channel, ctx.now),
      resolutionDueAt: resolutionDueAt('general', ctx.now, limits),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (files.length) {
    await ctx.db.insert(complaintAttachments).values(
      files.map((f) => ({ id: uuidv7(), companyId: row.companyId, complaintId: row.id, fileName: f.fileName, contentType: f.contentType, size: f.bytes.length, data: f.bytes, createdAt: ctx.now })),
    );
  }
  await recordComplaintEvents(ctx.db, ctx.actor, ctx.now, row, [{ kind: 'created', to: 'received', content: '投诉已登记，编号 ' + row.no, public: true }]);
  let saved = await applySeverity(ctx, row, '登记时评估');
  saved = await applyEscalation(ctx, saved);
  // Filed straight into an issue: the same-issue count changed for the issue's other complaints.
  if (row.issueId) await rejudgeIssuePeers(ctx, [row.issueId], row.id, `同一问题新增投诉 ${row.no}，投诉人数变化`);
  await refreshAlertsFor(ctx, saved);
  await recordAudit(ctx.db, ctx.actor, ctx.now, {
    action: 'create', entityType: 'complaint', entityId: row.id, entityLabel: `${row.no} ${row.title}`, companyId: row.companyId,
    changes: { title: { before: null, after: row.title }, channel: { before: null, after: row.channel }, contactMobile: { before: null, after: maskMobile(row.contactMobile) }, severity: { before: null, after: saved.severity } },
  });
  return saved;
}

async function checkIssue(db: Db, issueId: string | null, projectId: string) {
  if (!issueId) return;
  const [i] = await db.select({ id: complaintIssues.id }).from(complaintIssues).where(and(eq(complaintIssues.id, issueId), eq(complaintIssues.projectId, projectId)));
  if (!i) throw new AppError('VALIDATION_FAILED', '所选问题不属于该项目', [{ field: 'issueId', message: '所选问题不属于该项目' }]);
}

// Staff record a complaint from any channel; they are its first responder (首问责任人) and own it
// until they hand it over. The complainant is linked to their customer file by mobile (判重), or
// a new file is made with the name and mobile.
export async function createComplaint(ctx: Ctx, project: { id: string; companyId: string }, input: z.infer<typeof complaintCreate>): Promise<ComplaintRecord> {
  return ctx.db.transaction(async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const buildingId = await checkPlace(tx, project.id, input.buildingId, input.unitId);
    await checkIssue(tx, input.issueId, project.id);
    let customerId = input.customerId;
    if (customerId && !(await customerExistsById(tx, customerId))) throw new AppError('VALIDATION_FAILED', '客户不存在', [{ field: 'customerId', message: '客户不存在' }]);
    customerId ??= (await findOrCreateCustomer(tx, { name: input.contactName, mobile: input.contactMobile, sourceChannel: 'other', createdBy: ctx.principal.userId }, ctx.now)).id;
    return insertComplaint(c, {
      project, source: 'staff', channel: input.channel, buildingId, unitId: input.unitId, customerId, responderId: ctx.principal.userId, issueId: input.issueId,
      fields: { ...input, lawsuitFiled: input.lawsuitFiled ?? channelFacts(input.channel).lawsuitFiled, mediaExposed: input.mediaExposed ?? channelFacts(input.channel).mediaExposed },
      attachments: input.attachments,
    });
  });
}

// An owner files on the public page: channel web (24-hour answer), no first responder yet. Anyone
// can type anyone's mobile, so the complaint is linked to no customer file: an existing file with
// that mobile is only kept as a suggestion that staff confirm (linkCustomer); nothing is created
// from anonymous input. The project's customer-relations managers are told in the same transaction.
export async function createPublicComplaint(ctx: StepCtx, project: { id: string; companyId: string }, input: z.infer<typeof publicComplaintCreate>): Promise<ComplaintRecord> {
  return ctx.db.transaction(async (tx) => {
    const c: StepCtx = { ...ctx, db: tx };
    const buildingId = await checkPlace(tx, project.id, input.buildingId, input.unitId);
    const customer = await findCustomerByMobile(tx, input.contactMobile);
    const title = input.title || (input.description.length > 30 ? `${input.description.slice(0, 30)}…` : input.description);
    const saved = await insertComplaint(c, {
      project, source: 'public', channel: 'web', buildingId, unitId: input.unitId, customerId: null, suggestedCustomerId: customer?.id ?? null, responderId: null, issueId: null,
      fields: {
        ...input, title, complainantCount: 1, collective: false, mediaExposed: false, lawsuitFiled: false, lawsuitOrMediaRisk: false, needsOutsideSupport: false,
      },
      attachments: input.photos,
    });
    const staff = await usersResponsibleFor(tx, ['company_cr_manager'], { companyId: saved.companyId, projectId: saved.projectId, level: 'project' });
    await notifyUsers(tx, staff, { kind: 'public', companyId: saved.companyId, title: `业主网上投诉待受理：${saved.no}`, body: `${saved.title}（24 小时内须答复）`, link: complaintLink(saved.id) }, ctx.now);
    return saved;
  });
}
