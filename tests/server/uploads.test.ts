import fs from 'node:fs';
import path from 'node:path';
import { Migrator } from 'kysely';
import { migrations } from '../../server/db/migrations';
import { findUpload, findUploadBytes } from '../../server/repositories/uploads';
import { manualClock } from '../support/clock';
import { IMAGES } from '../support/images';
import { multipart } from '../support/multipart';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { addStaff, bearer, login } from './auth-fixtures';
import { submit, uploadPhoto, validInput } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

/** A photo's bytes where its database keeps them: a file under DATA_DIR (SQLite), the database (PostgreSQL). */
async function storedBytes(ctx: TestContext, url: string): Promise<Buffer | undefined> {
  const name = url.split('/').pop()!;
  if (ctx.app.dialect === 'postgres') return findUploadBytes(ctx.app.db, { name });
  const file = path.join(ctx.dataDir, 'uploads', name);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

describe.each(DATABASES)('photo uploads on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  const upload = (body: ReturnType<typeof multipart>) =>
    ctx.app.inject({ method: 'POST', url: '/api/uploads', ...body });
  const countUploads = async () =>
    (await ctx.app.db.selectFrom('uploads').select('name').execute()).length;

  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
  ] as const)(
    'stores a %s under a random name and serves it back with safe headers',
    async (kind, type) => {
      const bytes = IMAGES[kind];
      // The declared name and type are ignored: the bytes decide.
      const res = await upload(multipart(bytes, { filename: 'x.txt', contentType: 'text/plain' }));
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toEqual({
        url: expect.stringMatching(/^\/api\/uploads\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/),
        contentType: type,
        size: bytes.length,
      });
      expect(await storedBytes(ctx, body.url)).toEqual(bytes);

      const served = await ctx.app.inject({ url: body.url });
      expect(served.statusCode).toBe(200);
      expect(served.rawPayload).toEqual(bytes);
      expect(served.headers).toMatchObject({
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      expect(served.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    },
  );

  it('refuses a file that is not an image, whatever its name says: 415', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const before = await countUploads();
    const res = await upload(multipart(html, { filename: 'photo.png', contentType: 'image/png' }));
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_image');
    expect(await countUploads()).toBe(before);
  });

  it('refuses an empty file', async () => {
    const res = await upload(multipart(Buffer.alloc(0)));
    expect(res.statusCode).toBe(415);
  });

  it('refuses a file over 5 MB: 413, nothing stored', async () => {
    const before = await countUploads();
    const big = Buffer.concat([IMAGES.jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(multipart(big));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect(await countUploads()).toBe(before);
  });

  it('accepts a file of exactly 5 MB', async () => {
    const exact = Buffer.concat([IMAGES.jpeg, Buffer.alloc(5 * 1024 * 1024 - IMAGES.jpeg.length)]);
    expect((await upload(multipart(exact))).statusCode).toBe(201);
  });

  it('refuses a body that is not multipart: 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('answers a multipart body without a boundary, or cut short, with 400', async () => {
    const boundary = 'b0undary';
    for (const [type, payload] of [
      ['multipart/form-data', 'whatever'],
      [
        `multipart/form-data; boundary=${boundary}`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG`,
      ],
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { 'content-type': type },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('bad_request');
    }
  });

  it('asks for a file when the form has none', async () => {
    const boundary = 'b0undary';
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('file');
  });

  it('answers 404 for names it did not give, including path tricks', async () => {
    for (const name of [
      '0123456789abcdef0123456789abcdef.png',
      '..%2F..%2Fminsheng.sqlite',
      'minsheng.sqlite',
      '%2e%2e',
    ]) {
      const res = await ctx.app.inject({ url: `/api/uploads/${name}` });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });
});

describe.each(DATABASES)('the rate limit on uploads on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect, { config: { ticketRateLimit: 1 } });
  });
  afterAll(() => ctx.destroy());

  it('allows the photos of each request a client may file, then answers 429 with Retry-After', async () => {
    const upload = () =>
      ctx.app.inject({ method: 'POST', url: '/api/uploads', ...multipart(IMAGES.jpeg) });
    // One request a minute, so three photos a minute.
    for (let i = 0; i < 3; i++) expect((await upload()).statusCode).toBe(201);
    const refused = await upload();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe.each(DATABASES)('photos nobody used on %s', (dialect) => {
  const clock = manualClock('2026-11-26T02:00:00.000Z');
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect, { now: clock.now });
  });
  afterAll(() => ctx.destroy());

  const DAY_HOURS = 24;
  const sweep = () => ctx.app.photos.deleteUnused(clock.now());
  const isServed = async (url: string) => (await ctx.app.inject({ url })).statusCode === 200;
  const onDisk = async (url: string) => (await storedBytes(ctx, url)) !== undefined;

  it('are deleted after 30 days, record and file; photos of a request or an update stay', async () => {
    const unused = await uploadPhoto(ctx.app);
    const ofTicket = await uploadPhoto(ctx.app);
    const ofUpdate = await uploadPhoto(ctx.app);
    expect((await submit(ctx.app, validInput({ photos: [ofTicket] }))).statusCode).toBe(201);
    await addStaff(ctx.app, { username: 'sweeper' });
    const { token } = await login(ctx.app, 'sweeper');
    const posted = await ctx.app.inject({
      method: 'POST',
      url: '/api/commitments/edu-kindergartens-11/updates',
      headers: bearer(token),
      payload: { value: 1, note: '一所幼儿园已开工', photos: [ofUpdate] },
    });
    expect(posted.statusCode).toBe(201);

    clock.advanceHours(29 * DAY_HOURS);
    const recent = await uploadPhoto(ctx.app);
    expect(await sweep()).toBe(0);
    expect(await isServed(unused)).toBe(true);

    clock.advanceHours(2 * DAY_HOURS);
    expect(await sweep()).toBe(1);
    expect(await isServed(unused)).toBe(false);
    expect(await onDisk(unused)).toBe(false);
    for (const kept of [ofTicket, ofUpdate, recent]) {
      expect(await isServed(kept)).toBe(true);
      expect(await onDisk(kept)).toBe(true);
    }

    // A draft that still holds the deleted photo is told to upload it again.
    const late = await submit(ctx.app, validInput({ photos: [unused] }));
    expect(late.statusCode).toBe(400);
    expect(late.json().details).toEqual([{ field: 'photos', message: expect.any(String) }]);
  });

  it('counts a photo as used only when its request is accepted', async () => {
    const photo = await uploadPhoto(ctx.app);
    const refused = await submit(
      ctx.app,
      validInput({ photos: [photo], commitmentId: 'no-such-commitment' }),
    );
    expect(refused.statusCode).toBe(400);
    clock.advanceHours(31 * DAY_HOURS);
    await sweep();
    expect(await isServed(photo)).toBe(false);
  });

  it('counts photos already in use as used when the database is upgraded', async () => {
    const photo = await uploadPhoto(ctx.app);
    expect((await submit(ctx.app, validInput({ photos: [photo] }))).statusCode).toBe(201);
    const migrator = new Migrator({
      db: ctx.app.db,
      provider: { getMigrations: async () => migrations },
    });
    // Back a step, then forward again: the use of the photo stays known (its record is kept).
    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    clock.advanceHours(31 * DAY_HOURS);
    await sweep();
    expect(await findUpload(ctx.app.db, { name: photo.split('/').pop()! })).toBeDefined();
  });
});
