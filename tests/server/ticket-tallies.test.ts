import { DISTRICTS } from '../../src/domain/districts';
import { TICKET_CATEGORIES, TICKET_STATUSES } from '../../src/domain/ticket';
import { createSession } from '../../server/repositories/staff';
import { sweepOverdue } from '../../server/repositories/tickets';
import { Random } from '../../server/seed/random';
import { manualClock } from '../support/clock';
import {
  readTallies,
  recountTallies,
  recountTicketStats,
  scanQueue,
  type QueueFilter,
} from '../support/recount';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

// Hundreds of requests through the API on each database; the suites share two cores.
jest.setTimeout(240_000);

const SEED = Number(process.env.TALLY_SEED ?? Date.now() % 1_000_000);
const OPS = 240;
const DISTRICTS_USED = DISTRICTS.slice(0, 3);
const STATUSES = TICKET_STATUSES.map((s) => s.code);

describe.each(DATABASES)(`maintained request figures on %s (TALLY_SEED=${SEED})`, (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2026-03-02T01:00:00.000Z');
  const random = new Random(SEED);
  const filed: Array<{ ticketNo: string; accessToken: string }> = [];
  let admin: string;
  let worker: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    // Sessions that outlive the clock's moves (signing in is rate-limited by the real clock).
    const session = async (staffId: string) =>
      createSession(ctx.app.db, { staffId, expiresAt: new Date('2100-01-01'), now: clock.now() });
    admin = await session(
      (await addStaff(ctx.app, { username: 'admin', role: 'admin', district: null })).id,
    );
    worker = await session(
      (await addStaff(ctx.app, { username: 'worker', district: DISTRICTS_USED[0] })).id,
    );
  });
  afterAll(() => ctx.destroy());

  const create = async () => {
    const input = validInput({
      category: random.pick(TICKET_CATEGORIES).code,
      district: random.pick(DISTRICTS_USED),
    });
    const res = await submit(ctx.app, input);
    if (res.statusCode === 201) filed.push(res.json());
  };
  const move = async () => {
    if (filed.length === 0) return;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${random.pick(filed).ticketNo}/events`,
      headers: bearer(admin),
      // Any status: the state machine refuses some, and a refusal must move no figure.
      payload: { status: random.pick(STATUSES), note: '处理中' },
    });
  };
  const rate = async () => {
    if (filed.length === 0) return;
    const ticket = random.pick(filed);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.ticketNo}/rating`,
      headers: ticketToken(ticket.accessToken),
      payload: {
        score: random.weighted([
          [1, 3],
          [2, 2],
          [3, 3],
        ] as const),
      },
    });
  };

  /** One of creates, moves, ratings (不满意 reopens), the clock moving (sometimes back), the overdue sweep. */
  async function step() {
    const kind = random.weighted([
      ['create', 35],
      ['move', 30],
      ['rate', 18],
      ['burst', 5],
      ['clock', 8],
      ['sweep', 4],
    ] as const);
    if (kind === 'create') await create();
    if (kind === 'move') await move();
    if (kind === 'rate') await rate();
    // Several at once: moves of the same request race, and the losers retry or are refused.
    if (kind === 'burst') await Promise.all([move(), move(), rate(), create(), rate()]);
    if (kind === 'clock') clock.advanceHours(random.chance(0.15) ? -48 : random.int(1, 120));
    if (kind === 'sweep') await sweepOverdue(ctx.app.db, { now: clock.now(), batch: 3 });
  }

  async function expectFiguresMatchRecount() {
    expect(await readTallies(ctx.app.db)).toEqual(await recountTallies(ctx.app.db));

    const { figures, exactMedian } = await recountTicketStats(ctx.app.db);
    const { tickets } = (await ctx.app.inject({ url: '/api/stats' })).json();
    const { medianHoursToResolve, ...rest } = tickets;
    expect(rest).toEqual(figures);
    if (exactMedian === null) expect(medianHoursToResolve).toBeNull();
    else expect(Math.abs(medianHoursToResolve - exactMedian)).toBeLessThanOrEqual(1);

    const filters: Array<QueueFilter & { as: 'admin' | 'worker' }> = [
      { as: 'admin' },
      { as: 'admin', overdue: true },
      { as: 'admin', overdue: false },
      { as: 'worker' },
      { as: 'worker', overdue: true },
      { as: 'admin', status: random.pick(STATUSES), overdue: random.chance(0.5) },
      { as: 'admin', category: random.pick(TICKET_CATEGORIES).code, overdue: true },
      {
        as: 'worker',
        status: random.pick(STATUSES),
        category: random.pick(TICKET_CATEGORIES).code,
      },
    ];
    for (const { as, ...filter } of filters) {
      const scope = as === 'worker' ? { ...filter, district: DISTRICTS_USED[0] } : filter;
      const expected = await scanQueue(ctx.app.db, scope, clock.now());
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const params = new URLSearchParams({ limit: '7' });
        for (const [key, value] of Object.entries(filter)) params.set(key, String(value));
        if (cursor) params.set('cursor', cursor);
        const res = await ctx.app.inject({
          url: `/api/tickets?${params}`,
          headers: bearer(as === 'admin' ? admin : worker),
        });
        const page = res.json();
        expect({ filter: scope, total: page.total }).toEqual({
          filter: scope,
          total: expected.length,
        });
        seen.push(...page.items.map((t: { ticketNo: string }) => t.ticketNo));
        cursor = page.nextCursor;
      } while (cursor);
      expect({ filter: scope, seen }).toEqual({ filter: scope, seen: expected });
    }
  }

  it('keeps every figure equal to a recount through a random mix of changes', async () => {
    for (let i = 1; i <= OPS; i++) {
      await step();
      if (i % 60 === 0) await expectFiguresMatchRecount();
    }
    await sweepOverdue(ctx.app.db, { now: clock.now() });
    await expectFiguresMatchRecount();
    expect(filed.length).toBeGreaterThan(50);
  });
});
