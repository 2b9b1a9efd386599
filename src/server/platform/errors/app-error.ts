// One error type for the whole server: services throw AppError with a stable code; the error
// handler maps the code to an HTTP status and an application/problem+json body.
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  COMPANY_CODE_TAKEN: 409,
  PROJECT_CODE_TAKEN: 409,
  BUILDING_NAME_TAKEN: 409,
  UNIT_NUMBER_TAKEN: 409,
  COMPANY_NOT_EMPTY: 409,
  PROJECT_NOT_EMPTY: 409,
  BUILDING_HAS_SOLD_UNITS: 409,
  TEAM_NOT_EMPTY: 409,
  CUSTOMER_EXISTS: 409,
  INTEREST_EXISTS: 409,
  POOL_CLAIM_LIMIT: 409,
  NOT_IN_POOL: 409,
  CUSTOMER_ERASED: 409,
  COMPLAINT_NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CALLBACK_REQUIRED: 409,
  CASE_REQUIRED: 409,
  UNIT_TAKEN: 409,
  UNIT_NOT_AVAILABLE: 409,
  REGISTRATION_REFUSED: 409,
  AGENCY_NOT_FOUND: 404,
  AGENCY_NAME_TAKEN: 409,
  AGENCY_SUSPENDED: 409,
  BROKER_IN_AGENCY: 409,
  CAMPAIGN_IN_USE: 409,
  REFERRAL_REWARD_PAID: 409,
  TAG_NAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: '输入有误',
  MALFORMED_JSON: '请求格式错误',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '登录失败',
  FORBIDDEN: '无权操作',
  NOT_FOUND: '记录不存在',
  ROUTE_NOT_FOUND: '接口不存在',
  VERSION_CONFLICT: '数据已被修改',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  TOO_MANY_ATTEMPTS: '尝试次数过多',
  CUSTOMER_EXISTS: '客户已存在',
  INTEREST_EXISTS: '已登记该项目',
  POOL_CLAIM_LIMIT: '已达领取上限',
  COMPLAINT_NOT_FOUND: '投诉不存在',
  INVALID_TRANSITION: '当前状态不能执行该操作',
  CALLBACK_REQUIRED: '需先完成回访',
  CASE_REQUIRED: '需先编写案例',
  RATE_LIMITED: '操作过于频繁',
  UNIT_TAKEN: '房源已被认购',
  UNIT_NOT_AVAILABLE: '房源不可售',
  REGISTRATION_REFUSED: '报备无效',
  AGENCY_NOT_FOUND: '机构不存在',
  AGENCY_NAME_TAKEN: '机构名称已存在',
  AGENCY_SUSPENDED: '机构已暂停合作',
  BROKER_IN_AGENCY: '经纪人已属于其他机构',
  CAMPAIGN_IN_USE: '活动已有归属客户',
  REFERRAL_REWARD_PAID: '老带新奖励已发放',
  TAG_NAME_TAKEN: '标签已存在',
  INTERNAL: '服务器内部错误',
};

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: FieldError[];
  // Extra problem members for the client (e.g. `existing` on CUSTOMER_EXISTS).
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, fieldErrors?: FieldError[], extra?: Record<string, unknown>) {
    super(detail);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fieldErrors = fieldErrors;
    this.extra = extra;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const versionConflict = () => new AppError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
export const forbidden = (detail = '您没有执行此操作的权限') => new AppError('FORBIDDEN', detail);
