import { CompiledQuery, type Kysely } from 'kysely';
import { DISTRICTS } from '../../src/domain/districts';
import type { TicketStatus } from '../../src/domain/ticket';
import type { Database } from '../../server/db/tables';
import {
  countQueueQuery,
  queuePageQuery,
  queueInput,
  queueRangeQueries,
  type TicketQuery,
} from '../../server/repositories/tickets/queue';
import { overdueQueries } from '../../server/repositories/tickets/overdue';
import { createTestApp, type TestContext } from '../support/test-app';

jest.setTimeout(30_000);

/** SQLite's plan of a query, one line per step. */
async function planOf(db: Kysely<Database>, query: { compile(): CompiledQuery }) {
  const { sql, parameters } = query.compile();
  const { rows } = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
  );
  return rows.map((r) => r.detail);
}

const cursor = Buffer.from(JSON.stringify(['2026-11-01T00:00:00.000Z', 'x'])).toString('base64url');

/** Every combination of the queue's filters, with and without a cursor. */
function everyQuery(): TicketQuery[] {
  const queries: TicketQuery[] = [];
  for (const district of [undefined, DISTRICTS[0]])
    for (const category of [undefined, 'safety' as const])
      for (const status of [undefined, 'received', 'resolved'] as Array<TicketStatus | undefined>)
        for (const overdue of [undefined, true, false])
          for (const after of [undefined, cursor])
            queries.push({ district, category, status, overdue, cursor: after, limit: 20 });
  return queries;
}

describe('the staff queue on SQLite', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('sqlite');
  });
  afterAll(() => ctx.destroy());

  it('reads every filter and page as index ranges, in index order', async () => {
    for (const query of everyQuery()) {
      for (const range of queueRangeQueries(ctx.app.db, queueInput(query, new Date()))) {
        const plan = await planOf(ctx.app.db, range);
        expect({ query, plan }).toEqual({
          query,
          plan: [
            expect.stringMatching(/^SEARCH tickets USING COVERING INDEX tickets_\w+_due_idx \(/),
          ],
        });
      }
    }
  });

  it('reads a page and its rows by index in one statement, scanning no table', async () => {
    for (const query of everyQuery()) {
      const page = queuePageQuery(ctx.app.db, queueInput(query, new Date()));
      if (!page) continue;
      const plan = await planOf(ctx.app.db, page);
      const tables = plan.filter((step) => /^(SCAN|SEARCH) tickets\b/.test(step));
      expect({ query, tables }).toEqual({
        query,
        tables: expect.arrayContaining([
          expect.stringMatching(/^SEARCH tickets USING COVERING INDEX tickets_\w+_due_idx \(/),
          expect.stringMatching(
            /^SEARCH tickets USING INDEX sqlite_autoindex_tickets_1 \(id=\?\)$/,
          ),
        ]),
      });
      expect(tables.filter((step) => step.startsWith('SCAN'))).toEqual([]);
    }
  });

  it('counts overdue requests the tallies miss on the small partial index', async () => {
    for (const query of overdueQueries(ctx.app.db, { now: new Date().toISOString() })) {
      const plan = await planOf(ctx.app.db, query);
      expect(plan[0]).toMatch(/^SEARCH tickets USING INDEX tickets_open_overdue_idx \(/);
    }
  });

  it('counts every filter in one statement, reading requests on the partial index only', async () => {
    for (const query of everyQuery()) {
      const plan = await planOf(
        ctx.app.db,
        countQueueQuery(ctx.app.db, queueInput(query, new Date())),
      );
      const tickets = plan.filter((step) => /^(SCAN|SEARCH) tickets\b/.test(step));
      const overdueTickets = query.overdue === undefined ? [] : ['missing', 'ahead'];
      expect({ query, tickets }).toEqual({
        query,
        tickets: overdueTickets.map(() =>
          expect.stringMatching(/^SEARCH tickets USING INDEX tickets_open_overdue_idx \(/),
        ),
      });
    }
  });
});
