import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { alertListQuery, alertPage } from '../../../common/contracts/group-complaints.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { projectScopeCondition } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { buildings, projects } from '../org/tables.ts';
import { v7 as uuidv7 } from 'uuid';
import { ALERT_KIND_LABELS, SPECIALTY_LABELS, type AlertKind, type Specialty } from '../../../common/complaints.ts';
import { notifyUsers, usersResponsibleFor } from '../../platform/notify/notify.ts';
import { DAY } from '../../platform/clock.ts';
import type { StepCtx } from './escalation.ts';
import { ALERT_WINDOW_DAYS, alertTriggered } from './rules.ts';
import { complaintAlerts, complaintIssues, complaints } from './tables.ts';

export type AlertKey =
  | { kind: 'same_issue'; companyId: string; projectId: string; issueId: string }
  | { kind: 'building_specialty'; companyId: string; projectId: string; buildingId: string; specialty: string };

const keyText = (k: AlertKey) => (k.kind === 'same_issue' ? k.issueId : `${k.buildingId}:${k.specialty}`);

// The keys a complaint counts towards: its issue, and its building with its specialty.
export function alertKeysOf(c: { companyId: string; projectId: string; issueId: string | null; buildingId: string | null; specialty: string }): AlertKey[] {
  const keys: AlertKey[] = [];
  if (c.issueId) keys.push({ kind: 'same_issue', companyId: c.companyId, projectId: c.projectId, issueId: c.issueId });
  if (c.buildingId) keys.push({ kind: 'building_specialty', companyId: c.companyId, projectId: c.projectId, buildingId: c.buildingId, specialty: c.specialty });
  return keys;
}

// Early warning (投诉预警): open complaints filed in the last 30 days under one key, from three
// or more different customers (by contact mobile, as customers are one per mobile), raise an alert on the
// company's and the group centre's dashboards; below three, an open alert is cleared.
export async function refreshAlert(ctx: StepCtx, key: AlertKey): Promise<void> {
  const since = new Date(ctx.now.getTime() - ALERT_WINDOW_DAYS * DAY);
  const match = key.kind === 'same_issue' ? eq(complaints.issueId, key.issueId) : and(eq(complaints.buildingId, key.buildingId), eq(complaints.specialty, key.specialty));
  const rows = await ctx.db
    .select({ id: complaints.id, who: complaints.contactMobile })
    .from(complaints)
    .where(and(match, ne(complaints.status, 'closed'), gte(complaints.filedAt, since)));
  const people = new Set(rows.map((r) => r.who)).size;
  const [open] = await ctx.db.select().from(complaintAlerts).where(and(eq(complaintAlerts.kind, key.kind), eq(complaintAlerts.key, keyText(key)), eq(complaintAlerts.open, true)));
  if (!alertTriggered(people)) {
    if (open) await ctx.db.update(complaintAlerts).set({ open: false, clearedAt: ctx.now, updatedAt: ctx.now, version: sql`${complaintAlerts.version} + 1` }).where(eq(complaintAlerts.id, open.id));
    return;
  }
  const ids = rows.map((r) => r.id);
  if (open) {
    await ctx.db.update(complaintAlerts).set({ customerCount: people, complaintIds: ids, updatedAt: ctx.now, version: sql`${complaintAlerts.version} + 1` }).where(eq(complaintAlerts.id, open.id));
    return;
  }
  await ctx.db.insert(complaintAlerts).values({
    id: uuidv7(),
    companyId: key.companyId,
    projectId: key.projectId,
    kind: key.kind,
    key: keyText(key),
    buildingId: key.kind === 'building_specialty' ? key.buildingId : null,
    specialty: key.kind === 'building_specialty' ? key.specialty : null,
    issueId: key.kind === 'same_issue' ? key.issueId : null,
    customerCount: people,
    complaintIds: ids,
    raisedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const what = key.kind === 'same_issue' ? ALERT_KIND_LABELS.same_issue : `${ALERT_KIND_LABELS.building_specialty}（${SPECIALTY_LABELS[key.specialty as Specialty]}）`;
  const company = await usersResponsibleFor(ctx.db, ['company_cr_manager'], { ...key, level: 'company' });
  const group = await usersResponsibleFor(ctx.db, ['group_cr'], { ...key, level: 'group' });
  await notifyUsers(ctx.db, [...company, ...group], {
    kind: 'alert', companyId: key.companyId, title: `群诉预警：${what} ${people} 位客户投诉`, body: `30 天内 ${people} 位不同客户就${what}投诉且尚未关闭，请防范群诉。`, link: `/complaints/${ids[0]}`,
  }, ctx.now);
}

export async function refreshAlertsFor(ctx: StepCtx, ...complaintsTouched: Array<Parameters<typeof alertKeysOf>[0]>): Promise<void> {
  const seen = new Set<string>();
  for (const c of complaintsTouched) {
    for (const key of alertKeysOf(c)) {
      const id = `${key.kind}|${keyText(key)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      await refreshAlert(ctx, key);
    }
  }
}

// The window moves with time: re-check every open alert (the scheduled job calls this).
export async function refreshOpenAlerts(ctx: StepCtx): Promise<number> {
  const open = await ctx.db.select().from(complaintAlerts).where(eq(complaintAlerts.open, true));
  for (const a of open) {
    const key: AlertKey = a.kind === 'same_issue'
      ? { kind: 'same_issue', companyId: a.companyId, projectId: a.projectId, issueId: a.issueId ?? '' }
      : { kind: 'building_specialty', companyId: a.companyId, projectId: a.projectId, buildingId: a.buildingId ?? '', specialty: a.specialty ?? '' };
    await refreshAlert(ctx, key);
  }
  return open.length;
}


// The warnings list: the caller's scope, the chosen company or project, newest first, keyset-paged
// by (raised_at, id), with the total of the filter for the dashboard.
export async function listAlerts(db: Db, p: Principal, q: z.infer<typeof alertListQuery>): Promise<z.infer<typeof alertPage>> {
  const a = complaintAlerts;
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const filter = and(
    projectScopeCondition(p, a),
    eq(a.open, q.open === 'true'),
    q.companyId ? eq(a.companyId, q.companyId) : undefined,
    q.projectId ? eq(a.projectId, q.projectId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ a, projectName: projects.name, buildingName: buildings.name, issueTitle: complaintIssues.title })
      .from(a)
      .innerJoin(projects, eq(projects.id, a.projectId))
      .leftJoin(buildings, eq(buildings.id, a.buildingId))
      .leftJoin(complaintIssues, eq(complaintIssues.id, a.issueId))
      .where(and(filter, after ? sql`(${a.raisedAt}, ${a.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
      .orderBy(desc(a.raisedAt), desc(a.id))
      .limit(q.limit + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(a).where(filter),
  ]);
  const page = pageFrom(rows, q.limit, (r) => [r.a.raisedAt.toISOString(), r.a.id]);
  return {
    total: Number(total),
    nextCursor: page.nextCursor,
    items: page.items.map(({ a: r, projectName, buildingName, issueTitle }) => ({
      id: r.id, kind: r.kind as AlertKind, companyId: r.companyId, projectId: r.projectId, projectName, buildingName, specialty: (r.specialty as Specialty | null) ?? null,
      issueTitle, customerCount: r.customerCount, complaintIds: r.complaintIds, open: r.open, raisedAt: r.raisedAt.toISOString(), clearedAt: r.clearedAt?.toISOString() ?? null,
    })),
  };
}
