import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { TICKET_LIMITS } from '../../../src/domain/ticket-rules';
import { uploadUrl } from '../../../src/domain/uploads';
import { AppError, notFound, validationError } from '../../errors';
import { runHourly } from '../../housekeeping';
import { countUploadBytes, deleteOldUploadUsage } from '../../repositories/upload-usage';
import { findUpload, newUploadName, sniffImage } from '../../repositories/uploads';
import { perMinute } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/common';
import { UploadedPhotoSchema, UploadNameParamsSchema } from '../../schemas/uploads';

/** The one file of the form. Past the size limit a 413; a form without a boundary or cut short, a 400, not a 500. */
async function readPhoto(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file();
    if (!part) throw validationError([{ field: 'file', message: '请选择一张照片' }]);
    return await part.toBuffer();
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof AppError || (status !== undefined && status < 500)) throw error;
    throw new AppError(400, 'bad_request', '照片没有传完整，请重新上传');
  }
}

const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  runHourly(app, 'delete unused uploads', async () => {
    await app.photos.deleteUnused(app.now());
    await deleteOldUploadUsage(app.db, { now: app.now() });
  });

  app.post(
    '/uploads',
    {
      schema: {
        response: { 201: UploadedPhotoSchema, ...errorResponses(400, 413, 415, 429, 507) },
      },
      config: {
        multipart: true,
        // Room for every photo of each request a client may file.
        rateLimit: perMinute(app.config.ticketRateLimit * TICKET_LIMITS.photosMax),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      // Refused before the disk or the database fills: a request can still be filed without photos.
      if (!(await app.photos.hasRoom())) throw new AppError(507, 'storage_full');
      const data = await readPhoto(request);
      // The bytes decide, never the file name or the declared type.
      const type = sniffImage(data);
      if (!type) throw new AppError(415, 'unsupported_image');

      const now = app.now();
      const quota = await countUploadBytes(app.db, {
        client: request.ip,
        bytes: data.length,
        limit: app.config.uploads.bytesPerDay,
        now,
      });
      if (quota.kind === 'upload_quota_exceeded') throw new AppError(429, quota.kind);

      const upload = {
        name: newUploadName(type.ext),
        contentType: type.contentType,
        size: data.length,
      };
      await app.photos.save(upload, data, now);
      reply.status(201);
      return { url: uploadUrl(upload.name), contentType: upload.contentType, size: upload.size };
    },
  );

  app.get(
    '/uploads/:name',
    {
      schema: {
        params: UploadNameParamsSchema,
        // 200 is the image's bytes, streamed as they are.
        response: { 200: Type.Unknown(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      // Unknown for any name this server never gave, so the path below stays inside the directory.
      const upload = await findUpload(app.db, { name: request.params.name });
      const bytes = upload && (await app.photos.read(upload));
      if (!upload || !bytes) throw notFound('没有找到这张照片');
      return (
        reply
          .header('content-type', upload.contentType)
          .header('content-length', upload.size)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Names are random and never reused: the bytes behind a name never change.
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(bytes)
      );
    },
  );
};

export default uploadRoutes;
