import { auditEntrySchema, auditListQuery } from '../../../common/contracts/audit.ts';
import { pageOf } from '../../../common/contracts/common.ts';
import { principalOf, type App, type Deps } from '../http/types.ts';
import { listAuditLogs } from './list.ts';

export function registerAuditRoutes(app: App, { db }: Deps) {
  app.get('/api/v1/audit-logs', {
    config: { access: { permission: 'audit.read' } },
    schema: { tags: ['audit'], summary: '审计日志（按时间倒序）', querystring: auditListQuery, response: { 200: pageOf(auditEntrySchema) } },
    handler: (request) => listAuditLogs(db, principalOf(request), request.query),
  });
}
