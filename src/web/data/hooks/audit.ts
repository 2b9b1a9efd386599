import type { AuditAction, AuditEntry } from '../../../common/contracts/audit.ts';
import { AUDIT_KEY } from '../keys.ts';
import { usePagedQuery } from '../paged.ts';

export type AuditFilters = {
  action?: AuditAction;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  q?: string;
  from?: string;
  to?: string;
};

export function useAuditLogs(filters: AuditFilters) {
  return usePagedQuery<AuditEntry>(AUDIT_KEY, '/audit-logs', filters);
}
