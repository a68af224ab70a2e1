import Fastify, { type FastifyServerOptions } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';

/**
 * Censored in log lines: the credential headers, and a `phone` (or WeChat identity) field of a logged object. Bodies are
 * never logged, so this is the safety net for a log call that passes a ticket, not the main defence.
 */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers["x-ticket-token"]',
  '*.phone',
  // WeChat's: who a citizen is to WeChat, and what must stay on the server.
  '*.openid',
  '*.touser',
  '*.session_key',
  '*.secret',
  '*.appSecret',
];

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(options: AppOptions, serverOptions: FastifyServerOptions = {}) {
  const fastify = Fastify({ ...fastifyOptions, ...serverOptions });
  await fastify.register(app, options);
  await fastify.ready();
  return fastify;
}
