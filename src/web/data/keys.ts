// Query key roots. Lists and details of one resource share a root so one invalidation covers both.
export const ME_KEY = ['me'] as const;
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
