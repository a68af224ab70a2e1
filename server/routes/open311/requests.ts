import type { FastifyPluginAsync } from 'fastify';
import { parseHandoverInput } from '../../../src/domain/handover';
import { idempotencyOf } from '../../idempotency';
import {
  formatParam,
  notFound,
  Open311Error,
  open311Error,
  sendOpen311,
  splitResource,
} from '../../open311/answer';
import { handoverQueryOf, originOf, paramsOf } from '../../open311/query';
import {
  handoverFields,
  listParam,
  param,
  PARAMETER_NAMES,
  toCreatedRequest,
  toServiceRequest,
} from '../../open311/requests';
import { isServiceCode } from '../../open311/services';
import { perMinute } from '../../plugins/external/rate-limit';
import {
  createTicket,
  findTicketsByNumbers,
  findTicketsFiled,
  TICKET_NOS_MAX,
} from '../../repositories/tickets';

/** `POST requests` files a request as the app does; `GET requests` and `GET requests/{id}` read them. */
const requestRoutes: FastifyPluginAsync = async (app) => {
  const perSystem = perMinute(app.config.open311RateLimit, { per: (r) => r.system?.id ?? r.ip });

  app.post<{ Params: { format: string } }>(
    '/requests.:format',
    { preHandler: app.requireSystemKey, config: { formBody: true, rateLimit: perSystem } },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const body = paramsOf(request.body);
      const code = param(body, 'service_code')?.trim();
      if (!code) throw open311Error(400, 'service_code: 必填');
      if (!isServiceCode(code)) throw open311Error(404, `service_code: 没有这个服务：${code}`);
      const input = parseHandoverInput(handoverFields({ ...body, service_code: code }));
      if (!input.ok) {
        throw new Open311Error(
          400,
          input.errors.map((e) => ({
            code: 400,
            description: `${PARAMETER_NAMES[e.field] ?? e.field}: ${e.message}`,
          })),
        );
      }
      const system = request.system!;
      const { email, ...ticketInput } = input.value;
      const result = await createTicket(app.db, {
        input: ticketInput,
        // Optional here: a client that sends one gets its first answer again when it retries.
        idempotency: idempotencyOf(request, { system: system.id, body }),
        now: app.now(),
        source: { keyId: system.id, system: system.name, ...(email && { email }) },
      });
      if (result.kind === 'idempotency_key_reused') {
        throw open311Error(422, 'Idempotency-Key: 这个请求编号已用于另一条诉求');
      }
      if (result.kind === 'validation_failed') {
        throw new Open311Error(
          400,
          result.errors.map((e) => ({ code: 400, description: `${e.field}: ${e.message}` })),
        );
      }
      return sendOpen311(reply, format, 'service_requests', toCreatedRequest(result.ticket));
    },
  );

  app.get<{ Params: { format: string } }>(
    '/requests.:format',
    { preHandler: app.requireSystem, config: { rateLimit: perSystem } },
    async (request, reply) => {
      const format = formatParam(request.params.format);
      const query = paramsOf(request.query);
      const ids = listParam(query, 'service_request_id');
      if (ids.length > TICKET_NOS_MAX) {
        throw open311Error(400, `service_request_id: 一次最多 ${TICKET_NOS_MAX} 个`);
      }
      // A list of ids overrides every other filter.
      const filters = ids.length > 0 ? null : handoverQueryOf(query, app.now());
      const tickets =
        ids.length > 0
          ? await findTicketsByNumbers(app.db, { ticketNos: ids })
          : filters
            ? await findTicketsFiled(app.db, { query: filters })
            : [];
      const origin = originOf(request);
      const answer = tickets.map((ticket) => toServiceRequest(ticket, origin));
      return sendOpen311(reply, format, 'service_requests', answer);
    },
  );

  app.get<{ Params: { file: string } }>(
    '/requests/:file',
    { preHandler: app.requireSystem, config: { rateLimit: perSystem } },
    async (request, reply) => {
      const { name, format } = splitResource(request.params.file);
      const [ticket] = await findTicketsByNumbers(app.db, { ticketNos: [name] });
      if (!ticket) throw notFound(`没有这条诉求：${name}`);
      const answer = [toServiceRequest(ticket, originOf(request))];
      return sendOpen311(reply, format, 'service_requests', answer);
    },
  );
};

export default requestRoutes;
