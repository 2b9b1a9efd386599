import { dashboardQuery, dashboardSchema, reportQuery, reportSchema } from '../../../common/contracts/complaint-reports.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { attachment, XLSX_TYPE } from '../customers/import/xlsx.ts';
import { complaintDashboard } from './dashboard.ts';
import { reportPeriod } from './report-period.ts';
import { buildReportXlsx } from './report-xlsx.ts';
import { complaintReport } from './reports.ts';

const access = { permission: 'complaints.reports' } as const;
const tags = ['complaints'];

export function registerComplaintReportRoutes(app: App, { db, clock }: Deps) {
  app.get('/api/v1/complaint-dashboard', {
    config: { access },
    schema: { tags, summary: '投诉看板：全年受理、未结、四项目标达成、按专业/性质/项目/月份分布、预警数', querystring: dashboardQuery, response: { 200: dashboardSchema } },
    handler: (request) => complaintDashboard(db, principalOf(request), request.query, clock.now()),
  });
  app.get('/api/v1/complaint-reports', {
    config: { access },
    schema: { tags, summary: '投诉周报/月报（周一至周日或自然月，北京时间）', querystring: reportQuery, response: { 200: reportSchema } },
    handler: (request) => complaintReport(db, principalOf(request), request.query, clock.now()),
  });
  app.get('/api/v1/complaint-reports/xlsx', {
    config: { access },
    schema: { tags, summary: '下载投诉周报/月报（Excel；手机号脱敏；记入审计）', querystring: reportQuery },
    handler: async (request, reply) => {
      const now = clock.now();
      const principal = principalOf(request);
      const report = await complaintReport(db, principal, request.query, now);
      const buffer = await buildReportXlsx(report, now);
      const kind = report.period.kind === 'week' ? '周报' : '月报';
      await recordAudit(db, actorOf(request), now, {
        action: 'export',
        entityType: 'complaint_report',
        entityLabel: `导出投诉${kind}：${report.period.label}（${report.scopeLabel}）`,
        companyId: request.query.companyId ?? principal.companyId,
        changes: { query: { before: null, after: request.query }, notable: { before: null, after: report.notable.length } },
      });
      const tag = reportPeriod(request.query.period, request.query.date).tag;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`complaint-report-${tag}.xlsx`, `投诉${kind}-${tag}.xlsx`)).send(buffer);
    },
  });
}
