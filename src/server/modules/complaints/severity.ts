import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { SEVERITY_LABELS, SEVERITY_REASON_LABELS, type Severity, type SeverityReason } from '../../../common/complaints.ts';
import { addShanghaiMonths } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { diffChanges, recordAudit } from '../../platform/audit/record.ts';
import { DAY } from '../../platform/clock.ts';
import { notifyUsers, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { applyEscalation, complaintLink, type StepCtx } from './escalation.ts';
import { lockComplaint, recordComplaintEvents, type ComplaintRecord } from './queries.ts';
import { classifySeverity, resolutionDueAt, sameIssueComplainantsWithinMonth, severityRank, type SeverityFacts } from './rules.ts';
import { limitsFor } from './settings.ts';
import { complaints } from './tables.ts';

// The issue's filings (contact mobile, filing time) near a moment: enough for every one-month
// window holding it (a few days' slack for month-end clamping).
const WINDOW_SLACK_MS = 3 * DAY;
export async function issueFilingsAround(db: Db, issueId: string, at: Date): Promise<Array<{ mobile: string; filedAt: Date }>> {
  return db
    .select({ mobile: complaints.contactMobile, filedAt: complaints.filedAt })
    .from(complaints)
    .where(and(
      eq(complaints.issueId, issueId),
      gte(complaints.filedAt, new Date(addShanghaiMonths(at, -1).getTime() - WINDOW_SLACK_MS)),
      lte(complaints.filedAt, new Date(addShanghaiMonths(at, 1).getTime() + WINDOW_SLACK_MS)),
    ));
}

// Different complainants (by contact mobile: one person per mobile, filed by phone or online) of
// the issue whose filings fall within one month together with this complaint's
// (`sameIssueComplainantsWithinMonth`; the scheduled job applies the same rule).
export async function sameIssueComplainants(db: Db, c: ComplaintRecord): Promise<number> {
  if (!c.issueId) return 1;
  return sameIssueComplainantsWithinMonth(await issueFilingsAround(db, c.issueId, c.filedAt), c.filedAt);
}

// The same-issue count changed for the other complaints of these issues (a complaint joined,
// left or was filed into one): re-judge each, escalate as needed, events with the reason, audit.
export async function rejudgeIssuePeers(ctx: StepCtx, issueIds: ReadonlyArray<string | null>, exceptId: string, why: string): Promise<void> {
  for (const issueId of new Set(issueIds)) {
    if (!issueId) continue;
    const peers = await ctx.db.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.issueId, issueId), ne(complaints.id, exceptId))).orderBy(complaints.id);
    for (const peer of peers) {
      const locked = await lockComplaint(ctx.db, peer.id);
      const judged = await applySeverity(ctx, locked, why, await sameIssueComplainants(ctx.db, locked));
      const raised = await applyEscalation(ctx, judged);
      if (raised.version !== locked.version) {
        await recordAudit(ctx.db, ctx.actor, ctx.now, {
          action: 'update', entityType: 'complaint', entityId: locked.id, entityLabel: `${locked.no} ${locked.title}`, companyId: locked.companyId,
          changes: diffChanges({ severity: locked.severity, escalationLevel: locked.escalationLevel }, { severity: raised.severity, escalationLevel: raised.escalationLevel }),
        });
      }
    }
  }
}

export function severityFacts(c: ComplaintRecord, sameIssue: number): SeverityFacts {
  return {
    filedAt: c.filedAt,
    resolvedAt: c.resolvedAt,
    lawsuitFiled: c.lawsuitFiled,
    mediaExposed: c.mediaExposed,
    lawsuitOrMediaRisk: c.lawsuitOrMediaRisk,
    collective: c.collective,
    complainantCount: c.complainantCount,
    sameIssueComplainants: sameIssue,
    companyFault: c.companyFault,
    reopenCount: c.reopenCount,
    needsOutsideSupport: c.needsOutsideSupport,
  };
}

const reasonText = (reasons: readonly string[]) => reasons.map((r) => SEVERITY_REASON_LABELS[r as SeverityReason]).join('；');

// Re-evaluate by the seeds' rules and save any change with an event that says why; a drop is
// recorded with the clauses that no longer hold. When a complaint becomes major the group centre
// is told at once. `why` names the trigger.
export async function applySeverity(ctx: StepCtx, c: ComplaintRecord, why: string, sameIssue?: number): Promise<ComplaintRecord> {
  const result = classifySeverity(severityFacts(c, sameIssue ?? (await sameIssueComplainants(ctx.db, c))), ctx.now);
  const before = c.severity as Severity;
  const sameReasons = result.reasons.join(',') === c.severityReasons.join(',');
  if (result.severity === before && sameReasons) return c;
  const limits = await limitsFor(ctx.db, c.companyId);
  const changedLevel = result.severity !== before;
  const [saved] = await ctx.db
    .update(complaints)
    .set({
      severity: result.severity,
      severityReasons: result.reasons,
      ...(changedLevel ? { resolutionDueAt: resolutionDueAt(result.severity, c.filedAt, limits), resolutionWarnedAt: null } : {}),
      updatedAt: ctx.now,
      version: sql`${complaints.version} + 1`,
    })
    .where(eq(complaints.id, c.id))
    .returning();
  if (!changedLevel) return saved;
  const dropped = severityRank(result.severity) < severityRank(before);
  const lost = c.severityReasons.filter((r) => !result.reasons.includes(r as SeverityReason));
  const content = dropped
    ? `${why}：不再满足「${reasonText(lost) || SEVERITY_LABELS[before]}」${result.reasons.length ? `；现依据：${reasonText(result.reasons)}` : ''}`
    : `${why}：${reasonText(result.reasons) || '不满足更高等级的条件'}`;
  await recordComplaintEvents(ctx.db, ctx.actor, ctx.now, c, [{ kind: 'severity', from: before, to: result.severity, content }]);
  if (result.severity === 'major') await onBecameMajor(ctx, saved);
  return saved;
}

// (Its contingency checklist needs no rows yet: the plan shows all eight items of a major complaint.)
async function onBecameMajor(ctx: StepCtx, c: ComplaintRecord) {
  const centre = await usersResponsibleFor(ctx.db, ['group_cr'], { companyId: c.companyId, projectId: c.projectId, level: 'group' });
  await notifyUsers(ctx.db, centre, {
    kind: 'major', companyId: c.companyId, title: `重大投诉：${c.no}`, body: `${c.title} — ${reasonText(c.severityReasons)}`, link: complaintLink(c.id),
  }, ctx.now);
}
