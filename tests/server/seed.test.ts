import { sql } from 'kysely';
import { requestsWanted } from '../../server/cli/seed';
import { seedSampleData } from '../../server/seed';
import {
  pageFiguresBothWays,
  readTallies,
  recountTallies,
  recountTicketStats,
  scanQueue,
} from '../support/recount';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { createSession } from '../../server/repositories/staff';
import { addStaff, bearer } from './auth-fixtures';
import { submit, validInput } from './tickets-fixtures';

// Seeds twice per database; the suites share two cores.
jest.setTimeout(120_000);

const NOW = new Date('2026-11-30T04:00:00.000Z');
const REQUESTS = 1500;

describe.each(DATABASES)('npm run seed on %s', (dialect) => {
  let ctx: TestContext;
  const seed = (force = false) =>
    seedSampleData(ctx.app.db, {
      dialect,
      requests: REQUESTS,
      now: NOW,
      force,
      seed: 7,
      batch: 400,
    });
  const indexes = async () => {
    const query =
      dialect === 'postgres'
        ? sql<{ name: string }>`select indexname as name from pg_indexes
            where schemaname = current_schema() order by 1`
        : sql<{ name: string }>`select name from sqlite_master where type = 'index' order by 1`;
    return (await query.execute(ctx.app.db)).rows.map((r) => r.name);
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: () => NOW });
  });
  afterAll(() => ctx.destroy());

  it('fills an empty database with a year of requests whose every figure adds up', async () => {
    const before = await indexes();
    const metaBefore = await ctx.app.inject({ url: '/api/meta' });
    expect(metaBefore.json().sample).toBe(false);

    const result = await seed();
    expect(result).toMatchObject({ kind: 'seeded', tickets: REQUESTS });
    expect(await indexes()).toEqual(before);
    // A browser revalidating the /api/meta it had before seeding gets the new one, which says 示例数据.
    const metaAfter = await ctx.app.inject({
      url: '/api/meta',
      headers: { 'if-none-match': metaBefore.headers.etag as string },
    });
    expect(metaAfter.statusCode).toBe(200);
    expect(metaAfter.json().sample).toBe(true);

    const db = ctx.app.db;
    expect(await readTallies(db)).toEqual(await recountTallies(db));
    const page = await pageFiguresBothWays(db);
    expect(page.stored).toEqual(page.counted);
    // Every request as its events say: as many as counted, the last one its status.
    const { rows: odd } = await sql<{ n: number }>`select count(*) as n from tickets t
      where t.event_count <> (select count(*) from ticket_events e where e.ticket_id = t.id)
         or t.status <> (select e.status from ticket_events e where e.ticket_id = t.id
                         order by e.seq desc limit 1)`.execute(db);
    expect(Number(odd[0].n)).toBe(0);

    const { tickets, commitments } = (await ctx.app.inject({ url: '/api/stats' })).json();
    const { figures } = await recountTicketStats(db);
    expect(tickets).toMatchObject(figures);
    // A realistic mix: most closed, some open and overdue, about half of the closed rated, mostly satisfied.
    expect(tickets.closureRate).toBeGreaterThan(0.85);
    expect(tickets.open).toBeGreaterThan(0);
    expect(tickets.satisfactionRate).toBeGreaterThan(0.8);
    expect(tickets.satisfactionRate).toBeLessThan(1);
    expect(tickets.byCategory).toHaveLength(10);
    const { counts } = commitments;
    expect(counts.done_on_time).toBeGreaterThan(counts.done_late + counts.unfinished);
    expect(counts.done_late).toBeGreaterThan(0);
    expect(counts.unfinished).toBeGreaterThan(0);
  });

  it('serves the queue from the sample, overdue ones included', async () => {
    const admin = await addStaff(ctx.app, {
      username: 'seed-admin',
      role: 'admin',
      district: null,
    });
    const token = await createSession(ctx.app.db, {
      staffId: admin.id,
      expiresAt: new Date('2100-01-01'),
      now: NOW,
    });
    const res = await ctx.app.inject({ url: '/api/tickets?overdue=true', headers: bearer(token) });
    const overdue = await scanQueue(ctx.app.db, { overdue: true }, NOW);
    expect(overdue.length).toBeGreaterThan(0);
    expect(res.json().total).toBe(overdue.length);
    expect(res.json().items[0].ticketNo).toBe(overdue[0]);
  });

  it('replaces its own data, and refuses a database holding a request it did not make', async () => {
    expect(await seed()).toMatchObject({ kind: 'seeded' });
    expect((await submit(ctx.app, validInput())).statusCode).toBe(201);
    expect(await seed()).toEqual({
      kind: 'refused',
      tickets: REQUESTS + 1,
      updates: expect.any(Number),
    });

    expect(await seed(true)).toMatchObject({ kind: 'seeded', tickets: REQUESTS });
    expect(await scanQueue(ctx.app.db, {}, NOW)).toHaveLength(REQUESTS);
    expect(await readTallies(ctx.app.db)).toEqual(await recountTallies(ctx.app.db));
  });
});

describe('the seed command line', () => {
  it('takes --demo or --requests N', () => {
    expect(requestsWanted({ demo: true })).toBe(3000);
    expect(requestsWanted({ requests: '600000' })).toBe(600_000);
    for (const wrong of [
      {},
      { requests: '0' },
      { requests: '1e5' },
      { demo: true, requests: '5' },
    ]) {
      expect(() => requestsWanted(wrong)).toThrow();
    }
  });
});
