// In-process caches for hot reads (the signed-in principal, organisation lists), kept correct
// across instances by invalidation notifications (db/notifications.ts).
//
// Each topic has a generation. A notification for a topic bumps it, which makes every entry
// stored under an older generation a miss. A read records the generation before it queries
// and stores its result only if no bump happened meanwhile, so a read that overlapped a write
// can never store what the write replaced. While the notification listener is down, every
// cache is bypassed: no notification can be missed while an entry is served.
export type Topic = 'auth' | 'org';
export const TOPICS: readonly Topic[] = ['auth', 'org'];

export type Invalidation = {
  generation(topic: Topic): number;
  // An unknown topic bumps all (a notification this version does not know must not be ignored).
  bump(topic: string): void;
  readonly live: boolean;
  setLive(up: boolean): void;
};

export function createInvalidation(): Invalidation {
  const generations = new Map<Topic, number>(TOPICS.map((t) => [t, 0]));
  let live = false;
  const bumpAll = () => TOPICS.forEach((t) => generations.set(t, generations.get(t)! + 1));
  return {
    generation: (topic) => generations.get(topic)!,
    bump: (topic) => {
      if (generations.has(topic as Topic)) generations.set(topic as Topic, generations.get(topic as Topic)! + 1);
      else bumpAll();
    },
    get live() {
      return live;
    },
    setLive: (up) => {
      bumpAll(); // whatever happened while down (or before the first subscription) is unknown
      live = up;
    },
  };
}

// `usableAt` can retire an entry early (a session's expiry).
export type ReadCacheOptions<V> = { topic: Topic; maxEntries: number; maxAgeMs: number; usableAt?: (value: V, now: Date) => boolean };
type Entry<V> = { value: V; generation: number; storedAt: number };

export type ReadCache<V> = {
  get(key: string, now: Date): V | undefined;
  // The cached value, or produce() stored under the generation seen before it ran. A produced
  // null (nothing found) is returned but not stored.
  load<P extends V | null>(key: string, now: Date, produce: () => Promise<P>): Promise<V | P>;
  readonly size: number;
};

export function createReadCache<V>(invalidation: Invalidation, opts: ReadCacheOptions<V>): ReadCache<V> {
  const entries = new Map<string, Entry<V>>();
  const get = (key: string, now: Date): V | undefined => {
    if (!invalidation.live) return undefined;
    const e = entries.get(key);
    if (!e) return undefined;
    // maxAge bounds staleness even if a notification were lost without the connection dropping.
    const stale = e.generation !== invalidation.generation(opts.topic) || now.getTime() - e.storedAt > opts.maxAgeMs;
    if (stale || (opts.usableAt && !opts.usableAt(e.value, now))) {
      entries.delete(key);
      return undefined;
    }
    return e.value;
  };
  return {
    get,
    async load(key, now, produce) {
      const hit = get(key, now);
      if (hit !== undefined) return hit;
      const generation = invalidation.generation(opts.topic);
      const wasLive = invalidation.live;
      const value = await produce();
      if (value !== null && wasLive && invalidation.live && invalidation.generation(opts.topic) === generation) {
        entries.delete(key); // re-insert at the end: Map order is the eviction order
        entries.set(key, { value: value as V, generation, storedAt: now.getTime() });
        if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
