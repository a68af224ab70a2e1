import { beijingDate } from '../../../src/domain/dates';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseUpdateInput } from '../../../src/domain/update-rules';
import { AppError, notFound, validationError } from '../../errors';
import { idempotencyKeyOf, idempotencyOf, invalidIdempotencyKey } from '../../idempotency';
import { addCommitmentUpdate } from '../../repositories/commitment-updates';
import { findCommitment } from '../../repositories/commitments';
import {
  CommitmentUpdateInputSchema,
  CommitmentUpdateSchema,
} from '../../schemas/commitment-updates';
import { CommitmentIdParamsSchema } from '../../schemas/commitments';
import { errorResponses } from '../../schemas/common';

/**
 * Workers post progress. Commitments are city-wide promises, so any signed-in worker or admin may post on any
 * of them; the update records who posted (account id, display name, role) and is never edited afterwards.
 */
const NOT_FOUND_MESSAGE = '没有找到这项民生实事';

const commitmentUpdateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/commitments/:id/updates',
    {
      // onRequest: a caller without a live token learns nothing about the body's rules or the commitment.
      onRequest: app.requireStaff,
      schema: {
        params: CommitmentIdParamsSchema,
        body: CommitmentUpdateInputSchema,
        response: { 201: CommitmentUpdateSchema, ...errorResponses(400, 401, 404, 422) },
      },
      // Optional here (each post without one is a new update); the app always sends one.
      preValidation: async (request) => {
        if (
          request.headers['idempotency-key'] !== undefined &&
          idempotencyKeyOf(request) === null
        ) {
          throw invalidIdempotencyKey();
        }
      },
    },
    async (request, reply) => {
      const now = app.now();
      const staff = request.staff!;
      const commitment = await findCommitment(app.db, { id: request.params.id, now });
      if (!commitment) throw notFound(NOT_FOUND_MESSAGE);
      const input = parseUpdateInput(request.body, commitment.target, beijingDate(now));
      if (!input.ok) throw validationError(input.errors);

      const result = await addCommitmentUpdate(app.db, {
        commitment,
        input: input.value,
        author: staff,
        // The same key on another commitment is another body.
        idempotency: idempotencyOf(request, { id: commitment.id, ...request.body }),
        now,
      });
      if (result.kind === 'not_found') throw notFound(NOT_FOUND_MESSAGE);
      if (result.kind === 'validation_failed') throw validationError(result.errors);
      if (result.kind === 'idempotency_key_reused') throw new AppError(422, result.kind);
      const { update } = result;
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      else {
        // Triggers tell every process (decision 012); this one needs no wait to read its own post.
        app.commitmentCache.invalidate();
        request.log.info(
          { commitmentId: commitment.id, staffId: staff.id, percent: update.percent },
          'commitment update posted',
        );
      }
      reply.status(201);
      return update;
    },
  );
};

export default commitmentUpdateRoutes;
