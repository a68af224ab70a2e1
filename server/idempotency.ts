import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { idempotency, type Idempotency } from './repositories/idempotency';
import { UUID_PATTERN } from './schemas/tickets';

/*
 * The HTTP side of Idempotency-Key: reading the header and refusing a malformed one. What a key does (a resend
 * answered with the first answer) is the repositories' `createOnce`.
 */

/** The request's Idempotency-Key when it is a UUID; null when it is missing or malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && UUID_PATTERN.test(value.trim()) ? value.trim() : null;
}

/** The request's key with the fingerprint of `sent` (the body as it came, and what else the key is tied to). */
export function idempotencyOf(request: FastifyRequest, sent: unknown): Idempotency | null {
  const key = idempotencyKeyOf(request);
  return key === null ? null : idempotency(key, sent);
}

export function invalidIdempotencyKey(): AppError {
  return new AppError(400, 'invalid_idempotency_key', undefined, [
    { field: 'Idempotency-Key', message: '请求头 Idempotency-Key 应为一个 UUID' },
  ]);
}
