// Roles, permissions and data scopes: stable English codes with Chinese labels.
// The server enforces them; the web app uses them to show only what a role may use.

export const PERMISSIONS = [
  'org.read', // see companies, projects, buildings, units in scope
  'org.manage', // create/change/delete companies, projects, buildings, units, teams
  'users.read',
  'users.manage', // create users, set roles, scopes and assignments, reset passwords
  'tokens.manage', // API tokens for integrations
  'audit.read',
  'customers.read', // prospects and customers in scope (personal data masked)
  'customers.write', // record customers, follow-ups, stage and grade
  'customers.assign', // reassign prospects, project follow-up settings
  'customers.pool', // claim from the public pool
  'customers.reveal', // reveal a masked mobile or ID number, with a reason (audited)
  'customers.import',
  'customers.export',
  'customers.rights', // personal-data requests: export everything held, erase
  'customers.tags', // the group's customer tag catalogue (标签库)
  'complaints.read', // complaints in scope, the case library, early-warning alerts
  'complaints.write', // record complaints and work them through the eight steps
  'complaints.manage', // assign and escalate, link issues, group complaints, SLA settings
  'complaints.reports', // complaint dashboards and weekly/monthly reports
  'sales.read', // the sales-control board and deals in scope
  'sales.write', // pledges, subscriptions, contracts and cancellations
  'channels.register', // a broker registers (报备) prospects and appeals
  'channels.read', // registrations of the caller's projects
  'channels.confirm', // the sales office confirms a registered prospect's visit (到访确认)
  'channels.manage', // protection windows, commission rules, agencies, reading appeals
  'channels.decide', // a manager decides brokers' appeals (申诉裁决), overruling another broker's claim
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'org.read': '查看组织与房源',
  'org.manage': '管理组织与房源',
  'users.read': '查看用户',
  'users.manage': '管理用户与授权',
  'tokens.manage': '管理 API 令牌',
  'audit.read': '查看审计日志',
  'customers.read': '查看客户',
  'customers.write': '录入客户与跟进',
  'customers.assign': '分配客户与跟进规则',
  'customers.pool': '从公客池领取',
  'customers.reveal': '查看完整手机号/证件号',
  'customers.import': '导入客户',
  'customers.export': '导出客户',
  'customers.rights': '个人信息导出与删除',
  'customers.tags': '维护客户标签库',
  'complaints.read': '查看投诉与案例',
  'complaints.write': '受理与处理投诉',
  'complaints.manage': '分派投诉、群诉与时限设置',
  'complaints.reports': '投诉看板与报表',
  'sales.read': '查看销控与成交',
  'sales.write': '认筹、认购、签约与退房',
  'channels.register': '渠道报备与申诉',
  'channels.read': '查看渠道报备',
  'channels.confirm': '确认报备客户到访',
  'channels.manage': '渠道规则与申诉查看',
  'channels.decide': '裁决报备申诉',
};

export const ROLES = [
  'group_cr',
  'company_cr_manager',
  'sales_manager',
  'sales_consultant',
  'marketing',
  'engineering',
  'property',
  'channel_broker',
  'executive',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  group_cr: '集团客户关系中心',
  company_cr_manager: '客户关系部经理',
  sales_manager: '销售经理',
  sales_consultant: '置业顾问',
  marketing: '策划',
  engineering: '工程/维修',
  property: '物业',
  channel_broker: '渠道经纪人',
  executive: '管理层',
  system_admin: '系统管理员',
};

// Least privilege: each role holds only what its work needs. Later modules add their own
// permissions here (complaints, customers, …) and grant them per role.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  group_cr: ['org.read', 'users.read', 'audit.read', 'customers.read', 'customers.reveal', 'customers.export', 'customers.rights', 'customers.tags', 'complaints.read', 'complaints.write', 'complaints.manage', 'complaints.reports', 'sales.read'],
  company_cr_manager: ['org.read', 'users.read', 'customers.read', 'customers.reveal', 'customers.export', 'customers.rights', 'customers.tags', 'complaints.read', 'complaints.write', 'complaints.manage', 'complaints.reports', 'sales.read'],
  sales_manager: ['org.read', 'users.read', 'customers.read', 'customers.write', 'customers.assign', 'customers.pool', 'customers.reveal', 'customers.import', 'customers.export', 'complaints.read', 'complaints.write', 'sales.read', 'sales.write', 'channels.read', 'channels.confirm', 'channels.manage', 'channels.decide'],
  sales_consultant: ['org.read', 'customers.read', 'customers.write', 'customers.pool', 'complaints.read', 'complaints.write', 'sales.read', 'sales.write', 'channels.read', 'channels.confirm'],
  marketing: ['org.read', 'customers.read', 'customers.import', 'customers.export', 'sales.read', 'channels.read', 'channels.manage'],
  engineering: ['org.read', 'complaints.read', 'complaints.write'],
  property: ['org.read', 'complaints.read', 'complaints.write'],
  channel_broker: ['channels.register'],
  executive: ['org.read', 'users.read', 'customers.read', 'complaints.read', 'complaints.reports', 'sales.read', 'channels.read'],
  system_admin: ['org.read', 'org.manage', 'users.read', 'users.manage', 'tokens.manage', 'audit.read', 'customers.tags'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const DATA_SCOPES = ['own', 'team', 'project', 'company', 'group'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const DATA_SCOPE_LABELS: Record<DataScope, string> = {
  own: '本人',
  team: '本团队',
  project: '所属项目',
  company: '本公司',
  group: '全集团',
};

// The widest scope a role is given by default when an administrator creates a user.
export const DEFAULT_SCOPE: Record<Role, DataScope> = {
  group_cr: 'group',
  company_cr_manager: 'company',
  sales_manager: 'team',
  sales_consultant: 'own',
  marketing: 'company',
  engineering: 'project',
  property: 'project',
  channel_broker: 'own',
  executive: 'group',
  system_admin: 'group',
};
