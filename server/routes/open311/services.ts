import type { FastifyPluginAsync } from 'fastify';
import { perMinute } from '../../plugins/external/rate-limit';
import { formatParam, notFound, sendOpen311, splitResource } from '../../open311/answer';
import { isServiceCode, serviceDefinition, serviceList } from '../../open311/services';

/** `GET services` and `GET services/{code}`: public, no key needed. */
const serviceRoutes: FastifyPluginAsync = async (app) => {
  const config = { rateLimit: perMinute(app.config.open311RateLimit) };

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
