import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, DATABASES, type TestContext } from '../support/test-app';
import { IMAGES, multipart } from './tickets-fixtures';

// Generous: the suites share two cores with builds and other suites.
jest.setTimeout(30_000);

describe.each(DATABASES)('photo uploads on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  const upload = (body: ReturnType<typeof multipart>) =>
    ctx.app.inject({ method: 'POST', url: '/api/uploads', ...body });

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
      const name = body.url.split('/').pop();
      expect(fs.readFileSync(path.join(ctx.dataDir, 'uploads', name))).toEqual(bytes);

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
    const res = await upload(multipart(html, { filename: 'photo.png', contentType: 'image/png' }));
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_image');
    expect(fs.readdirSync(path.join(ctx.dataDir, 'uploads'))).not.toContain('photo.png');
  });

  it('refuses an empty file', async () => {
    const res = await upload(multipart(Buffer.alloc(0)));
    expect(res.statusCode).toBe(415);
  });

  it('refuses a file over 5 MB: 413, nothing stored', async () => {
    const before = fs.readdirSync(path.join(ctx.dataDir, 'uploads')).length;
    const big = Buffer.concat([IMAGES.jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(multipart(big));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect(fs.readdirSync(path.join(ctx.dataDir, 'uploads')).length).toBe(before);
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
