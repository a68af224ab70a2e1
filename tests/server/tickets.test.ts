import { createHash, randomUUID } from 'node:crypto';
import { TICKET_NO_PATTERN } from '../../src/domain/ticket';
import { manualClock } from '../support/clock';
import { createLoggedApp, createTestApp, DATABASES, type TestContext } from '../support/test-app';
import {
  countRows,
  countTickets,
  submit,
  ticketToken,
  uploadPhoto,
  validInput,
} from './tickets-fixtures';

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

describe.each(DATABASES)('refusing bad input on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  async function expectRefused(
    res: Awaited<ReturnType<typeof submit>>,
    status: number,
    code: string,
    fields: string[] = [],
  ) {
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body).toMatchObject({ code, message: expect.any(String) });
    const got = (body.details ?? []).map((d: { field: string }) => d.field);
    for (const field of fields) expect(got).toContain(field);
  }

  let before: Record<string, number>;
  beforeEach(async () => {
    before = await countRows(ctx.app);
  });
  afterEach(async () => {
    expect(await countRows(ctx.app)).toEqual(before);
  });

  it('names each missing field', async () => {
    const res = await submit(ctx.app, {});
    await expectRefused(res, 400, 'validation_failed', [
      'category',
      'content',
      'district',
      'anonymous',
      'consent',
    ]);
  });

  it('applies the form rules with their Chinese messages', async () => {
    const res = await submit(
      ctx.app,
      validInput({ content: '太短了', category: 'weather', district: '郑州市', phone: '12345' }),
    );
    await expectRefused(res, 400, 'validation_failed', [
      'content',
      'category',
      'district',
      'phone',
    ]);
    expect(res.json().details).toContainEqual({
      field: 'content',
      message: '请把问题说清楚，至少 10 个字',
    });
  });

  it('requires consent', async () => {
    await expectRefused(
      await submit(ctx.app, validInput({ consent: false })),
      400,
      'validation_failed',
      ['consent'],
    );
  });

  it('requires a phone unless anonymous', async () => {
    const input = validInput();
    delete input.phone;
    await expectRefused(await submit(ctx.app, input), 400, 'validation_failed', ['phone']);
  });

  it('refuses fields a client may not set', async () => {
    for (const extra of [
      { status: 'resolved' },
      { ticketNo: 'PDS20261126-0001' },
      { events: [] },
      { accessToken: 'x' },
    ]) {
      const res = await submit(ctx.app, validInput(extra));
      await expectRefused(res, 400, 'validation_failed', Object.keys(extra));
    }
  });

  it('refuses wrong types instead of converting them', async () => {
    const res = await submit(
      ctx.app,
      validInput({ anonymous: 'false', content: 12345678901234, consent: 'true', photos: 'a' }),
    );
    await expectRefused(res, 400, 'validation_failed', [
      'anonymous',
      'content',
      'consent',
      'photos',
    ]);
  });

  it('refuses an unknown commitment', async () => {
    const res = await submit(ctx.app, validInput({ commitmentId: 'no-such-commitment' }));
    await expectRefused(res, 400, 'validation_failed', ['commitmentId']);
  });

  it('refuses photos this server did not store', async () => {
    for (const photos of [
      ['https://example.com/a.jpg'],
      ['/api/uploads/0123456789abcdef0123456789abcdef.jpg'],
      ['../../etc/passwd'],
    ]) {
      const res = await submit(ctx.app, validInput({ photos }));
      await expectRefused(res, 400, 'validation_failed', ['photos']);
    }
  });

  it('refuses more than 3 photos', async () => {
    const url = await uploadPhoto(ctx.app);
    before = await countRows(ctx.app);
    const res = await submit(ctx.app, validInput({ photos: [url, url, url, url] }));
    await expectRefused(res, 400, 'validation_failed', ['photos']);
  });

  it('answers broken JSON with invalid_json', async () => {
    const res = await submit(ctx.app, '{"category":', {
      headers: { 'content-type': 'application/json' },
    });
    await expectRefused(res, 400, 'invalid_json');
  });

  it('answers a form-encoded body with 415', async () => {
    const res = await submit(ctx.app, 'category=municipal', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectRefused(res, 415, 'unsupported_media_type');
  });

  it('answers a plain-text body with a 4xx envelope', async () => {
    const res = await submit(ctx.app, JSON.stringify(validInput()), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toEqual(expect.any(String));
  });

  it('refuses a NUL character anywhere in the body with validation_failed, naming the field', async () => {
    const res = await submit(ctx.app, validInput({ address: '建设路\u000012 号' }));
    await expectRefused(res, 400, 'validation_failed', ['address']);
    const inKey = await submit(ctx.app, { ...validInput(), ['x\u0000']: 1 });
    await expectRefused(inKey, 400, 'validation_failed');
  });

  it('answers an oversize body with 413', async () => {
    const res = await submit(ctx.app, validInput({ content: '很长'.repeat(40_000) }));
    await expectRefused(res, 413, 'payload_too_large');
  });
});

describe.each(DATABASES)('photos on a request on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it('accepts uploads of this server, as a path or a full URL, and keeps the path', async () => {
    const a = await uploadPhoto(ctx.app);
    const b = await uploadPhoto(ctx.app);
    const res = await submit(ctx.app, validInput({ photos: [a, `https://pds.example.cn${b}`] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().photos).toEqual([a, b]);
  });

  it('refuses the same photo twice', async () => {
    const a = await uploadPhoto(ctx.app);
    const res = await submit(ctx.app, validInput({ photos: [a, a] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('photos');
  });
});

describe.each(DATABASES)('the rate limit on new requests on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect, { config: { ticketRateLimit: 3 } });
  });
  afterAll(() => ctx.destroy());

  it('answers 429 rate_limited with Retry-After past the limit, yet still answers a replay', async () => {
    const before = await countTickets(ctx.app);
    const key = randomUUID();
    const first = await submit(ctx.app, validInput(), { key });
    expect(first.statusCode).toBe(201);
    await submit(ctx.app, validInput());
    await submit(ctx.app, validInput());
    const refused = await submit(ctx.app, validInput());
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countTickets(ctx.app)).toBe(before + 3);

    // A phone resending its queued request gets the ticket it already has.
    const replay = await submit(ctx.app, validInput(), { key });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().accessToken).toBe(first.json().accessToken);
  });

  it('counts per client address', async () => {
    const from = (remoteAddress: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/tickets',
        remoteAddress,
        headers: { 'idempotency-key': randomUUID() },
        payload: validInput(),
      });
    for (let i = 0; i < 3; i++) expect((await from('10.1.2.1')).statusCode).toBe(201);
    expect((await from('10.1.2.1')).statusCode).toBe(429);
    expect((await from('10.1.2.3')).statusCode).toBe(201);
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
