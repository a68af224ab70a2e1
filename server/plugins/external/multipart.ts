import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { UPLOAD_MAX_BYTES } from '../../../src/domain/uploads';
import { AppError } from '../../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads multipart/form-data (a photo): every other route answers such a body with 415. */
    multipart?: boolean;
  }
}

/** multipart/form-data for the routes that take a photo: one file, and a few small fields at most. */
async function multipartPlugin(app: FastifyInstance) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
}

export default fp(multipartPlugin, { name: 'multipart' });

/**
 * 415 for a multipart body sent to a route that does not set `config.multipart`, as when no parser took it. The
 * validation plugin calls it first thing, so that it answers before any other check, as the parser would have.
 * An unknown path stays a 404.
 */
export function refuseUnexpectedMultipart(request: FastifyRequest): void {
  if (request.isMultipart() && !request.is404 && !request.routeOptions.config.multipart) {
    throw new AppError(415, 'unsupported_media_type');
  }
}
