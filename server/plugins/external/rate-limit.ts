import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';

/** Off by default: a route that needs a limit sets `config: { rateLimit: perMinute(...) }`. */
async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(fastifyRateLimit, { global: false });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });

export interface PerMinuteOptions {
  /** The 429's message; the envelope's usual one when left out. */
  message?: string;
  /** Requests that never count against the limit. */
  allowList?: (request: FastifyRequest) => Promise<boolean>;
  /**
   * Count per this instead of per client address (an Open311 system's key): counted after the route's preHandler,
   * which tells who the caller is.
   */
  per?: (request: FastifyRequest) => string;
}

/**
 * A route's `config.rateLimit`: at most `max` requests a minute from one client address (or per `per`), then the
 * 429 envelope.
 * The address is the socket's, or X-Forwarded-For's when TRUST_PROXY says a proxy sets it.
 */
export function perMinute(
  max: number,
  { message, allowList, per }: PerMinuteOptions = {},
): RateLimitOptions {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: per ?? ((request) => request.ip),
    ...(per && { hook: 'preHandler' as const }),
    ...(allowList && { allowList }),
    errorResponseBuilder: () => new AppError(429, 'rate_limited', message),
  };
}
