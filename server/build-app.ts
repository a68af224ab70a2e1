import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyRequest } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';
import { fastifyTrustProxy } from './trust-proxy';

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

/** A request in a log line, its URL without the `api_key` an Open311 client may send in the query string. */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.url.replace(/([?&]api_key=)[^&]*/gi, '$1[Redacted]'),
    host: request.host,
    remoteAddress: request.ip,
  }),
};

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(
  options: AppOptions,
  serverOptions: FastifyHttpOptions<Server> = {},
) {
  const fastify = Fastify({
    ...fastifyOptions,
    // From the configuration, so that tests see what TRUST_PROXY does.
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    ...serverOptions,
  });
  await fastify.register(app, options);
  await fastify.ready();
  return fastify;
}
