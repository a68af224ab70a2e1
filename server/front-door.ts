import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyServerFactoryHandler } from 'fastify';
import { requestLine } from './logging';
import { clientReader } from './trust-proxy';

/** Answers a request itself (true), or leaves it to Fastify (false). */
export type FrontDoor = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The server's own door: a GET whose reply is kept (the commitments' list and detail, commitment-cache.ts) is sent
 * again as Fastify sent it, with the same log line, before Fastify routes it; every other request goes to Fastify.
 * Fastify's routing, hooks and reply cost more than the rest of such a request together (decision 012).
 */
export function frontDoor(app: FastifyInstance, nextRequestId: () => string): FrontDoor {
  const clientOf = clientReader(app.config.trustProxy);
  return (request, response) => {
    if (request.method !== 'GET') return false;
    const reply = app.commitmentCache.keptReply(request, app.now());
    if (!reply) return false;
    const start = performance.now();
    response.writeHead(reply.statusCode, reply.headers);
    response.end(reply.body);
    const { ip, host } = clientOf(request);
    app.log.info(
      {
        reqId: nextRequestId(),
        ...requestLine(request.method, request.url ?? '', host, ip),
        statusCode: reply.statusCode,
        ms: performance.now() - start,
        replayed: true,
      },
      'request completed',
    );
    return true;
  };
}

/**
 * Fastify's HTTP server (`serverFactory`), with a door in front: what Fastify makes when it is given no factory, the
 * same options and timeouts, its handler called for what `door()` leaves.
 */
export function serverWithFrontDoor(door: () => FrontDoor) {
  return (handler: FastifyServerFactoryHandler, opts: Record<string, unknown>): http.Server => {
    const options = opts as unknown as FastifyServerOptions;
    const server = http.createServer(options.http ?? {}, (request, response) => {
      if (!door()(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket > 0) {
      server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    }
    return server;
  };
}

/** The options Fastify passes its server factory: its own, with its defaults filled in. */
interface FastifyServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}
