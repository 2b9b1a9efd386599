import { openPostgres } from '../../src/server/db/client.ts';
import { stats, type Stats } from './latency.ts';

// How long a committed change takes to reach another instance's caches: one connection pool
// (instance A) renames a project; a second pool's invalidation listener (instance B) hears the
// 'org' notification. Both are timed from the moment A sends the UPDATE, in one process (one
// clock): `write` until A's UPDATE returns (committed), `heard` until B's listener is told.
// The database must be migrated and hold at least one project.
export async function measureInvalidationLatency(url: string, samples = 200): Promise<{ write: Stats; heard: Stats }> {
  const a = await openPostgres(url, 2);
  const b = await openPostgres(url, 2);
  let waiting: ((at: number) => void) | null = null;
  const stop = await b.subscribeInvalidations({ message: (topic) => topic === 'org' && waiting?.(performance.now()), live: () => undefined });
  try {
    const { rows } = await a.executeSql('SELECT id, name FROM projects ORDER BY id LIMIT 1');
    const { id, name } = rows[0] as { id: string; name: string };
    const write: number[] = [];
    const heard: number[] = [];
    for (let i = 0; i <= samples; i++) {
      const told = new Promise<number>((resolve) => (waiting = resolve));
      const start = performance.now();
      await a.executeSql('UPDATE projects SET name = $1 WHERE id = $2', [i % 2 ? `${name} ` : name, id]);
      const committed = performance.now();
      const at = await told;
      if (i === 0) continue; // the first one warms the connections
      write.push(committed - start);
      heard.push(at - start);
    }
    return { write: stats(write), heard: stats(heard) };
  } finally {
    waiting = null;
    await stop();
    await b.close();
    await a.close();
  }
}
