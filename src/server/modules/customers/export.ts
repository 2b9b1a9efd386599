import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { prospectListQuery } from '../../../common/contracts/customers.ts';
import { BUYER_TYPE_LABELS, FAMILY_SEGMENT_LABELS, SOURCE_CHANNEL_LABELS, STAGE_LABELS } from '../../../common/customers.ts';
import { formatShanghaiTime } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { actorOf, principalOf, type App, type Deps } from '../../platform/http/types.ts';
import { projects } from '../org/tables.ts';
import { users } from '../users/tables.ts';
import type { Ctx } from './create.ts';
import { attachment, buildXlsx, XLSX_TYPE } from './import/xlsx.ts';
import { inList } from './import/bulk.ts';
import { toProspect, type InterestRow } from './present.ts';
import { selectProspects } from './queries.ts';
import { prospectFilters } from './read.ts';
import { customers, projectInterests } from './tables.ts';

// The prospect list's filters and order, without paging: the export takes every matching row.
export const customerExportQuery = prospectListQuery.omit({ limit: true, cursor: true });
export type CustomerExportQuery = z.infer<typeof customerExportQuery>;

export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 1000;

const COLUMNS = [
  { header: '客户姓名', width: 12 }, { header: '手机号', width: 15 }, { header: '项目', width: 16 }, { header: '置业顾问', width: 12 }, { header: '阶段', width: 8 },
  { header: '等级', width: 6 }, { header: '来源渠道', width: 12 }, { header: '标签', width: 24 }, { header: '最近联系', width: 17 }, { header: '下次跟进', width: 12 },
];

// 「项目：西溪项目；阶段：潜在、意向」 — what the audit log says was exported.
async function filterSummary(db: Db, q: CustomerExportQuery): Promise<string> {
  const parts: string[] = [];
  const projectName = async (id: string) => (await db.select({ name: projects.name }).from(projects).where(eq(projects.id, id)))[0]?.name ?? id;
  const userName = async (id: string) => (await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)))[0]?.name ?? id;
  if (q.q) parts.push(`搜索：${q.q}`);
  if (q.projectId) parts.push(`项目：${await projectName(q.projectId)}`);
  if (q.ownerId) parts.push(`置业顾问：${await userName(q.ownerId)}`);
  if (q.stage?.length) parts.push(`阶段：${q.stage.map((s) => STAGE_LABELS[s]).join('、')}`);
  if (q.grade?.length) parts.push(`等级：${q.grade.join('、')}`);
  if (q.tag) parts.push(`标签：${q.tag}`);
  if (q.sourceChannel) parts.push(`来源渠道：${SOURCE_CHANNEL_LABELS[q.sourceChannel]}`);
  if (q.buyerType) parts.push(`客户类型：${BUYER_TYPE_LABELS[q.buyerType]}`);
  if (q.familySegment) parts.push(`家庭细分：${FAMILY_SEGMENT_LABELS[q.familySegment]}`);
  if (q.lastContactFrom || q.lastContactTo) parts.push(`最近联系：${q.lastContactFrom ? formatShanghaiTime(new Date(q.lastContactFrom)) : ''}～${q.lastContactTo ? formatShanghaiTime(new Date(q.lastContactTo)) : ''}`);
  return parts.length ? parts.join('；') : '全部';
}

// The filtered prospects in the caller's scope as .xlsx, at most 100,000 rows, with the list's
// own filters, scope and masking (a mobile in full only on prospects the caller owns). First the
// ids in the list's order in one query, then the rows in pages of 1,000 by id: keyset paging
// through a sort that no index serves would sort everything again for every page.
export async function exportProspects(ctx: Ctx, q: CustomerExportQuery): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const pi = projectInterests;
  const filters = prospectFilters(ctx.principal, q);
  const order = q.sort === 'nextFollowUp' ? [sql`${pi.nextFollowUpAt} ASC NULLS LAST`, asc(pi.id)] : [desc(pi.id)];
  const ids = (await ctx.db.select({ id: pi.id }).from(pi).innerJoin(customers, eq(customers.id, pi.customerId)).where(filters).orderBy(...order).limit(EXPORT_MAX_ROWS + 1)).map((r) => r.id);
  const truncated = ids.length > EXPORT_MAX_ROWS;
  if (truncated) ids.length = EXPORT_MAX_ROWS;
  let rows = 0;
  const buffer = await buildXlsx('客户', COLUMNS, async (add) => {
    for (let i = 0; i < ids.length; i += PAGE) {
      const page = await selectProspects(ctx.db).where(and(inList(pi.id, ids.slice(i, i + PAGE), 'uuid'), filters));
      const byId = new Map(page.map((r) => [r.id, r]));
      for (const id of ids.slice(i, i + PAGE)) {
        const r = byId.get(id);
        if (!r) continue; // changed since the first query and no longer matches
        const p = toProspect(ctx.principal, r as InterestRow, r.customer);
        add([
          p.customer.name, p.customer.mobile, p.project.name, p.owner?.name ?? '', STAGE_LABELS[p.stage], p.grade, SOURCE_CHANNEL_LABELS[p.customer.sourceChannel],
          p.customer.tags.join('、'), p.lastContactAt ? formatShanghaiTime(new Date(p.lastContactAt)) : '', p.nextFollowUpAt ? formatShanghaiTime(new Date(p.nextFollowUpAt)).slice(0, 10) : '',
        ]);
        rows++;
      }
    }
  });
  const summary = await filterSummary(ctx.db, q);
  await recordAudit(ctx.db, ctx.actor, ctx.now, {
    action: 'export',
    entityType: 'customer',
    entityLabel: `导出客户 ${rows} 条（${summary}）${truncated ? `，超过上限仅导出前 ${EXPORT_MAX_ROWS} 条` : ''}`,
    companyId: ctx.principal.companyId,
    changes: { filters: { before: null, after: q }, rows: { before: null, after: rows } },
  });
  return { buffer, rows, truncated };
}

export function registerCustomerExportRoute(app: App, { db, clock }: Deps) {
  app.get('/api/v1/customers/export', {
    config: { access: { permission: 'customers.export' } },
    schema: { tags: ['customers'], summary: '导出客户（与客户列表相同的筛选；Excel，最多 10 万行；手机号按权限脱敏；记入审计）', querystring: customerExportQuery },
    handler: async (request, reply) => {
      const now = clock.now();
      const { buffer } = await exportProspects({ db, now, actor: actorOf(request), principal: principalOf(request) }, request.query);
      const day = formatShanghaiTime(now).slice(0, 10);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`customers-${day}.xlsx`, `客户导出-${day}.xlsx`)).send(buffer);
    },
  });
}
