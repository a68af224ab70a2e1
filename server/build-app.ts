import Fastify, { type FastifyServerOptions } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';

/**
 * Censored in log lines: the credential headers, and a `phone` field of a logged object. Bodies are
 * never logged, so this is the safety net for a log call that passes a ticket, not the main defence.
 */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers["x-ticket-token"]', '*.phone'];

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(options: AppOptions, serverOptions: FastifyServerOptions = {}) {
  const fastify = Fastify({ ...fastifyOptions, ...serverOptions });
  await fastify.register(app, options);
  await fastify.ready();
  return fastify;
}
