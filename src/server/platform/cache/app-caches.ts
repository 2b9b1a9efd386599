import type { Database } from '../../db/client.ts';
import type { Unsubscribe } from '../../db/notifications.ts';
import type { Principal } from '../access/principal.ts';
import type { TokenPrincipal } from '../auth/principal-store.ts';
import { createInvalidation, createReadCache, type Invalidation, type ReadCache } from './read-cache.ts';

export type SessionPrincipal = Principal & { expiresAt: Date };

// The caches one app instance keeps. `auth` is invalidated by changes to sessions, API tokens,
// users and their project assignments; `org` by changes to the group, companies and projects
// (triggers in migrations 0021 and 0023).
export type AppCaches = {
  invalidation: Invalidation;
  // Session principals by session id (the SHA-256 of the cookie secret, as stored).
  principals: ReadCache<SessionPrincipal>;
  // API-token principals by token hash.
  tokens: ReadCache<TokenPrincipal>;
  // Serialised organisation reads (UTF-8 JSON) by scope and request URL.
  org: ReadCache<Buffer>;
};

export function createAppCaches(): AppCaches {
  const invalidation = createInvalidation();
  return {
    invalidation,
    principals: createReadCache<SessionPrincipal>(invalidation, { topic: 'auth', maxEntries: 10_000, maxAgeMs: 60_000, usableAt: (p, now) => p.expiresAt > now }),
    tokens: createReadCache<TokenPrincipal>(invalidation, { topic: 'auth', maxEntries: 1_000, maxAgeMs: 60_000 }),
    org: createReadCache(invalidation, { topic: 'org', maxEntries: 2_000, maxAgeMs: 60_000 }),
  };
}

// Until this resolves the caches are bypassed; afterwards they follow the database's notifications.
export function followInvalidations(database: Database, caches: AppCaches): Promise<Unsubscribe> {
  return database.subscribeInvalidations({ message: (topic) => caches.invalidation.bump(topic), live: (up) => caches.invalidation.setLive(up) });
}
