import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { countRows, validInput } from './tickets-fixtures';

// 300 requests per database; the suites share two cores with builds and other suites.
jest.setTimeout(120_000);

const REQUIRED = ['category', 'content', 'district', 'anonymous', 'consent'] as const;
const STRING_FIELDS = [
  'category',
  'content',
  'district',
  'address',
  'commitmentId',
  'contactName',
  'phone',
];
const BOOLEAN_FIELDS = ['anonymous', 'consent'];

const notString = fc.jsonValue().filter((v) => typeof v !== 'string');
const notBoolean = fc.jsonValue().filter((v) => typeof v !== 'boolean');
const notArrayOfStrings = fc
  .jsonValue()
  .filter((v) => !Array.isArray(v) || v.some((x) => typeof x !== 'string') || v.length > 3);

interface Attempt {
  label: string;
  payload: string;
  contentType: string;
}

const json = (label: string, body: unknown): Attempt => ({
  label,
  payload: JSON.stringify(body),
  contentType: 'application/json',
});

/** Bodies that must never file a request, each built to be wrong in one known way (or several). */
const badAttempts: fc.Arbitrary<Attempt> = fc.oneof(
  // Any JSON at all that is not an object.
  fc
    .jsonValue()
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => json('non-object', v)),
  // Objects of random keys.
  fc.dictionary(fc.string(), fc.jsonValue()).map((v) => json('random object', v)),
  // A required field missing.
  fc
    .tuple(fc.subarray([...REQUIRED], { minLength: 1 }), fc.boolean())
    .map(([missing, anonymous]) => {
      const body: Record<string, unknown> = { ...validInput({ anonymous }) };
      for (const key of missing) delete body[key];
      return json(`missing ${missing.join(',')}`, body);
    }),
  // A field of the wrong type.
  fc
    .tuple(fc.constantFrom(...STRING_FIELDS), notString)
    .map(([key, value]) => json(`${key} not a string`, validInput({ [key]: value }))),
  fc
    .tuple(fc.constantFrom(...BOOLEAN_FIELDS), notBoolean)
    .map(([key, value]) => json(`${key} not a boolean`, validInput({ [key]: value }))),
  notArrayOfStrings.map((photos) => json('bad photos', validInput({ photos }))),
  // Values of the right type that break a rule.
  fc
    .constantFrom(
      { consent: false },
      { content: '短' },
      { content: '          ' },
      { category: 'weather' },
      { district: '郑州市' },
      { phone: '1234' },
      { anonymous: false, phone: '' },
      { photos: ['/api/uploads/../../minsheng.sqlite'] },
      { commitmentId: 'nope' },
    )
    .map((change) => json(`rule ${Object.keys(change).join(',')}`, validInput(change))),
  // Fields a client may not set.
  fc
    .tuple(
      fc.constantFrom('status', 'ticketNo', 'events', 'ratings', 'accessToken', 'createdAt', 'id'),
      fc.jsonValue(),
    )
    .map(([key, value]) => json(`extra ${key}`, { ...validInput(), [key]: value })),
  // Huge strings: over the form's limits, or over the body limit.
  fc
    .tuple(
      fc.constantFrom('content', 'address', 'contactName', 'phone'),
      fc.integer({ min: 1001, max: 100_000 }),
    )
    .map(([key, size]) => json(`huge ${key}`, validInput({ [key]: '长'.repeat(size) }))),
  // Broken JSON.
  fc.integer({ min: 1, max: 60 }).map((cut) => ({
    label: 'truncated JSON',
    payload: JSON.stringify(validInput()).slice(0, -cut),
    contentType: 'application/json',
  })),
  fc.string().map((s) => ({
    label: 'random text as JSON',
    payload: `{${s}`,
    contentType: 'application/json',
  })),
  // A valid body under the wrong content type.
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
    )
    .map((contentType) => ({
      label: `as ${contentType}`,
      payload: JSON.stringify(validInput()),
      contentType,
    })),
);

describe.each(DATABASES)('POST /api/tickets under random malformed bodies on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it('always answers a 4xx envelope and writes nothing', async () => {
    const before = await countRows(ctx.app);
    await fc.assert(
      fc.asyncProperty(badAttempts, async ({ label, payload, contentType }) => {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/tickets',
          headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
          payload,
        });
        const context = `${label}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect([context, res.statusCode >= 400 && res.statusCode < 500]).toEqual([context, true]);
        const body = res.json();
        expect(typeof body.code).toBe('string');
        expect(typeof body.message).toBe('string');
        expect(await countRows(ctx.app)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('still files a good request afterwards', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'idempotency-key': randomUUID() },
      payload: validInput(),
    });
    expect(res.statusCode).toBe(201);
  });
});
