import type { Kysely } from 'kysely';
import { DISTRICTS } from '../../src/domain/districts';
import { beijingMonth, beijingWeek, hoursBucket } from '../../src/domain/figures';
import { isSatisfied, TICKET_CATEGORIES, TICKET_STATUSES } from '../../src/domain/ticket';
import type { RatingScore } from '../../src/domain/ticket';
import type { Database } from '../../server/db/tables';
import { createSession } from '../../server/repositories/staff';
import { Random } from '../../server/seed/random';
import { manualClock } from '../support/clock';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer } from './auth-fixtures';
import { submit, ticketToken, validInput } from './tickets-fixtures';

// A couple of hundred requests through the API on each database; the suites share two cores.
jest.setTimeout(240_000);

const SEED = Number(process.env.FIGURES_SEED ?? Date.now() % 1_000_000);
const OPS = 200;
const STATUSES = TICKET_STATUSES.map((s) => s.code);

type Counts = Record<string, number>;
const add = (counts: Counts, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);
const nonZero = (counts: Counts) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

/** The week and month figures as the tables hold them, keyed as the recount keys them. */
async function readFigures(db: Kysely<Database>) {
  const weeks: Counts = {};
  const months: Counts = {};
  const hours: Counts = {};
  for (const r of await db.selectFrom('ticket_week_figures').selectAll().execute())
    add(weeks, `${r.week} ${r.category}`, Number(r.filed));
  for (const r of await db.selectFrom('ticket_month_figures').selectAll().execute()) {
    const key = `${r.month} ${r.category} ${r.district}`;
    for (const column of ['filed', 'closed', 'rated', 'satisfied'] as const)
      add(months, `${key} ${column}`, Number(r[column]));
  }
  for (const r of await db.selectFrom('ticket_month_hours').selectAll().execute())
    add(hours, `${r.month} ${r.hours}`, Number(r.tickets));
  return { weeks: nonZero(weeks), months: nonZero(months), hours: nonZero(hours) };
}

/** The same figures counted from the requests and ratings themselves. */
async function recountFigures(db: Kysely<Database>) {
  const weeks: Counts = {};
  const months: Counts = {};
  const hours: Counts = {};
  const tickets = await db.selectFrom('tickets').selectAll().execute();
  for (const t of tickets) {
    const filed = new Date(t.created_at);
    add(weeks, `${beijingWeek(filed)} ${t.category}`);
    const key = `${beijingMonth(filed)} ${t.category} ${t.district}`;
    add(months, `${key} filed`);
    if (t.status === 'resolved') add(months, `${key} closed`);
    if (t.first_resolved_at) {
      const month = beijingMonth(new Date(t.first_resolved_at));
      add(hours, `${month} ${hoursBucket(t.created_at, t.first_resolved_at)}`);
    }
  }
  const ratings = await db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select(['ticket_ratings.created_at', 'score', 'category', 'district'])
    .execute();
  for (const r of ratings) {
    const key = `${beijingMonth(new Date(r.created_at))} ${r.category} ${r.district}`;
    add(months, `${key} rated`);
    if (isSatisfied(Number(r.score) as RatingScore)) add(months, `${key} satisfied`);
  }
  return { weeks: nonZero(weeks), months: nonZero(months), hours: nonZero(hours) };
}

describe.each(DATABASES)(`the 数据 page's figures on %s (FIGURES_SEED=${SEED})`, (dialect) => {
  let ctx: TestContext;
  const clock = manualClock('2026-01-05T01:00:00.000Z');
  const random = new Random(SEED);
  const filed: Array<{ ticketNo: string; accessToken: string }> = [];
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
    const staff = await addStaff(ctx.app, { username: 'admin', role: 'admin', district: null });
    admin = await createSession(ctx.app.db, {
      staffId: staff.id,
      expiresAt: new Date('2100-01-01'),
      now: clock.now(),
    });
  });
  afterAll(() => ctx.destroy());

  const create = async () => {
    const input = validInput({
      category: random.pick(TICKET_CATEGORIES).code,
      district: random.pick(DISTRICTS.slice(0, 4)),
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
      payload: { score: random.pick([1, 2, 3] as const) },
    });
  };

  /** Creates, moves, ratings (不满意 reopens), bursts of them at once, and days and weeks going by. */
  async function step() {
    const kind = random.weighted([
      ['create', 35],
      ['move', 30],
      ['rate', 17],
      ['burst', 6],
      ['clock', 12],
    ] as const);
    if (kind === 'create') await create();
    if (kind === 'move') await move();
    if (kind === 'rate') await rate();
    if (kind === 'burst') await Promise.all([move(), move(), rate(), create(), rate()]);
    if (kind === 'clock') clock.advanceHours(random.chance(0.1) ? -30 : random.int(2, 24 * 9));
  }

  it('keeps the week and month figures equal to a recount through a random mix', async () => {
    for (let i = 1; i <= OPS; i++) {
      await step();
      if (i % 50 === 0)
        expect(await readFigures(ctx.app.db)).toEqual(await recountFigures(ctx.app.db));
    }
    expect(filed.length).toBeGreaterThan(40);

    // The page's answer is the same figures, over the last 52 weeks and 12 months.
    const figures = (await ctx.app.inject({ url: '/api/figures' })).json();
    const recount = await recountFigures(ctx.app.db);
    const weekTotal = Object.values(recount.weeks).reduce((a, b) => a + b, 0);
    expect(figures.weeks).toHaveLength(52);
    expect(figures.months).toHaveLength(12);
    expect(figures.weeks.reduce((sum: number, w: { total: number }) => sum + w.total, 0)).toBe(
      weekTotal,
    );
    const monthsFiled = figures.months.reduce((s: number, m: { filed: number }) => s + m.filed, 0);
    const districtsFiled = figures.districts.reduce(
      (s: number, d: { filed: number }) => s + d.filed,
      0,
    );
    expect(monthsFiled).toBe(weekTotal);
    expect(districtsFiled).toBe(weekTotal);
    const closed = await ctx.app.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'resolved')
      .executeTakeFirstOrThrow();
    expect(figures.months.reduce((s: number, m: { closed: number }) => s + m.closed, 0)).toBe(
      Number(closed.n),
    );
  });
});
