import type { DataScope, Role } from '../../../common/roles.ts';
import type { Database } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';

type PrincipalRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope: string;
  company_id: string | null;
  team_id: string | null;
  project_ids: string[] | null;
  expires_at: Date | string;
  token_id?: string;
  last_used_at?: Date | string | null;
};

function toPrincipal(r: PrincipalRow, kind: Principal['kind']): Principal {
  return {
    kind,
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    scope: r.scope as DataScope,
    companyId: r.company_id,
    teamId: r.team_id,
    projectIds: r.project_ids ?? [],
  };
}

const PROJECT_IDS = `coalesce((SELECT array_agg(up.project_id::text) FROM user_projects up WHERE up.user_id = u.id), '{}'::text[]) AS project_ids`;

// Runs on every request, so it is one prepared statement: the session, its user and the user's
// project assignments in one round trip.
const SESSION_SQL = `SELECT u.id, u.username, u.display_name, u.role, u.scope, u.company_id, u.team_id, s.expires_at, ${PROJECT_IDS}
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.expires_at > $2 AND u.active`;

const TOKEN_SQL = `SELECT u.id, u.username, u.display_name, t.role, u.scope, u.company_id, u.team_id, t.id AS token_id, t.last_used_at,
    now() AS expires_at, ${PROJECT_IDS}
  FROM api_tokens t JOIN users u ON u.id = t.user_id
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`;

export async function principalForSession(database: Database, sessionId: string, now: Date): Promise<(Principal & { expiresAt: Date }) | null> {
  const { rows } = await database.executePrepared('principal_for_session', SESSION_SQL, [sessionId, now.toISOString()]);
  const r = rows[0] as PrincipalRow | undefined;
  if (!r) return null;
  return { ...toPrincipal(r, 'user'), sessionId, expiresAt: new Date(r.expires_at) };
}

export type TokenPrincipal = Principal & { tokenId: string; lastUsedAt: number };

// An API token acts with its own role inside its owner's organisation and data scope.
export async function principalForToken(database: Database, tokenHash: string): Promise<TokenPrincipal | null> {
  const { rows } = await database.executePrepared('principal_for_token', TOKEN_SQL, [tokenHash]);
  const r = rows[0] as PrincipalRow | undefined;
  if (!r) return null;
  return { ...toPrincipal(r, 'token'), tokenId: r.token_id!, lastUsedAt: r.last_used_at ? new Date(r.last_used_at).getTime() : 0 };
}

// Records use at most once a minute per token, so integrations do not write on every call. The
// principal (cached or not) remembers the last recorded use.
export async function noteTokenUse(database: Database, p: TokenPrincipal, now: Date) {
  if (now.getTime() - p.lastUsedAt <= 60_000) return;
  p.lastUsedAt = now.getTime();
  await database.executeSql('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [now.toISOString(), p.tokenId]);
}
