import { eq, sql } from 'drizzle-orm';
import { ESCALATION_LEVEL_LABELS, SEVERITY_LABELS, type ComplaintStatus, type EscalationLevel, type Severity } from '../../../common/complaints.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { notifyUsers, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { recordComplaintEvents, type ComplaintRecord } from './queries.ts';
import { ESCALATION_REASON_LABELS, levelRank, requiredEscalation, type EscalationFacts, type EscalationReason } from './rules.ts';
import { complaints } from './tables.ts';

export type StepCtx = { db: Db; now: Date; actor: Actor };

export const LEVEL_ROLES = { company: ['company_cr_manager'], group: ['group_cr'] } as const;

export function escalationFacts(c: Pick<ComplaintRecord, 'severity' | 'status' | 'ackDueAt' | 'acknowledgedAt' | 'resolutionDueAt' | 'resolvedAt' | 'filedAt'>): EscalationFacts {
  const { ackDueAt, acknowledgedAt, resolutionDueAt, resolvedAt, filedAt } = c;
  return { severity: c.severity as Severity, status: c.status as ComplaintStatus, ackDueAt, acknowledgedAt, resolutionDueAt, resolvedAt, filedAt };
}

export function complaintLink(id: string) {
  return `/complaints/${id}`;
}

// Everyone from the level after the current one up to the new one hears of it.
// (A major complaint's group centre was already told when it became major.)
export function levelsToTell(current: EscalationLevel, level: EscalationLevel, reason: EscalationReason): Array<'company' | 'group'> {
  const reached = level === 'group' && current === 'project' ? (['company', 'group'] as const) : level === 'project' ? [] : [level];
  return reached.filter((l) => !(l === 'group' && reason === 'major'));
}

export function escalationNotice(c: { no: string; title: string; severity: string; companyId: string; id: string }, level: EscalationLevel, reason: EscalationReason) {
  return {
    kind: 'escalation',
    companyId: c.companyId,
    title: `投诉升级至${ESCALATION_LEVEL_LABELS[level]}：${c.no}`,
    body: `${c.title}（${SEVERITY_LABELS[c.severity as Severity]}）— ${ESCALATION_REASON_LABELS[reason]}`,
    link: complaintLink(c.id),
  };
}

// Raise a complaint to the level its severity and clocks require (project → company → group),
// never lower, and tell the people of each level it reaches. Returns the row as saved.
export async function applyEscalation(ctx: StepCtx, c: ComplaintRecord): Promise<ComplaintRecord> {
  const need = requiredEscalation(escalationFacts(c), ctx.now);
  const current = c.escalationLevel as EscalationLevel;
  if (!need.reason || levelRank(need.level) <= levelRank(current)) return c;
  const why = ESCALATION_REASON_LABELS[need.reason];
  const [saved] = await ctx.db
    .update(complaints)
    .set({ escalationLevel: need.level, updatedAt: ctx.now, version: sql`${complaints.version} + 1` })
    .where(eq(complaints.id, c.id))
    .returning();
  await recordComplaintEvents(ctx.db, ctx.actor, ctx.now, c, [{ kind: 'escalated', from: current, to: need.level, content: why }]);
  const reached = levelsToTell(current, need.level, need.reason);
  for (const level of reached) {
    const to = await usersResponsibleFor(ctx.db, LEVEL_ROLES[level], { companyId: c.companyId, projectId: c.projectId, level });
    await notifyUsers(ctx.db, to, escalationNotice(c, need.level, need.reason), ctx.now);
  }
  return saved;
}
