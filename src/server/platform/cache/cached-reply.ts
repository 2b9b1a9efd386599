import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ReadCache } from './read-cache.ts';

// Replies with a cached serialised read, or produces, serialises and caches it. Serialisation
// goes through the route's response schema exactly as the route's own serializer would (z.encode:
// unknown fields dropped), so a cached reply is byte-for-byte the uncached one. Kept as UTF-8
// bytes: a hit is written as is, without encoding the text again.
export async function replyCached<S extends z.ZodType>(
  reply: FastifyReply,
  cache: ReadCache<Buffer>,
  key: string,
  now: Date,
  schema: S,
  produce: () => Promise<z.output<S>>,
) {
  const json = cache.get(key, now) ?? (await cache.load(key, now, async () => Buffer.from(JSON.stringify(z.encode(schema, await produce())))));
  return reply.type('application/json; charset=utf-8').send(json);
}
