import type { FastifyPluginAsync } from 'fastify';
import { perMinute } from '../../plugins/external/rate-limit';
import { formatParam, notFound, sendOpen311, splitResource } from '../../open311/answer';
import { originOf } from '../../open311/query';
import { discovery, isServiceCode, serviceDefinition, serviceList } from '../../open311/services';

/** The root and `GET discovery`, `GET services` and `GET services/{code}`: public, no key needed. */
const serviceRoutes: FastifyPluginAsync = async (app) => {
  const config = { rateLimit: perMinute(app.config.open311RateLimit) };

  // The root itself, as a person or a client first opens it: the service discovery document.
  app.get('/', { config }, async (request, reply) =>
    sendOpen311(reply, 'xml', 'discovery', discovery(originOf(request))),
  );

  app.get<{ Params: { format: string } }>(
    '/discovery.:format',
    { config },
    async (request, reply) =>
      sendOpen311(
        reply,
        formatParam(request.params.format),
        'discovery',
        discovery(originOf(request)),
      ),
  );

  app.get<{ Params: { format: string } }>('/services.:format', { config }, async (request, reply) =>
    sendOpen311(reply, formatParam(request.params.format), 'services', serviceList()),
  );

  app.get<{ Params: { file: string } }>('/services/:file', { config }, async (request, reply) => {
    const { name, format } = splitResource(request.params.file);
    if (!isServiceCode(name)) throw notFound(`没有这个服务：${name}`);
    return sendOpen311(reply, format, 'service_definition', serviceDefinition(name));
  });
};

export default serviceRoutes;
