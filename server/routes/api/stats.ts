import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  summarizeCommitments,
  type CommitmentStats,
  type TicketStats,
} from '../../../src/domain/stats';
import { getTicketStats } from '../../repositories/tickets';
import { tallyWrites } from '../../repositories/tickets/tallies';
import { StatsSchema } from '../../schemas/stats';

/** How long the request figures read from the tallies are kept when this process has not written them since. */
const TICKET_STATS_KEPT_MS = 1000;

/**
 * 首页's figures, on every open of the app: both parts kept in memory (docs/decisions/011). The commitments' part
 * with the commitments' answers (dropped on every write, in every process); the requests' part until this process
 * writes a tally, and at most a second, so that another process's writes show within a second.
 */
const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  let kept: { at: number; writes: number; stats: Promise<TicketStats> } | null = null;
  const ticketStats = () => {
    const at = Date.now();
    const writes = tallyWrites();
    if (!kept || kept.writes !== writes || at - kept.at > TICKET_STATS_KEPT_MS) {
      const fresh = { at, writes, stats: getTicketStats(app.db) };
      fresh.stats.catch(() => {
        if (kept === fresh) kept = null;
      });
      kept = fresh;
    }
    return kept.stats;
  };

  app.get('/stats', { schema: { response: { 200: StatsSchema } } }, async (_request, reply) => {
    const now = app.now();
    const [summary, tickets] = await Promise.all([
      app.commitmentCache.answer('stats:commitments', now, async ({ commitments }) =>
        JSON.stringify(summarizeCommitments(commitments, now)),
      ),
      ticketStats(),
    ]);
    reply.header('cache-control', 'no-cache');
    return {
      asOf: now.toISOString(),
      commitments: JSON.parse(summary!.body.toString()) as CommitmentStats,
      tickets,
    };
  });
};

export default statsRoutes;
