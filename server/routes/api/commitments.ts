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
 * A kept answer as it is: its bytes, no serializing, compressed as the client accepts (made once, when kept). Its
 * ETag makes the ETag hook (plugins/app/etag.ts) answer a 304 when the client has it, and `no-cache` makes the
 * client ask each time.
 */
function sendKept(reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  reply
    .header('cache-control', 'no-cache')
    .header('etag', answer.etag)
    .header('vary', 'accept-encoding')
    .type('application/json; charset=utf-8');
  const encoding = acceptedEncoding(reply.request.headers['accept-encoding'], answer);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding ? answer[encoding] : answer.body);
}

/** br or gzip when the client takes it (not refused with q=0) and the answer has it; null: as it is. */
function acceptedEncoding(
  accepted: string | undefined,
  answer: CachedAnswer,
): 'br' | 'gzip' | null {
  if (!accepted) return null;
  const taken = new Set(
    accepted
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (answer.br && taken.has('br')) return 'br';
  if (answer.gzip && taken.has('gzip')) return 'gzip';
  return null;
}
