import { randomUUID } from 'node:crypto';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { countRows, countTickets, submit, uploadPhoto, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

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

  it('lets exactly the limit through from requests sent at the same moment', async () => {
    const from = (remoteAddress: string, key = randomUUID()) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/tickets',
        remoteAddress,
        headers: { 'idempotency-key': key },
        payload: validInput(),
      });
    const before = await countTickets(ctx.app);
    const key = randomUUID();
    const burst = await Promise.all([
      from('10.1.2.5', key),
      ...Array.from({ length: 5 }, () => from('10.1.2.5')),
      from('10.1.2.6'),
    ]);
    // Counted in the order they came: the first three of the address pass.
    expect(burst.map((res) => res.statusCode)).toEqual([201, 201, 201, 429, 429, 429, 201]);
    expect(await countTickets(ctx.app)).toBe(before + 4);
    // The key that made a ticket is answered again, past the limit.
    const replay = await from('10.1.2.5', key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().ticketNo).toBe(burst[0].json().ticketNo);
  });
});
