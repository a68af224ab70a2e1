import type { Socket } from 'node:net';
import type {
  ConnectionError,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import fp from 'fastify-plugin';
import {
  ERROR_MESSAGES,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
} from '../../../src/domain/errors';
import { AppError } from '../../errors';

type SchemaError = NonNullable<FastifyError['validation']>[number];

/** The one error envelope, `{ code, message, details? }`, for every 4xx and 5xx the server sends. */
async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const body = toErrorBody(error);
    const status = statusOf(error);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: body.code, status }, 'request refused');
    }
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'route_not_found',
      message: `${ERROR_MESSAGES.route_not_found}：${request.method} ${request.url.split('?')[0]}`,
    } satisfies ErrorBody),
  );
}

/**
 * Fastify's own refusals, made before any route or hook: a URL it cannot decode (`/api/tickets/%`), a path part
 * longer than the router takes (414). The `frameworkErrors` server option (`fastifyOptions` in app.ts).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  request.log.info({ code: error.code, status }, 'request refused');
  const body: ErrorBody = {
    code: 'bad_request',
    message: tooLong ? '链接地址太长了，请检查后再试' : '链接地址有误，请检查后再试',
  };
  void reply.status(status).send(body);
}

/** What Node's HTTP server refuses by itself, before Fastify sees a request: status, and the envelope. */
function connectionRefusal(error: ConnectionError): [number, string, ErrorBody] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'Request Timeout', { code: 'timeout', message: '请求发送超时，请检查网络后重试' }];
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const body: ErrorBody = { code: 'bad_request', message: '请求头或链接太长了' };
    return [431, 'Request Header Fields Too Large', body];
  }
  return [400, 'Bad Request', { code: 'bad_request', message: ERROR_MESSAGES.bad_request }];
}

/**
 * A request the HTTP parser refused (a slow request past `requestTimeout`: 408; headers too large: 431; bytes that
 * are not HTTP: 400), answered with the envelope on the raw socket, which is then closed. The `clientErrorHandler`
 * server option.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  // A connection reset by the client: nobody is left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, body] = connectionRefusal(error);
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

function statusOf(error: FastifyError | AppError): number {
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function toErrorBody(error: FastifyError | AppError): ErrorBody {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details && { details: error.details }),
    };
  }
  if (error.validation) {
    const where = error.validationContext === 'querystring' ? 'query' : error.validationContext;
    return {
      code: 'validation_failed',
      message: ERROR_MESSAGES.validation_failed,
      details: error.validation.map((e) => toFieldError(e, where)),
    };
  }
  const code = codeOf(error);
  return { code, message: ERROR_MESSAGES[code] };
}

function codeOf(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return 'payload_too_large';
  }
  if (error instanceof SyntaxError) return 'invalid_json';
  const status = statusOf(error);
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  return status >= 500 ? 'internal_error' : 'bad_request';
}

/** A schema error as a person reads it: which field, and what is wrong with it, in Chinese. */
function toFieldError(error: SchemaError, where: string | undefined): FieldError {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  const field = path.join('.') || where || 'body';
  return { field, message: messageOf(error.keyword, params) };
}

function messageOf(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'required':
      return '必填';
    case 'minLength':
      return `至少 ${params.limit} 个字`;
    case 'maxLength':
      return `最多 ${params.limit} 个字`;
    case 'minimum':
      return `不能小于 ${params.limit}`;
    case 'maximum':
      return `不能大于 ${params.limit}`;
    case 'minItems':
      return `至少 ${params.limit} 项`;
    case 'maxItems':
      return `最多 ${params.limit} 项`;
    case 'additionalProperties':
      return '不支持这个字段';
    case 'enum':
    case 'const':
    case 'anyOf':
      return '不在可选范围内';
    case 'type':
      return `类型不正确，应为${TYPE_NAMES[String(params.type)] ?? params.type}`;
    default:
      return '格式不正确';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
};

export default fp(errorsPlugin, { name: 'errors' });
