import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { ApiToken, apiTokenCreate } from '../../../common/contracts/users.ts';
import type { listQuery } from '../../../common/contracts/common.ts';
import type { Role } from '../../../common/roles.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../modules/users/tables.ts';
import type { Actor, Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { notFound } from '../errors/app-error.ts';
import { decodeKeyset, pageFrom } from '../http/cursor.ts';
import { iso } from '../http/types.ts';
import { apiTokens } from './tables.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './tokens.ts';

type Ctx = { db: Db; now: Date; actor: Actor; principal: Principal };

const columns = {
  id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix, ownerId: apiTokens.userId, ownerName: users.displayName,
  createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
};
type Row = { id: string; name: string; role: string; prefix: string; ownerId: string; ownerName: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function toToken(r: Row): ApiToken {
  return {
    id: r.id, name: r.name, role: r.role as Role, prefix: r.prefix, owner: { id: r.ownerId, name: r.ownerName },
    createdAt: r.createdAt.toISOString(), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt),
  };
}

export async function listApiTokens(db: Db, q: z.infer<typeof listQuery>) {
  const after = decodeKeyset(q.cursor, ['uuid'] as const);
  const rows = await db.select(columns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
    .where(after ? lt(apiTokens.id, after[0]) : undefined).orderBy(desc(apiTokens.id)).limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: page.items.map(toToken), nextCursor: page.nextCursor };
}

// The secret is returned once; only its hash and a short prefix (to recognise it) are kept.
export async function createApiToken(ctx: Ctx, input: z.infer<typeof apiTokenCreate>) {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = { id: uuidv7(), name: input.name, role: input.role, tokenHash: hashSecret(token), prefix: token.slice(0, 10), userId: ctx.principal.userId, createdAt: ctx.now };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values(row);
    await recordAudit(tx, ctx.actor, ctx.now, { action: 'token.create', entityType: 'api_token', entityId: row.id, entityLabel: row.name, changes: { role: { before: null, after: row.role } } });
  });
  return { ...toToken({ ...row, ownerId: row.userId, ownerName: ctx.principal.displayName, lastUsedAt: null, revokedAt: null }), token };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiToken> {
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
    const [row] = await tx.select(columns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, id));
    if (!row) throw notFound('令牌');
    if (updated) await recordAudit(tx, ctx.actor, ctx.now, { action: 'token.revoke', entityType: 'api_token', entityId: id, entityLabel: row.name });
    return toToken(row);
  });
}
