import type { Complaint, ComplaintListItem } from '../../../common/contracts/complaints.ts';
import type { ComplaintChannel, ComplaintSource, ComplaintStatus, EscalationLevel, Severity, SeverityReason, Specialty } from '../../../common/complaints.ts';
import { maskMobile } from '../../../common/validators.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { iso } from '../../platform/http/types.ts';
import type { ComplaintRow } from './queries.ts';

// Whoever receives or handles a complaint needs to call the complainant; everyone else sees the
// mobile masked and may reveal it (audited) if their role allows.
export function seesContact(p: Principal, row: { handlerId: string | null; firstResponderId: string | null }): boolean {
  return row.handlerId === p.userId || row.firstResponderId === p.userId;
}

export function isOverdue(row: { status: string; acknowledgedAt: Date | null; ackDueAt: Date; resolvedAt: Date | null; resolutionDueAt: Date }, now: Date): boolean {
  if (row.status === 'closed') return false;
  if (!row.acknowledgedAt && now >= row.ackDueAt) return true;
  return !row.resolvedAt && now >= row.resolutionDueAt;
}

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toListItem(row: ComplaintRow, p: Principal, now: Date): ComplaintListItem {
  return listItem(row, seesContact(p, row), now);
}

type ListRow = Pick<ComplaintRow, 'id' | 'no' | 'companyId' | 'projectId' | 'projectName' | 'buildingName' | 'unitNumber' | 'title' | 'channel' | 'specialty' | 'severity' | 'status'
  | 'escalationLevel' | 'source' | 'contactName' | 'contactMobile' | 'handlerId' | 'handlerName' | 'filedAt' | 'ackDueAt' | 'acknowledgedAt' | 'resolutionDueAt' | 'resolvedAt' | 'closedAt'>;

// A list row; `showMobile` for the handler and first responder only, `now` decides "overdue".
export function listItem(row: ListRow, showMobile: boolean, now: Date): ComplaintListItem {
  return {
    id: row.id,
    no: row.no,
    companyId: row.companyId,
    projectId: row.projectId,
    projectName: row.projectName,
    buildingName: row.buildingName,
    unitNumber: row.unitNumber,
    title: row.title,
    channel: row.channel as ComplaintChannel,
    specialty: row.specialty as Specialty,
    severity: row.severity as Severity,
    status: row.status as ComplaintStatus,
    escalationLevel: row.escalationLevel as EscalationLevel,
    source: row.source as ComplaintSource,
    contactName: row.contactName,
    contactMobile: showMobile ? row.contactMobile : maskMobile(row.contactMobile),
    handler: named(row.handlerId, row.handlerName),
    filedAt: row.filedAt.toISOString(),
    ackDueAt: row.ackDueAt.toISOString(),
    resolutionDueAt: row.resolutionDueAt.toISOString(),
    closedAt: iso(row.closedAt),
    overdue: isOverdue(row, now),
  };
}

export function toComplaint(row: ComplaintRow, p: Principal, now: Date): Complaint {
  return {
    ...toListItem(row, p, now),
    buildingId: row.buildingId,
    unitId: row.unitId,
    customerId: row.customerId,
    suggestedCustomerId: row.customerId ? null : row.suggestedCustomerId,
    description: row.description,
    remedyWanted: row.remedyWanted,
    complainantCount: row.complainantCount,
    collective: row.collective,
    mediaExposed: row.mediaExposed,
    lawsuitFiled: row.lawsuitFiled,
    lawsuitOrMediaRisk: row.lawsuitOrMediaRisk,
    needsOutsideSupport: row.needsOutsideSupport,
    companyFault: row.companyFault,
    issue: row.issueId ? { id: row.issueId, title: row.issueTitle ?? '' } : null,
    groupComplaintId: row.groupComplaintId,
    severityReasons: row.severityReasons as SeverityReason[],
    reopenCount: row.reopenCount,
    firstResponder: named(row.firstResponderId, row.firstResponderName),
    solution: row.solution,
    acknowledgedAt: iso(row.acknowledgedAt),
    resolvedAt: iso(row.resolvedAt),
    mobileMasked: !seesContact(p, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
