import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { TICKET_LIMITS } from '../../../src/domain/ticket-rules';
import { uploadUrl } from '../../../src/domain/uploads';
import { AppError, notFound, validationError } from '../../errors';
import { runHourly } from '../../housekeeping';
import {
  deleteUnusedUploads,
  findUpload,
  newUploadName,
  recordUpload,
  sniffImage,
} from '../../repositories/uploads';
import { perMinute } from '../../plugins/external/rate-limit';
import { errorResponses } from '../../schemas/common';
import { UploadedPhotoSchema, UploadNameParamsSchema } from '../../schemas/uploads';

/** Writes the whole file and syncs it before the upload is recorded, so a recorded photo is on disk. */
async function writeDurably(file: string, data: Buffer) {
  const handle = await fs.promises.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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
  const dir = path.join(app.config.dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true });

  runHourly(app, 'delete unused uploads', () =>
    deleteUnusedUploads(app.db, { dir, now: app.now() }),
  );

  app.post(
    '/uploads',
    {
      schema: { response: { 201: UploadedPhotoSchema, ...errorResponses(400, 413, 415, 429) } },
      config: {
        multipart: true,
        // Room for every photo of each request a client may file.
        rateLimit: perMinute(app.config.ticketRateLimit * TICKET_LIMITS.photosMax),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      const data = await readPhoto(request);
      // The bytes decide, never the file name or the declared type.
      const type = sniffImage(data);
      if (!type) throw new AppError(415, 'unsupported_image');

      const upload = {
        name: newUploadName(type.ext),
        contentType: type.contentType,
        size: data.length,
      };
      await writeDurably(path.join(dir, upload.name), data);
      await recordUpload(app.db, { upload, now: app.now() });
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
      const file = upload && path.join(dir, upload.name);
      if (!upload || !file || !fs.existsSync(file)) throw notFound('没有找到这张照片');
      return (
        reply
          .header('content-type', upload.contentType)
          .header('content-length', upload.size)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Names are random and never reused: the bytes behind a name never change.
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(fs.createReadStream(file))
      );
    },
  );
};

export default uploadRoutes;
