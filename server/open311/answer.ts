import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { AppError } from '../errors';
import { xmlDocument, type Open311Value } from './xml';

/** The two formats, chosen by the resource's extension: `services.xml`, `services.json`. */
export type Open311Format = 'xml' | 'json';

/** An error of the Open311 errors body: the HTTP status as its code, and what went wrong. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** A refusal, answered as `<errors><error><code>…</code><description>…</description></error></errors>`. */
export class Open311Error extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}

export function open311Error(statusCode: number, description: string): Open311Error {
  return new Open311Error(statusCode, [{ code: statusCode, description }]);
}

export function notFound(what = '没有这个资源'): Open311Error {
  return open311Error(404, what);
}

/** The format a path asks for: its extension; XML when it has none that we know, as XML is the required one. */
export function formatOfPath(url: string): Open311Format {
  return url.split('?')[0].endsWith('.json') ? 'json' : 'xml';
}

/** `requests/PDS20261130-0042.json` → the id and the format; 404 without a known extension. */
export function splitResource(file: string): { name: string; format: Open311Format } {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  if (!match) throw notFound();
  return { name: match[1], format: match[2] as Open311Format };
}

/** `format` as a route parameter (`services.:format`): xml or json, else 404. */
export function formatParam(format: string): Open311Format {
  if (format !== 'xml' && format !== 'json') throw notFound();
  return format;
}

/**
 * Sends an answer: `value` as JSON, or as XML under `root` (a list becomes one element per item). UTF-8 either way;
 * answers about requests are never cached by a proxy.
 */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  root: string,
  value: Open311Value,
): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (format === 'json') {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  }
  return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, value));
}

/** Any error of an Open311 route as the errors body, in the format its path asks for. */
export function sendOpen311Error(
  error: FastifyError | AppError | Open311Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const body = toOpen311Error(error);
  if (body.statusCode >= 500) request.log.error({ err: error }, 'open311 request failed');
  else request.log.info({ status: body.statusCode }, 'open311 request refused');
  const errors = body.errors.map(({ code, description }) => ({ code, description }));
  return sendOpen311(reply.status(body.statusCode), formatOfPath(request.url), 'errors', errors);
}

function toOpen311Error(error: FastifyError | AppError | Open311Error): Open311Error {
  if (error instanceof Open311Error) return error;
  const raw = error.statusCode ?? 500;
  const status = raw >= 400 && raw < 600 ? raw : 500;
  if (status >= 500) return open311Error(500, ERROR_MESSAGES.internal_error);
  if (error instanceof AppError && error.details?.length) {
    return new Open311Error(
      status,
      error.details.map((d) => ({ code: status, description: `${d.field}: ${d.message}` })),
    );
  }
  if (error instanceof AppError) return open311Error(status, error.message);
  const messages: Record<number, string> = {
    413: ERROR_MESSAGES.payload_too_large,
    415: ERROR_MESSAGES.unsupported_media_type,
    429: ERROR_MESSAGES.rate_limited,
  };
  return open311Error(status, messages[status] ?? ERROR_MESSAGES.bad_request);
}
