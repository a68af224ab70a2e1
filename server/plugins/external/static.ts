import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Hashed file names (app.1a2b3c4d.js, and its .br and .gz) never change content: cache them for a year. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$/;

/** Serves the H5 build (H5_DIR) at `/`: index.html always revalidated, hashed assets cached for good. */
async function staticPlugin(app: FastifyInstance) {
  const { h5Dir } = app.config;
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) {
    app.log.warn({ h5Dir }, 'H5 build not found: run npm run build:h5 (npm start does it for you)');
    return;
  }
  await app.register(fastifyStatic, {
    root: h5Dir,
    cacheControl: false,
    // .build-hash and the like are for npm start, not for browsers.
    dotfiles: 'ignore',
    // server/h5-build.ts writes .br and .gz beside each file.
    preCompressed: true,
    setHeaders(res, filePath) {
      res.setHeader(
        'cache-control',
        HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

export default fp(staticPlugin, { name: 'static', decorators: { fastify: ['config'] } });
