import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';
import { findApiKey, findApiKeyAllowing, type ApiKey } from '../../repositories/api-keys';

/** A preHandler of the Open311 routes: throws a 403 or lets the request through with `request.system` set. */
export type SystemGuard = (request: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Filing a request: 403 without a live `api_key`; sets `request.system`. */
    requireSystemKey: SystemGuard;
    /**
     * Reading requests: a live `api_key`, or an address on a live key's allow-list (clients such as FixMyStreet's
     * send the key on POST only); 403 otherwise, and for a key that is wrong or revoked wherever it comes from.
     */
    requireSystem: SystemGuard;
  }
  interface FastifyRequest {
    /** The system calling an Open311 route, by its key: set by the guards above. */
    system: ApiKey | null;
  }
}

/** `api_key` from the query string or the form body; an empty one (as some clients send) is none. */
function apiKeyOf(request: FastifyRequest): string | null {
  for (const source of [request.query, request.body]) {
    if (typeof source !== 'object' || source === null) continue;
    const value = (source as Record<string, unknown>).api_key;
    const key = Array.isArray(value) ? value[0] : value;
    if (typeof key === 'string' && key.trim() !== '') return key.trim();
  }
  return null;
}

const MISSING = '缺少 api_key';
const WRONG = 'api_key 无效或已吊销';
const NOT_ALLOWED = '需要 api_key，或从密钥允许的地址访问';

/** The systems that exchange requests with us (Open311), known by their API keys (`npm run api-key`). */
async function systemsPlugin(app: FastifyInstance) {
  app.decorateRequest('system', null);

  async function byKey(request: FastifyRequest, key: string): Promise<void> {
    const system = await findApiKey(app.db, { key });
    if (!system) throw new AppError(403, 'forbidden', WRONG);
    request.system = system;
  }

  app.decorate('requireSystemKey', async (request: FastifyRequest) => {
    const key = apiKeyOf(request);
    if (!key) throw new AppError(403, 'forbidden', MISSING);
    await byKey(request, key);
  });

  app.decorate('requireSystem', async (request: FastifyRequest) => {
    const key = apiKeyOf(request);
    if (key) return byKey(request, key);
    const system = await findApiKeyAllowing(app.db, { address: request.ip });
    if (!system) throw new AppError(403, 'forbidden', NOT_ALLOWED);
    request.system = system;
  });
}

export default fp(systemsPlugin, { name: 'systems', dependencies: ['database'] });
