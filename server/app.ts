import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from './config';
import auth from './plugins/app/auth';
import citizens from './plugins/app/citizens';
import commitmentCache from './plugins/app/commitment-cache';
import database from './plugins/app/database';
import errors, { clientErrorHandler, frameworkErrors } from './plugins/app/errors';
import photos from './plugins/app/photos';
import validation from './plugins/app/validation';
import wechat from './plugins/app/wechat';
import systems from './plugins/app/systems';
import etag from './plugins/app/etag';
import formbody from './plugins/external/formbody';
import multipart from './plugins/external/multipart';
import rateLimit from './plugins/external/rate-limit';
import staticFiles from './plugins/external/static';
import swagger from './plugins/external/swagger';
import authRoutes from './routes/api/auth';
import citizenRoutes from './routes/api/citizen';
import commitmentUpdateRoutes from './routes/api/commitment-updates';
import commitmentRoutes from './routes/api/commitments';
import docsRoutes from './routes/api/docs';
import exportRoutes from './routes/api/exports';
import figuresRoutes from './routes/api/figures';
import healthRoutes from './routes/api/health';
import metaRoutes from './routes/api/meta';
import progressImportRoutes from './routes/api/progress-imports';
import statsRoutes from './routes/api/stats';
import ticketAccessRoutes from './routes/api/ticket-access';
import ticketRoutes from './routes/api/tickets';
import uploadRoutes from './routes/api/uploads';
import open311Routes from './routes/open311';

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

  // A route keeps the error handler, validators and hooks in place when it is added, so the envelope and the
  // request checks come before any route, the third-party ones (the H5 build's) included.
  await fastify.register(errors);
  await fastify.register(validation);
  // ETags and 304s on every answer that may be kept, the H5 build's included.
  await fastify.register(etag);

  // Third-party plugins, each with our options (plugins/external/).
  await fastify.register(rateLimit);
  await fastify.register(multipart);
  await fastify.register(formbody);
  await fastify.register(swagger);
  await fastify.register(staticFiles);

  // Ours (plugins/app/): they decorate the instance for the routes.
  await fastify.register(database);
  await fastify.register(photos);
  await fastify.register(commitmentCache);
  await fastify.register(auth);
  await fastify.register(systems);
  await fastify.register(citizens);
  await fastify.register(wechat);

  await fastify.register(
    async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      await typed.register(healthRoutes);
      await typed.register(docsRoutes);
      await typed.register(metaRoutes);
      await typed.register(commitmentRoutes);
      await typed.register(statsRoutes);
      await typed.register(ticketRoutes);
      await typed.register(ticketAccessRoutes);
      await typed.register(citizenRoutes);
      await typed.register(uploadRoutes);
      await typed.register(authRoutes);
      await typed.register(commitmentUpdateRoutes);
      await typed.register(progressImportRoutes);
      await typed.register(exportRoutes);
      await typed.register(figuresRoutes);
    },
    { prefix: '/api' },
  );

  // Open311 GeoReport v2 for the city's 12345 system: clients append services.xml and so on to this root.
  await fastify.register(open311Routes, { prefix: '/open311/v2' });
}

// Not encapsulated, so that server.ts and the tests see `db`, `config` and `now` on the instance they build.
export default fp(app, { name: 'app' });

/** Fastify options shared by the server and the tests. */
export const fastifyOptions = {
  routerOptions: { ignoreTrailingSlash: true },
  bodyLimit: 64 * 1024,
  // Booting includes the migrations of a new release: processes started together wait their turn (10 s by default).
  pluginTimeout: 120_000,
  // Fastify's and Node's own refusals (a bad URL, 414, 408, 431) in the one envelope too.
  frameworkErrors,
  clientErrorHandler,
} as const;
