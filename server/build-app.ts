import Fastify, { type FastifyServerOptions } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';

/** What never reaches a log line: credentials, ticket tokens, phone numbers. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers["x-ticket-token"]', '*.phone'];

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(options: AppOptions, serverOptions: FastifyServerOptions = {}) {
  const fastify = Fastify({ ...fastifyOptions, ...serverOptions });
  await fastify.register(app, options);
  await fastify.ready();
  return fastify;
}
