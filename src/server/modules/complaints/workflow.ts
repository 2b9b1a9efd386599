import { and, desc, eq, gte } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { assignBody, callbackBody, closeBody, noteBody, reopenBody, replyBody, transitionBody } from '../../../common/contracts/complaints.ts';
import { COMPLAINT_STATUS_LABELS, PUBLIC_STATUS_LABELS, type ComplaintStatus, type Severity } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import { can } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { refreshAlertsFor } from './alerts.ts';
import { getCaseFor } from './cases.ts';
import type { Ctx } from './create.ts';
import { complaintLink } from './escalation.ts';
import { requireHandler } from './handlers.ts';
import { recordComplaintEvents, type ComplaintRecord } from './queries.ts';
import { canMove, closureBlockers } from './rules.ts';
import { complaintStep, saveComplaint } from './step.ts';
import { complaintCallbacks } from './tables.ts';

const acknowledged = (c: ComplaintRecord, now: Date) => (c.acknowledgedAt ? {} : { acknowledgedAt: now });

// 分派/移交: the handler changes. Managers assign anything in scope; a handler hands over their
// own; an unowned complaint (filed on the public page) may be taken by anyone who handles them.
export async function assignComplaint(ctx: Ctx, id: string, body: z.infer<typeof assignBody>) {
  return complaintStep(ctx, id, { version: body.version, why: '分派后评估' }, async (tx, c) => {
    const mine = c.handlerId === ctx.principal.userId;
    const unowned = c.handlerId === null && body.handlerId === ctx.principal.userId;
    if (!mine && !unowned && !can(ctx.principal, 'complaints.manage')) throw new AppError('FORBIDDEN', '只有当前负责人或投诉管理人员可以分派该投诉');
    if (c.status === 'closed') throw new AppError('INVALID_TRANSITION', '已关闭的投诉不能分派，请先重新打开');
    const handler = await requireHandler(tx, body.handlerId, c);
    const status: ComplaintStatus = c.status === 'received' ? 'assigned' : (c.status as ComplaintStatus);
    const saved = await saveComplaint(tx, id, { handlerId: handler.id, firstResponderId: c.firstResponderId ?? handler.id, status, ...acknowledged(c, ctx.now) }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [
      { kind: 'assigned', to: handler.name, content: body.note },
      ...(status !== c.status ? [{ kind: 'status' as const, from: c.status, to: status, content: PUBLIC_STATUS_LABELS[status], public: true }] : []),
    ]);
    if (handler.id !== ctx.principal.userId) {
      await notifyUsers(tx, [handler.id], { kind: 'assignment', companyId: c.companyId, title: `新投诉分派给您：${c.no}`, body: `${c.title}${body.note ? `（${body.note}）` : ''}`, link: complaintLink(c.id) }, ctx.now);
    }
    return saved;
  });
}

// The handler moves the complaint through the eight steps.
export async function moveComplaint(ctx: Ctx, id: string, body: z.infer<typeof transitionBody>) {
  return complaintStep(ctx, id, { version: body.version, why: '进度变化后评估', handlerOnly: true }, async (tx, c) => {
    const from = c.status as ComplaintStatus;
    if (!canMove(from, body.to)) throw new AppError('INVALID_TRANSITION', `「${COMPLAINT_STATUS_LABELS[from]}」不能直接转为「${COMPLAINT_STATUS_LABELS[body.to]}」`);
    const solution = body.solution?.trim() ?? '';
    if (body.to === 'solution_proposed' && !solution) throw new AppError('VALIDATION_FAILED', '请填写处理方案', [{ field: 'solution', message: '请填写处理方案' }]);
    const saved = await saveComplaint(tx, id, {
      status: body.to,
      ...acknowledged(c, ctx.now),
      ...(solution ? { solution } : {}),
      ...(body.to === 'awaiting_callback' ? { resolvedAt: ctx.now } : from === 'awaiting_callback' ? { resolvedAt: null } : {}),
    }, ctx.now);
    // The complainant sees the step (and the solution offered); the handler's note stays internal.
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [
      { kind: 'status', from, to: body.to, content: [PUBLIC_STATUS_LABELS[body.to], solution && `方案：${solution}`].filter(Boolean).join('；'), public: true },
      ...(body.note ? [{ kind: 'note' as const, content: body.note }] : []),
    ]);
    return saved;
  });
}

// An answer to the complainant, shown on their status page; the first one acknowledges.
export async function replyToComplainant(ctx: Ctx, id: string, body: z.infer<typeof replyBody>) {
  return complaintStep(ctx, id, { why: '答复后评估' }, async (tx, c) => {
    const saved = body.public && !c.acknowledgedAt ? await saveComplaint(tx, id, { acknowledgedAt: ctx.now }, ctx.now) : c;
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: body.public ? 'reply' : 'note', content: body.content, public: body.public }]);
    return saved;
  });
}

