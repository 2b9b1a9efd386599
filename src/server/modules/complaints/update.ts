import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { complaintUpdate, contingencyUpdate, customerLinkBody, issueLinkBody } from '../../../common/contracts/complaints.ts';
import { CONTINGENCY_ITEM_LABELS, CONTINGENCY_STATUS_LABELS, type ContingencyItem, type ContingencyStatus } from '../../../common/complaints.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { refreshAlertsFor } from './alerts.ts';
import type { Ctx } from './create.ts';
import { requireHandler } from './handlers.ts';
import { lockComplaint, recordComplaintEvents } from './queries.ts';
import { canSeeComplaint } from './scope.ts';
import { rejudgeIssuePeers } from './severity.ts';
import { complaintStep, saveComplaint } from './step.ts';
import { complaintContingencyItems, complaintIssues } from './tables.ts';
import { customerExistsById } from '../customers/lookup.ts';
import { buildings, units } from '../org/tables.ts';

const FACT_LABELS: Record<string, string> = {
  specialty: '专业', title: '标题', description: '内容', remedyWanted: '诉求', buildingId: '楼栋', unitId: '房号', complainantCount: '投诉人数', collective: '集体投诉',
  mediaExposed: '媒体曝光', lawsuitFiled: '已起诉', lawsuitOrMediaRisk: '可能诉讼或曝光', needsOutsideSupport: '需外部支持', companyFault: '延误属我方原因',
};

// Correct or complete the facts; severity is re-judged and may rise or fall, always with an event.
export async function updateComplaint(ctx: Ctx, id: string, body: z.infer<typeof complaintUpdate>) {
  const { version, reason, ...patch } = body;
  return complaintStep(ctx, id, { version, why: reason ? `信息修改（${reason}）` : '信息修改后重新评估' }, async (tx, c) => {
    if (c.status === 'closed') throw new AppError('INVALID_TRANSITION', '已关闭的投诉不能修改，请先重新打开');
    const next = { buildingId: c.buildingId, unitId: c.unitId, ...patch };
    if (patch.unitId !== undefined || patch.buildingId !== undefined) {
      if (next.unitId) {
        const [u] = await tx.select({ buildingId: units.buildingId }).from(units).where(and(eq(units.id, next.unitId), eq(units.projectId, c.projectId)));
        if (!u) throw new AppError('VALIDATION_FAILED', '房号不属于该项目', [{ field: 'unitId', message: '房号不属于该项目' }]);
        next.buildingId = u.buildingId;
      } else if (next.buildingId) {
        const [b] = await tx.select({ id: buildings.id }).from(buildings).where(and(eq(buildings.id, next.buildingId), eq(buildings.projectId, c.projectId)));
        if (!b) throw new AppError('VALIDATION_FAILED', '楼栋不属于该项目', [{ field: 'buildingId', message: '楼栋不属于该项目' }]);
      }
    }
    const changed = Object.keys(diffChanges(c as unknown as Record<string, unknown>, { ...c, ...next } as unknown as Record<string, unknown>));
    if (!changed.length) return c;
    const saved = await saveComplaint(tx, id, next, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'updated', content: `修改了${changed.map((k) => FACT_LABELS[k] ?? k).join('、')}${reason ? `：${reason}` : ''}` }]);
    await refreshAlertsFor({ ...ctx, db: tx }, c, saved);
    return saved;
  });
}

