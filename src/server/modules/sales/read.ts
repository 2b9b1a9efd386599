import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Deal, dealListQuery } from '../../../common/contracts/sales.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../../platform/http/cursor.ts';
import { prospectScope } from '../customers/scope.ts';
import { customers } from '../customers/tables.ts';
import { units } from '../org/tables.ts';
import { selectDeals, toDeal } from './queries.ts';
import { deals } from './tables.ts';

// Deals are seen through their prospect: a consultant their own prospects' deals, a manager their
// team's, and so on (the customers module's scope).
export async function getDeal(db: Db, p: Principal, id: string): Promise<Deal> {
  const [row] = await selectDeals(db).where(and(eq(deals.id, id), prospectScope(p)));
  if (!row) throw new AppError('NOT_FOUND', '成交记录不存在');
  return toDeal(row, p);
}

export async function listDeals(db: Db, p: Principal, q: z.infer<typeof dealListQuery>) {
  const after = decodeKeyset(q.cursor, ['text', 'uuid'] as const);
  if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  const where: (SQL | undefined)[] = [
    prospectScope(p),
    q.projectId ? eq(deals.projectId, q.projectId) : undefined,
    q.unitId ? eq(deals.unitId, q.unitId) : undefined,
    q.customerId ? eq(deals.customerId, q.customerId) : undefined,
    q.consultantId ? eq(deals.consultantId, q.consultantId) : undefined,
    q.q ? or(ilike(customers.name, containsPattern(q.q)), eq(units.number, q.q)) : undefined,
    q.stage ? eq(deals.stage, q.stage) : undefined,
    q.status ? eq(deals.status, q.status) : undefined,
    after ? or(lt(deals.createdAt, new Date(after[0])), and(eq(deals.createdAt, new Date(after[0])), lt(deals.id, after[1]))) : undefined,
  ];
  const rows = await selectDeals(db).where(and(...where)).orderBy(desc(deals.createdAt), desc(deals.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.d.createdAt.toISOString(), r.d.id]);
  return { items: page.items.map((r) => toDeal(r, p)), nextCursor: page.nextCursor };
}
