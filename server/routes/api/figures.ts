import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { completionByCategory } from '../../../src/domain/figures';
import { findCommitments } from '../../repositories/commitments';
import { getTicketFigures } from '../../repositories/ticket-figures';
import { FiguresSchema } from '../../schemas/figures';

/**
 * The 数据 page: completion by category (the commitments, a bounded list) and the requests' weeks and months, read
 * from the figures maintained with every change (repositories/ticket-figures.ts), never from the requests.
 */
const figuresRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/figures', { schema: { response: { 200: FiguresSchema } } }, async (_request, reply) => {
    const now = app.now();
    const [commitments, tickets] = await Promise.all([
      findCommitments(app.db, { now }),
      getTicketFigures(app.db, { now }),
    ]);
    reply.header('cache-control', 'no-cache');
    return {
      asOf: now.toISOString(),
      completion: completionByCategory(commitments, now),
      ...tickets,
    };
  });
};

export default figuresRoutes;