export async function addComplaintNote(ctx: Ctx, id: string, body: z.infer<typeof noteBody>) {
  return complaintStep(ctx, id, { why: '备注后评估' }, async (tx, c) => {
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'note', content: body.content }]);
    return c;
  });
}

// 回访: satisfaction and whether the problem is solved. Not solved sends it back to work.
export async function recordCallback(ctx: Ctx, id: string, body: z.infer<typeof callbackBody>) {
  return complaintStep(ctx, id, { why: '回访后评估' }, async (tx, c) => {
    if (c.status !== 'awaiting_callback') throw new AppError('INVALID_TRANSITION', '只有「待回访」的投诉可以登记回访');
    await tx.insert(complaintCallbacks).values({ id: uuidv7(), companyId: c.companyId, complaintId: c.id, ...body, byUserId: ctx.principal.userId, at: ctx.now });
    const verdict = `满意度 ${body.satisfaction} 分，问题${body.solved ? '已解决' : '未解决'}${body.content ? `：${body.content}` : ''}`;
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'callback', content: verdict }]);
    if (body.solved) return c;
    const saved = await saveComplaint(tx, id, { status: 'in_progress', resolvedAt: null }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'status', from: c.status, to: 'in_progress', content: '回访未解决，继续处理', public: true }]);
    return saved;
  });
}

async function hasCallbackSince(tx: Db, complaintId: string, since: Date | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: complaintCallbacks.id })
    .from(complaintCallbacks)
    .where(and(eq(complaintCallbacks.complaintId, complaintId), since ? gte(complaintCallbacks.at, since) : undefined))
    .orderBy(desc(complaintCallbacks.at))
    .limit(1);
  return Boolean(row);
}

// Closure (封闭) needs a call-back after the last resolution, and a case for a major complaint.
export async function closeComplaint(ctx: Ctx, id: string, body: z.infer<typeof closeBody>) {
  return complaintStep(ctx, id, { version: body.version, why: '关闭前评估', handlerOnly: true }, async (tx, c) => {
    const blockers = closureBlockers({
      status: c.status as ComplaintStatus, severity: c.severity as Severity, hasCallback: await hasCallbackSince(tx, c.id, c.resolvedAt), hasCase: Boolean(await getCaseFor(tx, c.id)),
    });
    if (blockers.includes('not_awaiting_callback')) throw new AppError('INVALID_TRANSITION', `「${COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus]}」的投诉不能关闭，请先处理完毕并回访`);
    if (blockers.includes('no_callback')) throw new AppError('CALLBACK_REQUIRED', '关闭前须完成回访（满意度与是否解决）');
    if (blockers.includes('no_case')) throw new AppError('CASE_REQUIRED', '重大投诉关闭前须编写案例（背景、原因、处理过程、经验教训）');
    const saved = await saveComplaint(tx, id, { status: 'closed', closedAt: ctx.now }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [
      { kind: 'status', from: c.status, to: 'closed', content: PUBLIC_STATUS_LABELS.closed, public: true },
      ...(body.note ? [{ kind: 'note' as const, content: body.note }] : []),
    ]);
    await refreshAlertsFor({ ...ctx, db: tx }, saved);
    return saved;
  });
}

// 二次投诉: a closed complaint comes back; it is at least important from now on.
export async function reopenComplaint(ctx: Ctx, id: string, body: z.infer<typeof reopenBody>) {
  return complaintStep(ctx, id, { version: body.version, why: '重新打开后评估' }, async (tx, c) => {
    if (c.status !== 'closed') throw new AppError('INVALID_TRANSITION', '只有已关闭的投诉可以重新打开');
    const saved = await saveComplaint(tx, id, { status: 'investigating', reopenCount: c.reopenCount + 1, resolvedAt: null, closedAt: null }, ctx.now);
    await recordComplaintEvents(tx, ctx.actor, ctx.now, c, [{ kind: 'reopened', from: 'closed', to: 'investigating', content: body.reason, public: true }]);
    if (saved.handlerId && saved.handlerId !== ctx.principal.userId) {
      await notifyUsers(tx, [saved.handlerId], { kind: 'reopened', companyId: c.companyId, title: `投诉重新打开：${c.no}`, body: body.reason, link: complaintLink(c.id) }, ctx.now);
    }
    await refreshAlertsFor({ ...ctx, db: tx }, saved);
    return saved;
  });
}
