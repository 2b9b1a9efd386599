import { describe, expect, it } from 'vitest';
import { createInvalidation, createReadCache } from './read-cache.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 2, 0, s));

function setup(opts: Partial<Parameters<typeof createReadCache<string>>[1]> = {}) {
  const invalidation = createInvalidation();
  invalidation.setLive(true);
  const cache = createReadCache<string>(invalidation, { topic: 'org', maxEntries: 3, maxAgeMs: 60_000, ...opts });
  let calls = 0;
  const produce = (v: string) => async () => {
    calls++;
    return v;
  };
  return { invalidation, cache, produce, calls: () => calls };
}

describe('read cache', () => {
  it('produces once and then serves the stored value', async () => {
    const { cache, produce, calls } = setup();
    expect(await cache.load('k', at(0), produce('a'))).toBe('a');
    expect(await cache.load('k', at(1), produce('b'))).toBe('a');
    expect(calls()).toBe(1);
  });

  it('drops entries when their topic is bumped, not when another topic is', async () => {
    const { cache, invalidation, produce } = setup();
    await cache.load('k', at(0), produce('a'));
    invalidation.bump('auth');
    expect(cache.get('k', at(1))).toBe('a');
    invalidation.bump('org');
    expect(cache.get('k', at(1))).toBeUndefined();
  });

  it('treats an unknown topic as a change to everything', async () => {
    const { cache, invalidation, produce } = setup();
    await cache.load('k', at(0), produce('a'));
    invalidation.bump('buildings');
    expect(cache.get('k', at(0))).toBeUndefined();
  });

  it('does not store a value read while a change committed', async () => {
    const { cache, invalidation } = setup();
    const value = await cache.load('k', at(0), async () => {
      invalidation.bump('org'); // the write commits while the read is in flight
      return 'old';
    });
    expect(value).toBe('old');
    expect(cache.get('k', at(0))).toBeUndefined();
  });

  it('is bypassed while the listener is down, including for reads that started before', async () => {
    const { cache, invalidation, produce, calls } = setup();
    await cache.load('k', at(0), produce('a'));
    invalidation.setLive(false);
    expect(await cache.load('k', at(0), produce('b'))).toBe('b');
    invalidation.setLive(true);
    expect(cache.get('k', at(0))).toBeUndefined(); // nothing from before or during the gap
    await cache.load('j', at(0), async () => {
      invalidation.setLive(false);
      invalidation.setLive(true);
      return 'x';
    });
    expect(cache.get('j', at(0))).toBeUndefined();
    expect(calls()).toBe(2);
  });

  it('expires entries after maxAge, and early when usableAt says so', async () => {
    const { cache, produce } = setup({ usableAt: (v, now) => v !== 'short' || now < at(10) });
    await cache.load('k', at(0), produce('a'));
    await cache.load('s', at(0), produce('short'));
    expect(cache.get('k', at(60))).toBe('a');
    expect(cache.get('s', at(9))).toBe('short');
    expect(cache.get('s', at(10))).toBeUndefined();
    expect(cache.get('k', at(61))).toBeUndefined();
  });

  it('stores no null and evicts the least recently stored beyond maxEntries', async () => {
    const { cache, produce } = setup();
    expect(await cache.load('none', at(0), async () => null)).toBeNull();
    expect(cache.size).toBe(0);
    for (const k of ['a', 'b', 'c', 'd']) await cache.load(k, at(0), produce(k));
    expect(cache.size).toBe(3);
    expect(cache.get('a', at(0))).toBeUndefined();
    expect(cache.get('d', at(0))).toBe('d');
  });

  it('never goes live by itself', async () => {
    const invalidation = createInvalidation();
    const cache = createReadCache<string>(invalidation, { topic: 'auth', maxEntries: 3, maxAgeMs: 60_000 });
    await cache.load('k', at(0), async () => 'a');
    expect(cache.size).toBe(0);
  });
});
