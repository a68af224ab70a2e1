import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { docsPage } from '../../openapi/docs-page';

/** The document itself: OpenAPI 3.1, whatever else it holds. */
const OpenApiDocumentSchema = Type.Unsafe<ReturnType<FastifyInstance['swagger']>>({
  type: 'object',
  properties: {
    openapi: { type: 'string', const: '3.1.0' },
    info: { type: 'object', additionalProperties: true },
  },
  required: ['openapi', 'info', 'paths'],
  additionalProperties: true,
});

/** The JSON API described: `/api/openapi.json` for programs, `/api/docs` for people. */
const docsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/openapi.json',
    { schema: { response: { 200: OpenApiDocumentSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return app.swagger();
    },
  );

  app.get(
    '/docs',
    { schema: { produces: ['text/html'], response: { 200: Type.String() } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').send(docsPage(app.swagger()));
    },
  );
};

export default docsRoutes;
