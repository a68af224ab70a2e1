import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { progressFromUpdate, validateUpdateInput } from '../../../src/domain/update-rules';
import { AppError, notFound, validationError } from '../../errors';
import { canonicalJson, idempotencyKeyOf, invalidIdempotencyKey } from '../../idempotency';
import { addCommitmentUpdate, findCommitment } from '../../repositories/commitments';
import { sha256 } from '../../repositories/tickets';
import { uploadNameOf } from '../../repositories/uploads';
import { CommitmentUpdateBodySchema } from '../../schemas/commitment-updates';
import { CommitmentUpdateSchema } from '../../schemas/commitments';
import { errorResponses } from '../../schemas/common';

/**
 * Workers post progress. Commitments are city-wide promises, so any signed-in worker or admin may post on any
 * of them; the update records who posted (account id, display name, role) and is never edited afterwards.
 */
const commitmentUpdateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/commitments/:id/updates',
    {
      // onRequest: a caller without a live token learns nothing about the body's rules or the commitment.
      onRequest: app.requireStaff,
      schema: {
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: CommitmentUpdateBodySchema,
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
      const commitment = await findCommitment(app.db, request.params.id, now);
      if (!commitment) throw notFound('没有找到这项民生实事');

      const body = request.body;
      const errors = validateUpdateInput(body, commitment.target);
      const photos = body.photos ?? [];
      const names = photos.flatMap((url) => uploadNameOf(url) ?? []);
      const photosError = { field: 'photos', message: '照片需先上传成功后再提交' };
      if (names.length < photos.length) errors.push(photosError);
      else if (new Set(names).size < names.length) {
        errors.push({ field: 'photos', message: '同一张照片只需上传一次' });
      }
      if (errors.length > 0) throw validationError(errors);

      const key = idempotencyKeyOf(request);
      const result = await addCommitmentUpdate(
        app.db,
        {
          commitmentId: commitment.id,
          author: staff,
          value: body.value ?? null,
          progress: progressFromUpdate(body, commitment.target),
          note: body.note.trim(),
          photos: names,
        },
        now,
        key ? { key, requestHash: sha256(canonicalJson({ id: commitment.id, ...body })) } : null,
      );
      if (result.kind === 'not_found') throw notFound('没有找到这项民生实事');
      // Not an upload of this server (or one swept as unused).
      if (result.kind === 'unknown_photos') throw validationError([photosError]);
      if (result.kind === 'key_reused') throw new AppError(422, 'idempotency_key_reused');
      const { update } = result;
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      else {
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
