import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { summarizeCommitments } from '../../../src/domain/stats';
import { findCommitments } from '../../repositories/commitments';
import { getTicketStats } from '../../repositories/tickets';
import { StatsSchema } from '../../schemas/stats';

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/stats', { schema: { response: { 200: StatsSchema } } }, async (_request, reply) => {
    const now = app.now();
    const [commitments, tickets] = await Promise.all([
      findCommitments(app.db, { now }),
      getTicketStats(app.db),
    ]);
    reply.header('cache-control', 'no-cache');
    return {
      asOf: now.toISOString(),
      commitments: summarizeCommitments(commitments, now),
      tickets,
    };
  });
};

export default statsRoutes;
