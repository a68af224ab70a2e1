import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads application/x-www-form-urlencoded (Open311 POSTs): every other route answers it with 415. */
    formBody?: boolean;
  }
}

/**
 * application/x-www-form-urlencoded, as Open311 clients post (UTF-8, with or without a charset parameter). Keys are
 * kept as sent, `attribute[district]` with its brackets; a key sent twice (`media_url`) gives a list.
 */
async function formbodyPlugin(app: FastifyInstance) {
  await app.register(fastifyFormbody);
}

export default fp(formbodyPlugin, { name: 'formbody' });

/** 415 for a form body sent to a route that does not set `config.formBody`, as when no parser took it. */
export function refuseUnexpectedFormBody(request: FastifyRequest): void {
  const type = request.headers['content-type'] ?? '';
  const form = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
  if (form && !request.is404 && !request.routeOptions.config.formBody) {
    throw new AppError(415, 'unsupported_media_type');
  }
}
