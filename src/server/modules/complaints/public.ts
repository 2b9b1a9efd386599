import { and, asc, eq } from 'drizzle-orm';
import type { PublicStatus } from '../../../common/contracts/public-complaints.ts';
import { COMPLAINT_EVENT_KIND_LABELS, PUBLIC_STATUS_LABELS, type ComplaintEventKind, type ComplaintStatus } from '../../../common/complaints.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { iso } from '../../platform/http/types.ts';
import { buildings, projects, units } from '../org/tables.ts';
import { complaintEvents, complaints } from './tables.ts';

// What the public page may know: project and building names, unit numbers. Nothing personal.
export async function publicProjects(db: Db) {
  const rows = await db
    .select({ id: projects.id, name: projects.name, city: projects.city, buildingId: buildings.id, buildingName: buildings.name })
    .from(projects)
    .leftJoin(buildings, eq(buildings.projectId, projects.id))
    .orderBy(asc(projects.city), asc(projects.name), asc(buildings.name));
  const byProject = new Map<string, { id: string; name: string; city: string; buildings: Array<{ id: string; name: string }> }>();
  for (const r of rows) {
    const p = byProject.get(r.id) ?? { id: r.id, name: r.name, city: r.city, buildings: [] };
    if (r.buildingId && r.buildingName) p.buildings.push({ id: r.buildingId, name: r.buildingName });
    byProject.set(r.id, p);
  }
  return { items: [...byProject.values()] };
}

export async function publicUnits(db: Db, buildingId: string) {
  const rows = await db.select({ id: units.id, number: units.number }).from(units).where(eq(units.buildingId, buildingId)).orderBy(asc(units.floor), asc(units.number));
  return { items: rows };
}

export async function publicProject(db: Db, projectId: string) {
  const [p] = await db.select({ id: projects.id, companyId: projects.companyId }).from(projects).where(eq(projects.id, projectId));
  if (!p) throw new AppError('VALIDATION_FAILED', '请选择项目', [{ field: 'projectId', message: '项目不存在，请重新选择' }]);
  return p;
}

// The complainant's view by tracking code: status and the updates meant for them (replies and
// progress), never internal notes, handlers' names or anyone else's data. An unknown code and a
// wrong one look the same.
export async function publicStatus(db: Db, code: string): Promise<PublicStatus> {
  const [c] = await db
    .select({ id: complaints.id, no: complaints.no, title: complaints.title, status: complaints.status, contactMobile: complaints.contactMobile, filedAt: complaints.filedAt, closedAt: complaints.closedAt, projectName: projects.name })
    .from(complaints)
    .innerJoin(projects, eq(projects.id, complaints.projectId))
    .where(eq(complaints.trackingCode, code));
  if (!c) throw new AppError('COMPLAINT_NOT_FOUND', '未找到该查询码对应的投诉，请核对后重试');
  const events = await db
    .select({ at: complaintEvents.at, kind: complaintEvents.kind, toValue: complaintEvents.toValue, content: complaintEvents.content })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.public, true)))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  const status = c.status as ComplaintStatus;
  return {
    no: c.no,
    projectName: c.projectName,
    title: c.title,
    status,
    statusLabel: PUBLIC_STATUS_LABELS[status],
    contactMobile: maskMobile(c.contactMobile),
    filedAt: c.filedAt.toISOString(),
    closedAt: iso(c.closedAt),
    updates: events.map((e) => ({
      at: e.at.toISOString(),
      label: e.kind === 'status' && e.toValue ? PUBLIC_STATUS_LABELS[e.toValue as ComplaintStatus] : e.kind === 'reply' ? '客服答复' : COMPLAINT_EVENT_KIND_LABELS[e.kind as ComplaintEventKind],
      content: e.content,
    })),
  };
}
