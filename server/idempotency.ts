import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { UUID_PATTERN } from './schemas/tickets';

/** The request's Idempotency-Key when it is a UUID; null when it is missing or malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && UUID_PATTERN.test(value.trim()) ? value.trim() : null;
}

export function invalidIdempotencyKey(): AppError {
  return new AppError(400, 'invalid_idempotency_key', undefined, [
    { field: 'Idempotency-Key', message: '请求头 Idempotency-Key 应为一个 UUID' },
  ]);
}

/** Canonical JSON (keys sorted at every level), so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
