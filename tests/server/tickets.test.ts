import { createHash, randomUUID } from 'node:crypto';
import { TICKET_NO_PATTERN } from '../../src/domain/ticket';
import { manualClock } from '../support/clock';
import { createLoggedApp, createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { countRows, countTickets, submit, ticketToken, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

const START = '2026-11-26T02:00:00.000Z';

describe.each(DATABASES)('filing a request on %s', (dialect) => {
  let ctx: TestContext;
  const clock = manualClock(START);
  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
  });
  afterAll(() => ctx.destroy());

  it('answers 201 with a readable number, a token, 已受理 and the due date of its category', async () => {
    const res = await submit(ctx.app, validInput({ category: 'safety' }));
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    // 10:00 in Beijing on 26 November.
    expect(ticket.ticketNo).toMatch(/^PDS20261126-\d{4}$/);
    expect(ticket.ticketNo).toMatch(TICKET_NO_PATTERN);
    expect(ticket.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ticket).toMatchObject({
      status: 'received',
      category: 'safety',
      district: '新华区',
      createdAt: START,
      // 安全隐患: 3 days.
      dueAt: '2026-11-29T02:00:00.000Z',
      resolvedAt: null,
      photos: [],
      ratings: [],
      events: [{ status: 'received', actor: '市民', createdAt: START, note: expect.any(String) }],
    });
    expect(res.headers.location).toBe(`/api/tickets/${ticket.ticketNo}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('shows the phone number masked to the submitter', async () => {
    const res = await submit(ctx.app, validInput({ phone: '13912345678' }));
    expect(res.json().phone).toBe('139****5678');
    expect(res.body).not.toContain('13912345678');
  });

  it('keeps only a hash of the access token', async () => {
    const { ticketNo, accessToken } = (await submit(ctx.app, validInput())).json();
    const row = await ctx.app.db
      .selectFrom('tickets')
      .selectAll()
      .where('ticket_no', '=', ticketNo)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(accessToken).digest('hex'));
    const everything = JSON.stringify([
      await ctx.app.db.selectFrom('tickets').selectAll().execute(),
      await ctx.app.db.selectFrom('ticket_idempotency_keys').selectAll().execute(),
    ]);
    expect(everything).not.toContain(accessToken);
  });

  it('accepts an anonymous request without a phone', async () => {
    const input = validInput({ anonymous: true });
    delete input.phone;
    delete input.contactName;
    const res = await submit(ctx.app, input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ anonymous: true, phone: null, contactName: null });
  });

  it('links a request to a commitment that exists', async () => {
    const { items } = (await ctx.app.inject({ url: '/api/commitments?limit=1' })).json();
    const res = await submit(ctx.app, validInput({ commitmentId: items[0].id }));
    expect(res.statusCode).toBe(201);
    expect(res.json().commitmentId).toBe(items[0].id);
  });

  it('gives every request its own number', async () => {
    const numbers = new Set<string>();
    for (let i = 0; i < 30; i++) numbers.add((await submit(ctx.app, validInput())).json().ticketNo);
    expect(numbers.size).toBe(30);
  });
});

describe.each(DATABASES)('reading a request on %s', (dialect) => {
  let ctx: TestContext;
  let ticketNo: string;
  let accessToken: string;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    ({ ticketNo, accessToken } = (await submit(ctx.app, validInput())).json());
  });
  afterAll(() => ctx.destroy());

  const read = (no: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ url: `/api/tickets/${encodeURIComponent(no)}`, headers });

  it('returns the request with its events to the holder of its token', async () => {
    const res = await read(ticketNo, ticketToken(accessToken));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ticketNo,
      status: 'received',
      phone: '138****1234',
      events: [{ status: 'received' }],
    });
    expect(res.json()).not.toHaveProperty('accessToken');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('finds the number typed in lower case', async () => {
    const res = await read(ticketNo.toLowerCase(), ticketToken(accessToken));
    expect(res.statusCode).toBe(200);
  });

  it('answers a wrong token, a missing token and an unknown number alike: 404', async () => {
    // Change the last character to one it is not: a fixed 'A' would leave 1 token in 64 unchanged.
    const last = accessToken.endsWith('A') ? 'B' : 'A';
    const wrong = await read(ticketNo, ticketToken(`${accessToken.slice(0, -1)}${last}`));
    const missing = await read(ticketNo);
    const unknown = await read('PDS20200101-0000', ticketToken(accessToken));
    for (const res of [wrong, missing, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(wrong.json());
    }
    expect(wrong.json().code).toBe('not_found');
  });

  it('never takes a ticket token for a staff bearer token', async () => {
    const res = await read(ticketNo, { authorization: `Bearer ${accessToken}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
  });
});

describe.each(DATABASES)('Idempotency-Key on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it('answers a replay with the same ticket and the same token, and files it once', async () => {
    const key = randomUUID();
    const before = await countTickets(ctx.app);
    const first = await submit(ctx.app, validInput(), { key });
    const again = await submit(ctx.app, validInput(), { key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().ticketNo).toBe(first.json().ticketNo);
    expect(again.json().accessToken).toBe(first.json().accessToken);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countTickets(ctx.app)).toBe(before + 1);
  });

  it('treats the same fields in another order as the same body, and the key in upper case as the same key', async () => {
    const key = randomUUID();
    const first = (await submit(ctx.app, validInput(), { key })).json();
    const reordered = Object.fromEntries(Object.entries(validInput()).reverse());
    const again = await submit(ctx.app, reordered, { key: key.toUpperCase() });
    expect(again.json().accessToken).toBe(first.accessToken);
  });

  it('returns the ticket as it is now on a replay', async () => {
    const key = randomUUID();
    const first = (await submit(ctx.app, validInput(), { key })).json();
    const again = await submit(ctx.app, validInput(), { key });
    expect(again.json()).toEqual(first);
  });

  it('refuses the same key with another body: 422 idempotency_key_reused, nothing written', async () => {
    const key = randomUUID();
    await submit(ctx.app, validInput(), { key });
    const before = await countRows(ctx.app);
    const res = await submit(
      ctx.app,
      validInput({ content: '另一件事情：小区门口的井盖丢了很危险' }),
      { key },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'idempotency_key_reused',
      message: expect.any(String),
    });
    expect(await countRows(ctx.app)).toEqual(before);
  });

  it.each([
    ['missing', null],
    ['not a UUID', 'abc'],
    ['too long', `${randomUUID()}0`],
  ])('refuses a key that is %s: 400, nothing written', async (_label, key) => {
    const before = await countRows(ctx.app);
    const res = await submit(ctx.app, validInput(), { key });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_idempotency_key',
      details: [{ field: 'Idempotency-Key', message: expect.any(String) }],
    });
    expect(await countRows(ctx.app)).toEqual(before);
  });

  it('files exactly one ticket for concurrent duplicates of one key', async () => {
    const key = randomUUID();
    const before = await countTickets(ctx.app);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => submit(ctx.app, validInput(), { key })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.json().ticketNo)).size).toBe(1);
    expect(new Set(answers.map((a) => a.json().accessToken)).size).toBe(1);
    expect(await countTickets(ctx.app)).toBe(before + 1);
  });

  it('forgets keys after the retention period, and keeps them for 7 days', async () => {
    const clock = manualClock(START);
    const own = await createTestApp(dialect, { now: clock.now });
    try {
      const key = randomUUID();
      await submit(own.app, validInput(), { key });
      const { deleteExpiredIdempotencyKeys } = await import('../../server/repositories/tickets');
      clock.advanceHours(7 * 24);
      await deleteExpiredIdempotencyKeys(own.app.db, { now: clock.now() });
      const kept = await submit(own.app, validInput(), { key });
      expect(kept.headers['idempotent-replayed']).toBe('true');
      clock.advanceHours(2 * 24);
      await deleteExpiredIdempotencyKeys(own.app.db, { now: clock.now() });
      expect(await own.app.db.selectFrom('ticket_idempotency_keys').selectAll().execute()).toEqual(
        [],
      );
    } finally {
      await own.destroy();
    }
  });
});

describe('phone numbers in the logs', () => {
  it('never writes a phone number to a log line', async () => {
    const { app, lines, destroy } = await createLoggedApp();
    try {
      const ok = await submit(app, validInput({ phone: '13698765432' }));
      const { ticketNo, accessToken } = ok.json();
      await app.inject({ url: `/api/tickets/${ticketNo}`, headers: ticketToken(accessToken) });
      await submit(app, validInput({ phone: '13698765432', content: '短' }));
      await submit(app, validInput({ phone: '13698765432', status: 'x' }));
      await submit(app, '{"phone":"13698765432",', {
        headers: { 'content-type': 'application/json' },
      });
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(line).not.toContain('13698765432');
        expect(line).not.toContain(accessToken);
      }
    } finally {
      await destroy();
    }
  });
});
