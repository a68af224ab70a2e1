import etag from '@fastify/etag';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from './config';
import auth from './plugins/auth';
import database from './plugins/database';
import errors from './plugins/errors';
import h5 from './plugins/h5';
import validation from './plugins/validation';
import authRoutes from './routes/api/auth';
import commitmentUpdateRoutes from './routes/api/commitment-updates';
import commitmentRoutes from './routes/api/commitments';
import healthRoutes from './routes/api/health';
import metaRoutes from './routes/api/meta';
import statsRoutes from './routes/api/stats';
import ticketRoutes from './routes/api/tickets';
import uploadRoutes from './routes/api/uploads';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    /** The server's clock: every rule that depends on today asks it, so tests can fix the date. */
    now: () => Date;
  }
}

export interface AppOptions {
  config: AppConfig;
  now?: () => Date;
}

/** The whole application as a plugin. It never listens: server.ts does, and tests use `app.inject`. */
async function app(fastify: FastifyInstance, { config, now }: AppOptions) {
  fastify.decorate('config', config);
  fastify.decorate('now', now ?? (() => new Date()));

  await fastify.register(errors);
  await fastify.register(validation);
  await fastify.register(etag, { weak: true });
  // Off by default: routes that need a limit set it in their `config.rateLimit`.
  await fastify.register(rateLimit, { global: false });
  await fastify.register(database, { databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await fastify.register(auth);

  await fastify.register(
    async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      await typed.register(healthRoutes);
      await typed.register(metaRoutes);
      await typed.register(commitmentRoutes);
      await typed.register(statsRoutes);
      await typed.register(ticketRoutes);
      await typed.register(uploadRoutes);
      await typed.register(authRoutes);
      await typed.register(commitmentUpdateRoutes);
    },
    { prefix: '/api' },
  );

  await fastify.register(h5, { h5Dir: config.h5Dir });
}

// Not encapsulated, so that server.ts and the tests see `db`, `config` and `now` on the instance they build.
export default fp(app, { name: 'app' });

/** Fastify options shared by the server and the tests. */
export const fastifyOptions = {
  routerOptions: { ignoreTrailingSlash: true },
  bodyLimit: 64 * 1024,
} as const;
