import fastifyEtag from '@fastify/etag';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A weak ETag on every answer, so that a client revalidating a list or a page gets a 304 with no body. */
async function etagPlugin(app: FastifyInstance) {
  await app.register(fastifyEtag, { weak: true });
}

export default fp(etagPlugin, { name: 'etag' });
