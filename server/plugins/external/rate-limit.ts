import fastifyRateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  type RateLimitOptions,
} from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';
import { runHourly } from '../../housekeeping';
import { countRequest, deleteExpiredRateLimits } from '../../repositories/rate-limits';

const MINUTE_MS = 60_000;

/**
 * @fastify/rate-limit's store on PostgreSQL (DATABASE_URL): every process counts in one table, so a client's 11th
 * request in the minute is refused whichever process it reaches (decision 016). The plugin makes it with `new` and
 * asks it for one per route (`child`), as its own stores: keys are prefixed with the route.
 */
function postgresRateLimitStore(app: FastifyInstance): FastifyRateLimitStoreCtor {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number = MINUTE_MS,
    ): void {
      countRequest(app.db, { key: `${this.prefix}${key}`, windowMs: timeWindow }).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // What the plugin passes at run time: the route's merged limits, the route itself under `routeInfo` (as its
      // own RedisStore reads it), not the RouteOptions its types say.
      const route: { method?: unknown; url?: unknown } =
        Reflect.get(routeOptions, 'routeInfo') ?? {};
      return new PostgresRateLimitStore(undefined, `${String(route.method)} ${String(route.url)} `);
    }
  };
}

/**
 * The plugin's own store in the process's memory (SQLite: one process), answering each request a copy of its count.
 * The plugin reads the count after an `await`, and its store answers the one record it keeps for a client: requests
 * that arrive together (new requests' keys are looked up together) all read the last one's count, so a burst of
 * six with a limit of three was refused whole.
 */
class MemoryRateLimitStore implements FastifyRateLimitStore {
  constructor(
    _options: unknown,
    private readonly store = new LocalStore(),
  ) {}

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow?: number,
    max?: number,
  ): void {
    this.store.incr(
      key,
      (error, result) => callback(error, result && { current: result.current, ttl: result.ttl }),
      timeWindow,
      max,
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    return new MemoryRateLimitStore(undefined, this.store.child(routeOptions));
  }
}

/**
 * Off by default: a route that needs a limit sets `config: { rateLimit: perMinute(...) }`. Counted in the process's
 * memory with SQLite (one process), in PostgreSQL with DATABASE_URL (any number of processes).
 */
async function rateLimitPlugin(app: FastifyInstance) {
  // Without the app's configuration (a test of this plugin alone), as with SQLite: the process's memory.
  const shared = app.hasDecorator('config') && app.config.databaseUrl !== undefined;
  await app.register(fastifyRateLimit, {
    global: false,
    store: shared ? postgresRateLimitStore(app) : MemoryRateLimitStore,
  });
  if (shared) runHourly(app, 'delete expired rate limits', () => deleteExpiredRateLimits(app.db));
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
