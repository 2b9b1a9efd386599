// Customer enumerations: stable English codes with Chinese labels (DOMAIN.md "Core records",
// "Sales side").

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女', unknown: '未知' };

export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  under_25: '25 岁以下', '25_34': '25–34 岁', '35_44': '35–44 岁', '45_54': '45–54 岁', '55_64': '55–64 岁', '65_plus': '65 岁及以上',
};

export const PURPOSES = ['first_home', 'upgrade', 'investment', 'elderly', 'education'] as const;
export const PURPOSE_LABELS: Record<(typeof PURPOSES)[number], string> = {
  first_home: '首套自住', upgrade: '改善', investment: '投资', elderly: '养老', education: '教育',
};

export const PAYMENT_METHODS = ['full', 'mortgage', 'housing_fund', 'combined'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  full: '全款', mortgage: '商业贷款', housing_fund: '公积金贷款', combined: '组合贷款',
};

export const SOURCE_CHANNELS = ['walk_in', 'hotline', 'broker', 'owner_referral', 'old_customer', 'portal', 'outdoor', 'newspaper', 'magazine', 'event', 'other'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];
export const SOURCE_CHANNEL_LABELS: Record<SourceChannel, string> = {
  walk_in: '自然到访', hotline: '400 热线', broker: '渠道经纪', owner_referral: '业主推荐', old_customer: '老客户/朋友',
  portal: '房产网站', outdoor: '户外广告', newspaper: '报纸', magazine: '杂志', event: '活动', other: '其他',
};

export const BUYER_TYPES = ['first_purchase', 'second_purchase', 'multiple_purchase', 'active_elderly', 'returning_elderly'] as const;
export const BUYER_TYPE_LABELS: Record<(typeof BUYER_TYPES)[number], string> = {
  first_purchase: '首次置业', second_purchase: '二次置业', multiple_purchase: '多次置业', active_elderly: '活跃长者', returning_elderly: '老年回归',
};

export const FAMILY_SEGMENTS = ['wealthy_family', 'healthy_retirement', 'young_professionals', 'children_first', 'practical_family'] as const;
export const FAMILY_SEGMENT_LABELS: Record<(typeof FAMILY_SEGMENTS)[number], string> = {
  wealthy_family: '富贵之家', healthy_retirement: '健康养老', young_professionals: '社会新锐', children_first: '望子成龙', practical_family: '务实之家',
};

export const STAGES = ['potential', 'intending', 'subscribed', 'contracted', 'owner', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  potential: '潜在', intending: '意向', subscribed: '认购', contracted: '签约', owner: '业主', lost: '流失',
};

export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { A: 'A 级（高意向）', B: 'B 级（中意向）', C: 'C 级（低意向）' };

export const INTERACTION_TYPES = ['visit', 'call_in', 'call_out', 'wechat', 'sms', 'event', 'site_tour'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const INTERACTION_TYPE_LABELS: Record<InteractionType, string> = {
  visit: '来访', call_in: '来电', call_out: '去电', wechat: '微信', sms: '短信', event: '活动', site_tour: '看房',
};

export const REACTIONS = ['positive', 'neutral', 'negative'] as const;
export const REACTION_LABELS: Record<(typeof REACTIONS)[number], string> = { positive: '积极', neutral: '一般', negative: '消极' };

export const CONSENT_PURPOSES = ['marketing', 'service', 'data_processing'] as const;
export const CONSENT_PURPOSE_LABELS: Record<(typeof CONSENT_PURPOSES)[number], string> = {
  marketing: '营销推广', service: '售后与客户服务', data_processing: '个人信息处理',
};
export const CONSENT_CHANNELS = ['paper', 'onsite', 'wechat', 'web', 'phone'] as const;
export const CONSENT_CHANNEL_LABELS: Record<(typeof CONSENT_CHANNELS)[number], string> = {
  paper: '纸质签字', onsite: '案场确认', wechat: '微信', web: '网页', phone: '电话录音',
};

// Events on a project interest's history (and the customer's timeline).
export const INTEREST_EVENT_TYPES = ['created', 'stage', 'grade', 'owner', 'pooled', 'claimed'] as const;
export type InterestEventType = (typeof INTEREST_EVENT_TYPES)[number];
