import { hash } from 'node:crypto';
import fastifyEtag from '@fastify/etag';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A weak ETag on every answer, so that a client revalidating a list or a page gets a 304 with no body. */
async function etagPlugin(app: FastifyInstance) {
  // SHA-1 as the plugin's own, in one call: its hash object per answer cost more than a small answer's hashing.
  await app.register(fastifyEtag, {
    weak: true,
    hashFn: (payload) => hash('sha1', payload, 'base64'),
  });
}

export default fp(etagPlugin, { name: 'etag' });
