import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The JSON API (`/api/…`) as an OpenAPI 3.1 document, made from the TypeBox schemas the routes already have:
 * `app.swagger()`, served by routes/api/docs.ts. Registered before any route, so that it sees them all; the H5 build
 * and Open311 (which has its own specification) are left out.
 */
async function swaggerPlugin(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '民生实事 · 鹰城 API',
        description:
          'JSON under /api. Every 4xx/5xx is { code, message, details? } with a Chinese message. Open311 GeoReport v2 is at /open311/v2/.',
        version: '1',
      },
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/') ? schema : { ...schema, hide: true },
      url,
    }),
  });
}

export default fp(swaggerPlugin, { name: 'swagger' });
