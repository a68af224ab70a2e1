import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { databasePhotoStore, filePhotoStore, type PhotoStore } from '../../photo-store';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where photos' bytes are kept: files with SQLite, PostgreSQL with DATABASE_URL (photo-store.ts). */
    photos: PhotoStore;
  }
}

async function photosPlugin(app: FastifyInstance) {
  const limits = app.config.uploads;
  app.decorate(
    'photos',
    app.dialect === 'postgres'
      ? databasePhotoStore(app.db, { limits })
      : filePhotoStore(app.db, { dataDir: app.config.dataDir, limits }),
  );
}

export default fp(photosPlugin, { name: 'photos', dependencies: ['database'] });
