// Channel registration (渠道报备) enumerations with Chinese labels (DOMAIN.md "Sales side").

export const MOBILE_MODES = ['full', 'partial'] as const;
export type MobileMode = (typeof MOBILE_MODES)[number];
export const MOBILE_MODE_LABELS: Record<MobileMode, string> = { full: '完整手机号', partial: '前三后四（138****5678）' };

export const COMMISSION_RULES = ['contract', 'down_payment'] as const;
export type CommissionRule = (typeof COMMISSION_RULES)[number];
export const COMMISSION_RULE_LABELS: Record<CommissionRule, string> = { contract: '签约后结佣', down_payment: '认购交付首付（定金）后结佣' };

export const REGISTRATION_STATUSES = ['registered', 'visited', 'dealt', 'expired', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报备（待到访）', visited: '已到访（保护期内）', dealt: '已成交', expired: '已失效', rejected: '判客无效',
};

// Why the system refuses a registration or a visit (判客).
export const REFUSAL_REASONS = ['owned_by_project', 'protected_by_other', 'already_registered'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  owned_by_project: '该客户已是项目客户（已到访或已登记）',
  protected_by_other: '该客户在其他经纪人的报备保护期内',
  already_registered: '您已报备过该客户',
};

export const APPEAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { pending: '待处理', approved: '已支持', rejected: '已驳回' };

// 渠道机构: an agency cooperates (active) or is suspended, which stops its brokers registering.
export const AGENCY_STATUSES = ['active', 'suspended'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];
export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = { active: '合作中', suspended: '已暂停' };
// Shown where a broker belongs to no agency and typed none.
export const INDEPENDENT_BROKER_LABEL = '独立经纪人';
