import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type RouteOptions } from 'fastify';
import app, { fastifyOptions } from '../../server/app';
import { testConfig } from '../support/test-app';

jest.setTimeout(30_000);

/** The document checked against OpenAPI's own schema, by tests/support/validate-openapi.mjs. */
function validateOpenApi(doc: unknown): Promise<{ valid: boolean; errors: unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, '../support/validate-openapi.mjs')],
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
    child.stdin!.end(JSON.stringify(doc));
  });
}

/** `/api/tickets/:ticketNo` as OpenAPI writes it: `/api/tickets/{ticketNo}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

// The JSON API as OpenAPI 3.1: made from the routes' own schemas, so it is checked against the routes themselves.
describe('the OpenAPI document', () => {
  const routes: RouteOptions[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-openapi-'));
  const fastify = Fastify(fastifyOptions);
  fastify.addHook('onRoute', (route) => {
    routes.push(route);
  });

  beforeAll(async () => {
    await fastify.register(app, { config: testConfig(dataDir) });
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const document = async () => {
    const res = await fastify.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validateOpenApi(doc);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route under /api, each with every response it declares', async () => {
    const doc = await document();
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(15);
    for (const route of api) {
      const methods = (Array.isArray(route.method) ? route.method : [route.method])
        .map((m) => m.toLowerCase())
        .filter((m) => m !== 'head');
      for (const method of methods) {
        const operation = doc.paths[openApiPath(route.url)]?.[method];
        expect([method, route.url, operation !== undefined]).toEqual([method, route.url, true]);
        const declared = Object.keys((route.schema?.response as object | undefined) ?? {});
        expect([route.url, declared.length > 0]).toEqual([route.url, true]);
        expect(Object.keys(operation.responses).sort()).toEqual(declared.sort());
      }
    }
  });

  it('leaves out what is not the JSON API: Open311 and the app', async () => {
    const paths = Object.keys((await document()).paths);
    expect(paths.every((p) => p.startsWith('/api/'))).toBe(true);
  });

  it('reads as a page at /api/docs that loads nothing from elsewhere', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<code>/api/tickets/{ticketNo}/events</code>');
    expect(res.body).not.toMatch(/<script|<link|src=|https?:\/\/(?!wiki)/);
  });
});
