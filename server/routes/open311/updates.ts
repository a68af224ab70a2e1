import type { FastifyPluginAsync } from 'fastify';
import { perMinute } from '../../plugins/external/rate-limit';
import { formatParam, sendOpen311 } from '../../open311/answer';
import { toW3c } from '../../open311/dates';
import { paramsOf, windowOf } from '../../open311/query';
import { UPDATE_STATUSES } from '../../open311/requests';
import { findTicketUpdates } from '../../repositories/tickets';

/**
 * `GET servicerequestupdates` (mySociety's extension): every step of our lifecycle after the filing (dispatch,
 * start, reply, resolve, a reopening) in the window, each once with a stable `update_id`.
 */
const updateRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { format: string } }>(
    '/servicerequestupdates.:format',
    {
      preHandler: app.requireSystem,
      config: {
        rateLimit: perMinute(app.config.open311RateLimit, { per: (r) => r.system?.id ?? r.ip }),
      },
    },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const window = windowOf(paramsOf(request.query), app.now(), 1);
      const updates = await findTicketUpdates(app.db, { window });
      const answer = updates.map((u) => ({
        update_id: u.id,
        service_request_id: u.ticketNo,
        status: UPDATE_STATUSES[u.status],
        updated_datetime: toW3c(u.createdAt),
        description: u.note,
      }));
      return sendOpen311(reply, format, 'service_requests_updates', answer);
    },
  );
};

export default updateRoutes;
