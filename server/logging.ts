import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream } from 'pino';

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
export function requestLine(
  method: string | undefined,
  url: string,
  host: string,
  remoteAddress: string | undefined,
) {
  return { method, url: url.replace(/([?&]api_key=)[^&]*/gi, '$1[Redacted]'), host, remoteAddress };
}

/** Fastify's request in a line that logs it whole (`{ req: request }`). */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) =>
    requestLine(request.method, request.url, request.host, request.ip),
};

/** Request ids as Fastify makes them (`req-1`, `req-2`, …): one sequence for Fastify and the front door. */
export function requestIds(): () => string {
  let last = 0;
  return () => {
    // Within V8's small integers, as Fastify's own.
    last = (last + 1) & 0x7fffffff;
    return `req-${last.toString(36)}`;
  };
}

const CENSORED = '[Redacted]';

/**
 * The logger's options: the level, the serializers, and LOG_REDACT. pino's redaction runs its wildcard paths
 * (`*.phone`) over every value of every line, strings included, which cost twice the rest of a request's line
 * (decision 012): those fields are censored here instead, one level down in each logged object as pino would,
 * copying only an object that holds one; the other paths stay pino's.
 */
export function loggerOptions(level: string, stream?: DestinationStream) {
  const fields = LOG_REDACT.filter((p) => p.startsWith('*.')).map((p) => p.slice(2));
  const options = {
    level,
    serializers: LOG_SERIALIZERS,
    redact: LOG_REDACT.filter((p) => !p.startsWith('*.')),
    formatters: { log: (object: Record<string, unknown>) => censorFields(object, fields) },
  };
  return stream ? { ...options, stream } : options;
}

/**
 * Where the listening server's lines go: standard output, in writes of 4 KB or more, and of what there is every
 * 100 ms and at exit. One write a line cost a kept reply a quarter of its time over raw `node:http` (decision 012);
 * a kill -9 loses at most the last 100 ms of lines.
 */
export function logDestination(): DestinationStream {
  const destination = pino.destination({
    dest: 1,
    sync: true,
    minLength: 4096,
    periodicFlush: 100,
  });
  process.once('exit', () => destination.flushSync());
  return destination;
}

function censorFields(object: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  let censored = object;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === null || typeof value !== 'object') continue;
    const found = fields.filter((field) => Object.hasOwn(value, field));
    if (found.length === 0) continue;
    // A copy with the same prototype and properties (an error keeps its message and stack), censored.
    const properties = Object.getOwnPropertyDescriptors(value);
    for (const field of found) {
      properties[field] = { value: CENSORED, enumerable: true, writable: true, configurable: true };
    }
    const copy: unknown = Object.create(Object.getPrototypeOf(value), properties);
    if (censored === object) censored = { ...object };
    censored[key] = copy;
  }
  return censored;
}

/**
 * One line a request, once it is answered: what it was, from whom, the status and how long it took (Fastify's
 * "request completed", with what its "incoming request" said), in place of Fastify's two. "incoming request" is
 * written at debug level, for a request that never gets its answer (LOG_LEVEL=debug).
 */
export class RequestLog extends LogController {
  incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const { method, url, host, remoteAddress } = LOG_SERIALIZERS.req(request);
    const line = { method, url, host, remoteAddress, statusCode: reply.statusCode };
    if (error) reply.log.error({ ...line, ms: reply.elapsedTime, err: error }, 'request errored');
    else reply.log.info({ ...line, ms: reply.elapsedTime }, 'request completed');
  }
}
