import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { COMMITMENT_CATEGORIES } from '../../../src/domain/commitment';
import { DISTRICTS } from '../../../src/domain/districts';
import { COMMITMENT_STATUSES } from '../../../src/domain/status';
import { TICKET_CATEGORIES } from '../../../src/domain/ticket';
import { isSampleData } from '../../repositories/sample-data';
import { MetaSchema } from '../../schemas/meta';

/** The fixed lists the app needs, all from src/domain. */
const meta = {
  commitmentCategories: COMMITMENT_CATEGORIES.map(({ code, name }) => ({ code, name })),
  commitmentStatuses: COMMITMENT_STATUSES.map(({ code, name, meaning }) => ({
    code,
    name,
    meaning,
  })),
  ticketCategories: TICKET_CATEGORIES.map(({ code, name, hint, dueDays }) => ({
    code,
    name,
    hint,
    dueDays,
  })),
  districts: [...DISTRICTS],
};

const metaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/meta', { schema: { response: { 200: MetaSchema } } }, async (_request, reply) => {
    // Asked again each time, answered 304 while unchanged (the ETag hook): the lists never change within a release,
    // but `sample` does when the database is seeded or cleared, and a browser must not hide 示例数据 for an hour.
    reply.header('cache-control', 'public, no-cache');
    // Generated sample data (npm run seed): the app then says 示例数据 on every page.
    return { ...meta, sample: await isSampleData(app.db) };
  });
};

export default metaRoutes;
