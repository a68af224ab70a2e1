// @fastify/rate-limit's own in-memory store, which its package ships without types (server/plugins/external/rate-limit.ts).
declare module '@fastify/rate-limit/store/LocalStore' {
  import type { FastifyRateLimitStore } from '@fastify/rate-limit';

  interface LocalStore extends FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
      max?: number,
    ): void;
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): LocalStore;
  }
  const LocalStore: new () => LocalStore;
  export default LocalStore;
}
