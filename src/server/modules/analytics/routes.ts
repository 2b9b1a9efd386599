import { funnelQuery, funnelSchema } from '../../../common/contracts/analytics.ts';
import { principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { salesFunnel } from './funnel.ts';

export function registerAnalyticsRoutes(app: App, { db }: Deps) {
  app.get('/api/v1/analytics/funnel', {
    config: { access: { permission: 'sales.read' } },
    schema: { tags: ['analytics'], summary: '销售漏斗（线索→来访→认筹→认购→签约），按渠道/顾问/项目，含转化率、来访到签约中位天数、成交客户来源构成与顾问排名', querystring: funnelQuery, response: { 200: funnelSchema } },
    handler: (request) => salesFunnel(db, principalOf(request), request.query),
  });
}
