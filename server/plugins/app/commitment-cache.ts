import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CommitmentCache } from '../../commitment-cache';
import { findAllCommitments } from '../../repositories/commitments';

declare module 'fastify' {
  interface FastifyInstance {
    /** The commitments' answers as sent, dropped when they are written (server/commitment-cache.ts). */
    commitmentCache: CommitmentCache;
  }
}

/** Keeps the commitments' answers, and drops them whenever the database says they were written. */
async function commitmentCachePlugin(app: FastifyInstance) {
  const changes = app.commitmentChanges;
  const cache = new CommitmentCache({
    load: (now) => findAllCommitments(app.db, { now }),
    reliable: () => changes.reliable,
  });
  app.decorate('commitmentCache', cache);
  await changes.watch(() => cache.invalidate());
}

export default fp(commitmentCachePlugin, {
  name: 'commitment-cache',
  dependencies: ['database'],
});