// 问题归集: link to an existing issue of the project, start a new one, or unlink. Every other
// complaint of the old and new issue is re-judged (the same-issue count changed for them too).
export async function linkIssue(ctx: Ctx, id: string, body: z.infer<typeof issueLinkBody>) {
  return complaintStep(ctx, id, { why: '问题归集后评估' }, async (tx, c) => {
    let issueId = body.issueId;
    let title = '';
    if (body.newIssueTitle) {
      issueId = uuidv7();
      title = body.newIssueTitle;
      await tx.insert(complaintIssues).values({ id: issueId, companyId: c.companyId, projectId: c.projectId, title, createdBy: ctx.principal.userId, createdAt: ctx.now, updatedAt: ctx.now });
    } else if (issueId) {
      const [i] = await tx.select().from(complaintIssues).where(and(eq(complaintIssues.id, issueId), eq(complaintIssues.projectId, c.projectId)));
      if (!i) throw new AppError('VALIDATION_FAILED', '所选问题不属于该项目', [{ field: 'issueId', message: '所选问题不属于该项目' }]);
      title = i.title;
    }
    if (issueId === c.issueId) return c;
    const saved = await saveComplaint(tx, id, { issueId }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'linked', to: title || null, content: issueId ? `归入问题「${title}」` : '移出问题归集' }]);
    await rejudgeIssuePeers({ ...ctx, db: tx }, [c.issueId, issueId], id, `同一问题「${title || '原问题'}」的投诉人数变化`);
    await refreshAlertsFor({ ...ctx, db: tx }, c, saved);
    return saved;
  });
}

// 关联客户档案: staff confirm that a public filing's complainant is the customer whose file has the
// same mobile (the public page never links by what an anonymous caller typed). Audited as a
// change of customerId by complaintStep.
export async function linkSuggestedCustomer(ctx: Ctx, id: string, body: z.infer<typeof customerLinkBody>) {
  return complaintStep(ctx, id, { version: body.version, why: '关联客户档案' }, async (tx, c) => {
    if (c.customerId) throw new AppError('INVALID_TRANSITION', '该投诉已关联客户档案');
    if (!c.suggestedCustomerId || !(await customerExistsById(tx, c.suggestedCustomerId))) throw new AppError('INVALID_TRANSITION', '没有可关联的客户档案');
    const saved = await saveComplaint(tx, id, { customerId: c.suggestedCustomerId, suggestedCustomerId: null }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'updated', content: '确认投诉人即同手机号的客户，已关联客户档案' }]);
    return saved;
  });
}

// One item of a major complaint's contingency plan: owner, status, note. An item not worked on
// yet has no row (version 0); the first change stores it.
export async function updateContingencyItem(ctx: Ctx, complaintId: string, code: ContingencyItem, body: z.infer<typeof contingencyUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const c = await lockComplaint(tx, complaintId);
    if (!canSeeComplaint(ctx.principal, c)) throw new AppError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
    const k = complaintContingencyItems;
    const [stored] = await tx.select().from(k).where(and(eq(k.complaintId, complaintId), eq(k.item, code)));
    if (!stored && c.severity !== 'major') throw new AppError('INVALID_TRANSITION', '只有重大投诉需要应急预案');
    const item = stored ?? { id: uuidv7(), ownerId: null, status: 'todo', note: '', version: 0, item: code };
    if (item.version !== body.version) throw new AppError('VERSION_CONFLICT', '该事项已被他人修改，请刷新后重试');
    const owner = body.ownerId ? await requireHandler(tx, body.ownerId, c) : null;
    const set = { ...(body.ownerId !== undefined ? { ownerId: owner?.id ?? null } : {}), ...(body.status ? { status: body.status } : {}), ...(body.note !== undefined ? { note: body.note } : {}) };
    const [saved] = stored
      ? await tx.update(k).set({ ...set, updatedAt: ctx.now, version: item.version + 1 }).where(eq(k.id, item.id)).returning()
      : await tx.insert(k).values({ id: item.id, companyId: c.companyId, complaintId, item: code, ...set, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    const label = CONTINGENCY_ITEM_LABELS[code];
    const parts = [owner ? `负责人 ${owner.name}` : '', body.status ? CONTINGENCY_STATUS_LABELS[body.status as ContingencyStatus] : '', body.note ?? ''].filter(Boolean);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'contingency', to: label, content: `${label}：${parts.join('，')}` }]);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'update', entityType: 'complaint_contingency', entityId: item.id, entityLabel: `${c.no} ${label}`, companyId: c.companyId, changes: diffChanges({ ownerId: item.ownerId, status: item.status, note: item.note }, { ownerId: saved.ownerId, status: saved.status, note: saved.note }) });
    return { saved, ownerName: owner?.name ?? null };
  });
}
