import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../errors';
import { findCommitmentUpdates } from '../../repositories/commitment-updates';
import { findCommitment, findCommitments } from '../../repositories/commitments';
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
      const matching = (await findCommitments(app.db, { category, q, now: app.now() })).filter(
        // Status depends on today, so it is filtered here rather than in SQL.
        (commitment) => !status || commitment.status === status,
      );
      // The cursor is a position in this ordered list (the report's order), which is stable.
      const start = cursor ? Number(cursor) : 0;
      const items = matching.slice(start, start + limit);
      const next = start + items.length;
      reply.header('cache-control', 'no-cache');
      return {
        items,
        nextCursor: next < matching.length ? String(next) : null,
        total: matching.length,
      };
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
      const commitment = await findCommitment(app.db, { id: request.params.id, now: app.now() });
      if (!commitment) throw notFound('没有找到这项民生实事');
      const updates = await findCommitmentUpdates(app.db, { commitmentId: commitment.id });
      reply.header('cache-control', 'no-cache');
      return { ...commitment, updates };
    },
  );
};

export default commitmentRoutes;
