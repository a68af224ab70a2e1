import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** SHA-1 in one call, in the weak form @fastify/etag gives (and the commitments' kept answers, commitment-cache.ts). */
export const weakEtagOf = (payload: string | Buffer) => `W/"${hash('sha1', payload, 'base64')}"`;

/** Whether the client's If-None-Match names this ETag, weak or strong (the comparison @fastify/etag makes). */
export function clientHas(asked: string | undefined, etag: string) {
  if (!asked) return false;
  return asked === etag || asked === `W/${etag}` || `W/${asked}` === etag;
}

/**
 * A weak ETag on every answer that may be kept, so that a client revalidating a list or a page gets a 304 with no
 * body; an answer set `no-store` (a staff queue, a ticket, a session) is never kept, so it is sent without hashing
 * it: a queue page is tens of kilobytes of JSON. A route that knows its ETag sets it, and is not hashed either.
 * In place of @fastify/etag's hook, which hashes every string answer, with the same 304s.
 */
async function etagPlugin(app: FastifyInstance) {
  app.addHook(
    'onSend',
    (
      request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (error: null, payload?: unknown) => void,
    ) => {
      let etag = reply.getHeader('etag');
      if (etag === undefined) {
        const cacheControl = reply.getHeader('cache-control');
        const kept = typeof cacheControl !== 'string' || !cacheControl.includes('no-store');
        if (!kept || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
          done(null);
          return;
        }
        etag = weakEtagOf(payload);
        reply.header('etag', etag);
      }
      if (typeof etag === 'string' && clientHas(request.headers['if-none-match'], etag)) {
        reply.code(304);
        done(null, '');
        return;
      }
      done(null);
    },
  );
}

export default fp(etagPlugin, { name: 'etag' });
