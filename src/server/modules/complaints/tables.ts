import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, id, ts } from '../../db/columns.ts';
import { customers } from '../customers/tables.ts';
import { buildings, companies, projects, units } from '../org/tables.ts';
import { users } from '../users/tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

// Complaint numbers (TS + Shanghai date + this sequence): unique across instances without locks.
export const complaintNoSeq = pgSequence('complaint_no_seq', { startWith: 1, increment: 1 });

// Problem collection (问题归集): complaints that staff judge to be about the same issue.
export const complaintIssues = pgTable(
  'complaint_issues',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    ...auditedColumns(),
  },
  (t) => [index('complaint_issues_project_idx').on(t.projectId)],
);

// Group complaints (群诉): the people behind a shared problem and the strategy for it.
export const groupComplaints = pgTable(
  'group_complaints',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull().default('active'),
    leaderName: text('leader_name').notNull().default(''),
    leaderCustomerId: uuid('leader_customer_id').references(() => customers.id),
    members: text('members').array().notNull().default(sql`'{}'::text[]`),
    memberCount: integer('member_count').notNull().default(0),
    strategy: text('strategy').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    ...auditedColumns(),
  },
  (t) => [index('group_complaints_company_idx').on(t.companyId, t.createdAt)],
);

export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    customerId: uuid('customer_id').references(() => customers.id),
    // A public filing's match by mobile, waiting for staff to confirm the link (关联客户档案).
    suggestedCustomerId: uuid('suggested_customer_id').references(() => customers.id),
    // A readable number (TS202611220001) for phone calls and reports.
    no: text('no').notNull(),
    // The complainant's secret for the public status page; long and random, never listed.
    trackingCode: text('tracking_code').notNull(),
    source: text('source').notNull(),
    channel: text('channel').notNull(),
    specialty: text('specialty').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    remedyWanted: text('remedy_wanted').notNull().default(''),
    contactName: text('contact_name').notNull(),
    contactMobile: text('contact_mobile').notNull(),
    complainantCount: integer('complainant_count').notNull().default(1),
    collective: boolean('collective').notNull().default(false),
    mediaExposed: boolean('media_exposed').notNull().default(false),
    lawsuitFiled: boolean('lawsuit_filed').notNull().default(false),
    lawsuitOrMediaRisk: boolean('lawsuit_or_media_risk').notNull().default(false),
    needsOutsideSupport: boolean('needs_outside_support').notNull().default(false),
    companyFault: boolean('company_fault').notNull().default(true),
    issueId: uuid('issue_id').references(() => complaintIssues.id),
    groupComplaintId: uuid('group_complaint_id').references(() => groupComplaints.id),
    severity: text('severity').notNull(),
    severityReasons: text('severity_reasons').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    reopenCount: integer('reopen_count').notNull().default(0),
    escalationLevel: text('escalation_level').notNull().default('project'),
    // 首问责任人: who received it; the handler owns it now (the first responder until handed over).
    firstResponderId: uuid('first_responder_id').references(() => users.id),
    handlerId: uuid('handler_id').references(() => users.id),
    solution: text('solution').notNull().default(''),
    filedAt: ts('filed_at').notNull(),
    ackDueAt: ts('ack_due_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    resolutionDueAt: ts('resolution_due_at').notNull(),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    // When the handler was warned that a clock is about to run out (one warning per clock).
    ackWarnedAt: ts('ack_warned_at'),
    resolutionWarnedAt: ts('resolution_warned_at'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('complaints_no_key').on(t.no),
    uniqueIndex('complaints_tracking_code_key').on(t.trackingCode),
    index('complaints_company_filed_idx').on(t.companyId, t.filedAt, t.id),
    index('complaints_project_filed_idx').on(t.projectId, t.filedAt, t.id),
    index('complaints_filed_idx').on(t.filedAt, t.id),
    index('complaints_handler_idx').on(t.handlerId, t.filedAt),
    index('complaints_first_responder_idx').on(t.firstResponderId, t.filedAt),
    index('complaints_customer_idx').on(t.customerId),
    index('complaints_issue_idx').on(t.issueId),
    index('complaints_building_specialty_idx').on(t.buildingId, t.specialty, t.filedAt),
    // The scheduled jobs look only at open complaints.
    index('complaints_open_idx').on(t.filedAt, t.id).where(sql`status <> 'closed'`),
    index('complaints_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

// Every step, reply, severity change and escalation, with who and why. `public` ones are shown
// to the complainant on the status page.
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    content: text('content').notNull().default(''),
    public: boolean('public').notNull().default(false),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull().default(''),
    at: ts('at').notNull(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('complaint_attachments_complaint_idx').on(t.complaintId)],
);

// 回访: the complainant's satisfaction (1–5) and whether the problem is solved.
export const complaintCallbacks = pgTable(
  'complaint_callbacks',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    satisfaction: integer('satisfaction').notNull(),
    solved: boolean('solved').notNull(),
    content: text('content').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('complaint_callbacks_complaint_idx').on(t.complaintId, t.at)],
);

// The case library (案例库): every closed major complaint is written up.
export const complaintCases = pgTable(
  'complaint_cases',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    title: text('title').notNull(),
    specialty: text('specialty').notNull(),
    severity: text('severity').notNull(),
    background: text('background').notNull(),
    cause: text('cause').notNull(),
    handling: text('handling').notNull(),
    lessons: text('lessons').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('complaint_cases_complaint_key').on(t.complaintId),
    index('complaint_cases_search_trgm_idx').using('gin', sql`(${t.title} || ' ' || ${t.background} || ' ' || ${t.cause} || ' ' || ${t.handling} || ' ' || ${t.lessons}) gin_trgm_ops`),
  ],
);

// The contingency plan of a major complaint: one checklist item per heading, each with an owner.
export const complaintContingencyItems = pgTable(
  'complaint_contingency_items',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    item: text('item').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status').notNull().default('todo'),
    note: text('note').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('complaint_contingency_item_key').on(t.complaintId, t.item)],
);

// Early warnings (投诉预警). One open alert per key; `key` is the issue id or building:specialty.
export const complaintAlerts = pgTable(
  'complaint_alerts',
  {
    id: id(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    buildingId: uuid('building_id'),
    specialty: text('specialty'),
    issueId: uuid('issue_id'),
    customerCount: integer('customer_count').notNull(),
    complaintIds: uuid('complaint_ids').array().notNull(),
    open: boolean('open').notNull().default(true),
    raisedAt: ts('raised_at').notNull(),
    clearedAt: ts('cleared_at'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('complaint_alerts_open_key').on(t.kind, t.key).where(sql`open`),
    index('complaint_alerts_company_idx').on(t.companyId, t.open),
  ],
);

// Resolution limits per severity (hours), per company; absent → the defaults.
export const complaintSettings = pgTable('complaint_settings', {
  companyId: uuid('company_id').primaryKey().references(() => companies.id),
  limits: jsonb('limits').$type<Record<string, number>>().notNull(),
  ...auditedColumns(),
});
