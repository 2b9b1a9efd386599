// Complaint enumerations: stable English codes with Chinese labels (DOMAIN.md "Service side:
// complaints"; seeds 000–002).

export const COMPLAINT_CHANNELS = ['hotline', 'web', 'onsite', 'wechat', 'email', 'letter', 'media', 'consumer_association', 'government', 'lawsuit'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  hotline: '热线/呼叫中心', web: '网站/线上', onsite: '现场', wechat: '微信', email: '电子邮件', letter: '信函',
  media: '媒体', consumer_association: '消协', government: '政府信访', lawsuit: '法律诉讼',
};

export const SPECIALTIES = ['engineering', 'design', 'sales', 'property', 'service', 'other'] as const;
export type Specialty = (typeof SPECIALTIES)[number];
export const SPECIALTY_LABELS: Record<Specialty, string> = {
  engineering: '工程质量', design: '规划设计', sales: '销售管理', property: '物业管理', service: '客户服务', other: '其他',
};

// Ordered from least to most severe: the index is the rank.
export const SEVERITIES = ['general', 'important', 'hot', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { general: '一般', important: '重要', hot: '热点', major: '重大' };
export const SEVERITY_COLORS: Record<Severity, string> = { general: 'default', important: 'blue', hot: 'orange', major: 'red' };

// Why a complaint has its severity: each code is one clause of the seeds' rules.
export const SEVERITY_REASONS = [
  'lawsuit_filed', 'media_exposed', 'collective_10', 'unresolved_month',
  'lawsuit_or_media_risk', 'same_issue_3', 'collective_3', 'unresolved_week',
  'reopened', 'outside_support',
] as const;
export type SeverityReason = (typeof SEVERITY_REASONS)[number];
export const SEVERITY_REASON_LABELS: Record<SeverityReason, string> = {
  lawsuit_filed: '已引发法律诉讼',
  media_exposed: '已被媒体曝光',
  collective_10: '10 人以上集体投诉',
  unresolved_month: '投诉一个月后因我方原因仍未解决',
  lawsuit_or_media_risk: '可能引发诉讼或媒体曝光',
  same_issue_3: '一个月内 3 位以上不同投诉人的相同投诉',
  collective_3: '3 人以上集体投诉',
  unresolved_week: '投诉一周后因我方原因仍未解决',
  reopened: '处理完毕后二次投诉',
  outside_support: '需外部专家或其他公司协助',
};

// The eight steps (八步法) as states; 'closed' can be reopened.
export const COMPLAINT_STATUSES = ['received', 'assigned', 'investigating', 'solution_proposed', 'in_progress', 'awaiting_callback', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已受理', assigned: '已分派', investigating: '调查中', solution_proposed: '已提方案',
  in_progress: '处理中', awaiting_callback: '待回访', closed: '已关闭',
};
// What the complainant sees on the public status page.
export const PUBLIC_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已收到，等待受理', assigned: '已受理，专人负责', investigating: '正在调查', solution_proposed: '已形成处理方案',
  in_progress: '正在处理', awaiting_callback: '处理完毕，等待回访', closed: '已办结',
};

export const ESCALATION_LEVELS = ['project', 'company', 'group'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = { project: '项目', company: '城市公司', group: '集团' };

export const COMPLAINT_SOURCES = ['staff', 'public'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export const COMPLAINT_EVENT_KINDS = [
  'created', 'status', 'severity', 'assigned', 'escalated', 'reply', 'note', 'updated', 'linked', 'callback', 'reopened', 'case', 'contingency',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];
export const COMPLAINT_EVENT_KIND_LABELS: Record<ComplaintEventKind, string> = {
  created: '登记', status: '进度', severity: '性质变化', assigned: '分派/移交', escalated: '升级', reply: '答复客户',
  note: '备注', updated: '修改', linked: '问题归集', callback: '回访', reopened: '重新打开', case: '案例', contingency: '应急预案',
};

// The major-complaint contingency plan (重大投诉应急预案), one checklist item per heading.
export const CONTINGENCY_ITEMS = ['response_team', 'key_points', 'scenarios', 'onsite_measures', 'communication', 'media', 'command', 'recovery'] as const;
export type ContingencyItem = (typeof CONTINGENCY_ITEMS)[number];
export const CONTINGENCY_ITEM_LABELS: Record<ContingencyItem, string> = {
  response_team: '成立应急小组', key_points: '明确处理要点', scenarios: '预判可能情形', onsite_measures: '现场处置措施',
  communication: '客户沟通口径', media: '媒体应对', command: '统一指挥', recovery: '善后与恢复',
};
export const CONTINGENCY_STATUSES = ['todo', 'doing', 'done'] as const;
export type ContingencyStatus = (typeof CONTINGENCY_STATUSES)[number];
export const CONTINGENCY_STATUS_LABELS: Record<ContingencyStatus, string> = { todo: '未开始', doing: '进行中', done: '已完成' };

// Group complaints (群诉) by how the group holds together (seed 001).
export const GROUP_COMPLAINT_TYPES = ['core', 'team', 'loose'] as const;
export type GroupComplaintType = (typeof GROUP_COMPLAINT_TYPES)[number];
export const GROUP_COMPLAINT_TYPE_LABELS: Record<GroupComplaintType, string> = {
  core: '核心型（找准并做通带头人）', team: '团队型', loose: '散沙型（先易后难）',
};
export const GROUP_COMPLAINT_STATUSES = ['active', 'settled'] as const;
export const GROUP_COMPLAINT_STATUS_LABELS: Record<(typeof GROUP_COMPLAINT_STATUSES)[number], string> = { active: '处理中', settled: '已平息' };

// Early-warning alerts (投诉预警): 3+ customers on one issue, or in one building and specialty.
export const ALERT_KINDS = ['same_issue', 'building_specialty'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = { same_issue: '同一问题', building_specialty: '同楼栋同专业' };

// The seeds' service-level targets (seed 002 "目标").
export const COMPLAINT_TARGETS = { satisfaction: 0.8, onTime: 0.9, closure: 1, callback: 1 } as const;

// Resolution time limits per severity, in hours (product choice, configurable per company).
export const DEFAULT_RESOLUTION_HOURS: Record<Severity, number> = { general: 120, important: 72, hot: 48, major: 24 };
