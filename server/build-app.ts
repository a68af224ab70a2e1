import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions } from 'fastify';
import app, { fastifyOptions, type AppOptions } from './app';
import type { AppConfig } from './config';
import { frontDoor, serverWithFrontDoor, type FrontDoor } from './front-door';
import { logDestination, loggerOptions, RequestLog, requestIds } from './logging';
import { fastifyTrustProxy } from './trust-proxy';

// The logger's settings live in logging.ts; these names stay for those who import them from here.
export { LOG_REDACT, LOG_SERIALIZERS } from './logging';

/** A ready application instance: for tests (`app.inject`) and for server.ts. */
export async function buildApp(
  options: AppOptions,
  serverOptions: FastifyHttpOptions<Server> = {},
) {
  const nextRequestId = requestIds();
  // Opened once the app is ready: it answers from the app's kept replies.
  let door: FrontDoor = () => false;
  const fastify = Fastify({
    ...fastifyOptions,
    // From the configuration, so that tests see what TRUST_PROXY does.
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    // One line a request, where Fastify writes two.
    logController: new RequestLog(),
    genReqId: nextRequestId,
    serverFactory: serverWithFrontDoor(() => door),
    ...serverOptions,
  });
  await fastify.register(app, options);
  await fastify.ready();
  door = frontDoor(fastify, nextRequestId);
  return fastify;
}

/** The options of the server that listens (server.ts, and the bench's copy of it): logger, timeouts, sizes. */
export function listeningOptions(config: AppConfig): FastifyHttpOptions<Server> {
  return {
    logger: loggerOptions(config.logLevel, logDestination()),
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    // Open311 clients ask for every open request by number in one URL (service_request_id=A,B,…): room for
    // tens of thousands, where Node allows 16 KiB of request line and headers by default.
    // Headers within requestTimeout too: Node enforces requestTimeout (a 408) only when its headersTimeout
    // (60 s by default) is no longer.
    http: { maxHeaderSize: 1024 * 1024, headersTimeout: 30_000 },
  };
}
