import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

// Cache invalidation travels as PostgreSQL notifications on one channel. Triggers on the tables
// that cached reads depend on send the topic ('auth', 'org') when a change commits.
export const INVALIDATION_CHANNEL = 'keyuan_cache';

// `message` gets each topic; `live(false)` means notifications may be missed from now on (the
// listener lost its connection), `live(true)` that they are being received again.
export type InvalidationHandlers = { message(topic: string): void; live(up: boolean): void };
export type Unsubscribe = () => Promise<void>;
// How the dedicated listener connection shows in pg_stat_activity.
export const LISTENER_APPLICATION_NAME = 'keyuan-invalidation-listener';

// Fans notifications out to the subscribers of one database.
export type InvalidationHub = { emit(topic: string): void; subscribers: Set<InvalidationHandlers> };

export function createHub(): InvalidationHub {
  const subscribers = new Set<InvalidationHandlers>();
  return { subscribers, emit: (topic) => subscribers.forEach((s) => s.message(topic)) };
}

// Every pooled connection listens too. PostgreSQL delivers a session's own notifications before
// the command that caused them completes, so a write through this pool has invalidated this
// process's caches by the time its `await` returns (read-your-writes without waiting for the
// dedicated listener). Pass as the pool's `onConnect`, which runs before a client is handed out.
export function listenOnConnect(hub: InvalidationHub) {
  return async (client: pg.ClientBase) => {
    client.on('notification', (n) => {
      if (n.channel === INVALIDATION_CHANNEL) hub.emit(n.payload ?? '');
    });
    await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  };
}

// Pooled connections come and go (idle ones are closed), so one dedicated connection holds the
// subscription for notifications from other instances. When it drops, subscribers are told
// (caches then bypass themselves) and it reconnects with backoff.
export function subscribePostgres(url: string, hub: InvalidationHub, handlers: InvalidationHandlers): Promise<Unsubscribe> {
  hub.subscribers.add(handlers);
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = 250;
  let timer: NodeJS.Timeout | null = null;

  const lost = () => {
    if (closed) return;
    handlers.live(false);
    client = null;
    timer = setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const connect = async (): Promise<void> => {
    // TCP keep-alive so a silently dead connection ends (and the caches bypass themselves) within
    // minutes rather than hours; the 60-second entry age bounds staleness meanwhile.
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: LISTENER_APPLICATION_NAME, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    c.on('error', () => undefined); // 'end' follows; handled there
    c.on('notification', (n) => {
      if (n.channel === INVALIDATION_CHANNEL) hub.emit(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch {
      await c.end().catch(() => undefined);
      return lost();
    }
    if (closed) return void (await c.end().catch(() => undefined));
    client = c;
    retryMs = 250;
    c.once('end', () => {
      if (client === c) lost();
    });
    handlers.live(true);
  };

  return connect().then(() => async () => {
    closed = true;
    hub.subscribers.delete(handlers);
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  });
}

// PGlite is one in-process connection: notifications arrive with the result of the command that
// caused them, and the subscription cannot drop.
export async function subscribePglite(db: PGlite, handlers: InvalidationHandlers): Promise<Unsubscribe> {
  const unlisten = await db.listen(INVALIDATION_CHANNEL, (topic) => handlers.message(topic));
  handlers.live(true);
  return () => unlisten();
}
