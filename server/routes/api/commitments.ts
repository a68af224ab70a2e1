import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Commitment } from '../../../src/domain/commitment';
import type { CachedAnswer } from '../../commitment-cache';
import { notFound } from '../../errors';
import { findCommitmentUpdates } from '../../repositories/commitment-updates';
import {
  CommitmentDetailSchema,
  CommitmentIdParamsSchema,
  CommitmentListQuerySchema,
  CommitmentPageSchema,
} from '../../schemas/commitments';
import { errorResponses } from '../../schemas/common';

const commitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/commitments',
    {
      schema: {
        querystring: CommitmentListQuerySchema,
        response: { 200: CommitmentPageSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { category, status, q, limit, cursor } = request.query;
      const key = JSON.stringify(['list', category, status, q, limit, cursor]);
      const answer = await app.commitmentCache.answer(key, app.now(), async ({ commitments }) => {
        // Status depends on the moment, so it is derived with the rest, never stored (decision 003).
        const matching = commitments.filter(
          (c) =>
            (!category || c.category === category) &&
            (!status || c.status === status) &&
            (!q || matchesText(c, q)),
        );
        // The cursor is a position in this ordered list (the report's order), which is stable.
        const start = cursor ? Number(cursor) : 0;
        const items = matching.slice(start, start + limit);
        const next = start + items.length;
        return reply.serialize({
          items,
          nextCursor: next < matching.length ? String(next) : null,
          total: matching.length,
        });
      });
      return sendKept(reply, answer!);
    },
  );

  app.get(
    '/commitments/:id',
    {
      schema: {
        params: CommitmentIdParamsSchema,
        response: { 200: CommitmentDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const answer = await app.commitmentCache.answer(
        JSON.stringify(['detail', id]),
        app.now(),
        async ({ byId }) => {
          const commitment = byId.get(id);
          if (!commitment) return null;
          const updates = await findCommitmentUpdates(app.db, { commitmentId: id });
          return reply.serialize({ ...commitment, updates });
        },
      );
      if (!answer) throw notFound('没有找到这项民生实事');
      return sendKept(reply, answer);
    },
  );
};

export default commitmentRoutes;

/** "gdp" finds GDP: the search text in the title or the report's sentence, whatever the case. */
function matchesText(commitment: Commitment, q: string): boolean {
  const text = q.toLowerCase();
  return (
    commitment.title.toLowerCase().includes(text) || commitment.quote.toLowerCase().includes(text)
  );
}

/**
 * A kept answer as it is: its bytes, no serializing, compressed as the client accepts (made once, when kept), or a
 * 304 when the client has them. `no-cache` makes the client ask each time. The reply is kept too, for the front
 * door to send again (server/front-door.ts).
 */
function sendKept(reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  const { statusCode, headers, body } = reply.server.commitmentCache.replyTo(answer, reply.request);
  return reply.code(statusCode).headers(headers).send(body);
}
