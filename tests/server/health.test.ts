import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import pg from 'pg';
import { precompressH5Build, writeServiceWorker } from '../../server/h5-build';
import { buildApp } from '../../server/build-app';
import { createTestApp, DATABASES, testConfig, type TestContext } from '../support/test-app';

describe.each(DATABASES)('server basics on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(dialect);
  });
  afterAll(() => ctx.destroy());

  it('answers GET /api/health with ok', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown /api path with a 404 envelope, not the H5 page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({
      code: 'route_not_found',
      message: expect.stringContaining('/api/no-such-thing'),
    });
  });

  it('answers broken JSON with a 400 envelope', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"oops":',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('serving the H5 build', () => {
  const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-h5-'));
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    fs.mkdirSync(path.join(h5Dir, 'js'));
    fs.writeFileSync(
      path.join(h5Dir, 'index.html'),
      '<!doctype html><script defer src="/js/app.1a2b3c4d.js"></script><div id="app"></div>',
    );
    fs.writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), 'console.log(1);'.repeat(500));
    // A page's chunk, loaded later by the app, and what sits beside it.
    fs.writeFileSync(path.join(h5Dir, 'js', '813.89a4dc5d.js'), 'console.log(2);');
    fs.writeFileSync(path.join(h5Dir, 'js', '813.89a4dc5d.js.LICENSE.txt'), 'MIT');
    fs.writeFileSync(path.join(h5Dir, 'js', '813.89a4dc5d.js.br'), 'compressed');
    writeServiceWorker(h5Dir, 'build-42');
    precompressH5Build(h5Dir);
    app = await buildApp({ config: { ...testConfig(h5Dir), h5Dir } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves index.html at / and makes the browser revalidate it', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker of the offline shell, always revalidated, keeping the whole build', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('minsheng-h5-');
    expect(res.body).toContain('build-42');
    expect(res.body).toContain('"/js/app.1a2b3c4d.js"');
    // And every page's code, so that a page never opened online opens offline; not the files beside it.
    expect(res.body).toContain('"/js/813.89a4dc5d.js"');
    expect(res.body).not.toMatch(/LICENSE|\.br"/);
    // A classic script: a service worker registered without { type: 'module' } cannot hold import or export.
    expect(res.body).not.toMatch(/\bexport\b|\bimport\b/);
  });

  it('sends the compressed copy to a browser that accepts it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/js/app.1a2b3c4d.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBeLessThan(7500 / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe('console.log(1);'.repeat(500));
  });

  it('lets the browser keep hashed assets for a year, compressed or not', async () => {
    for (const encoding of ['identity', 'br', 'gzip']) {
      const res = await app.inject({
        method: 'GET',
        url: '/js/app.1a2b3c4d.js',
        headers: { 'accept-encoding': encoding },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('keeps dotfiles of the build to itself', async () => {
    fs.writeFileSync(path.join(h5Dir, '.build-hash'), 'abc');
    const res = await app.inject({ method: 'GET', url: '/.build-hash' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toBe('abc');
  });
});

const onPostgres = DATABASES.includes('postgres') ? describe : describe.skip;

onPostgres('when PostgreSQL drops the connections', () => {
  it('keeps serving: the pool opens new ones', async () => {
    const ctx = await createTestApp('postgres');
    try {
      expect((await ctx.app.inject({ url: '/api/commitments?limit=1' })).statusCode).toBe(200);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1',
        [new URL(ctx.databaseUrl!).pathname.slice(1)],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      // The call above waits until the backends have exited; then let the pool hear of the closed connections.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await ctx.app.inject({ url: '/api/commitments?limit=1' })).statusCode).toBe(200);
    } finally {
      await ctx.destroy();
    }
  });
});
