import { DATA_SCOPE_LABELS, DATA_SCOPES, ROLE_LABELS, ROLES } from '../../../common/roles.ts';

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
export const SCOPE_OPTIONS = DATA_SCOPES.map((value) => ({ value, label: DATA_SCOPE_LABELS[value] }));
