// Query key roots. Lists and details of one resource share a root so one invalidation covers both.
export const ME_KEY = ['me'] as const;
export const GROUP_KEY = ['group'] as const;
export const COMPANIES_KEY = ['companies'] as const;
export const PROJECTS_KEY = ['projects'] as const;
export const PROJECT_KEY = ['project'] as const;
export const BUILDINGS_KEY = ['buildings'] as const;
export const UNITS_KEY = ['units'] as const;
export const TEAMS_KEY = ['teams'] as const;
export const USERS_KEY = ['users'] as const;
export const ROLES_KEY = ['roles'] as const;
export const TOKENS_KEY = ['api-tokens'] as const;
export const AUDIT_KEY = ['audit-logs'] as const;
// Customers: prospect lists (list, pool, boards) and one customer's record and timeline.
export const PROSPECTS_KEY = ['prospects'] as const;
export const CUSTOMER_KEY = ['customer'] as const;
export const POOL_KEY = ['customer-pool'] as const;
export const BOARDS_KEY = ['prospect-boards'] as const;
export const SALES_SETTINGS_KEY = ['sales-settings'] as const;
export const SAVED_FILTERS_KEY = ['saved-filters'] as const;
export const CUSTOMER_IMPORTS_KEY = ['customer-imports'] as const;
export const CUSTOMER_TAGS_KEY = ['customer-tags'] as const;
