import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';
import { logRequests } from './logging';
import { fastifyTrustProxy } from './trust-proxy';

// The logger's settings live in logging.ts; these names stay for those who import them from here.
export { LOG_REDACT, LOG_SERIALIZERS } from './logging';

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(
  options: AppOptions,
  serverOptions: FastifyHttpOptions<Server> = {},
) {
  const fastify = Fastify({
    ...fastifyOptions,
    // From the configuration, so that tests see what TRUST_PROXY does.
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    // Fastify's two lines a request: one of ours instead (logRequests).
    disableRequestLogging: true,
    ...serverOptions,
  });
  logRequests(fastify);
  await fastify.register(app, options);
  await fastify.ready();
  return fastify;
}
